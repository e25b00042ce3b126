/** `/signin`: e-mail and password; afterwards the app shell takes the user where they were going. */
import { Link } from '../router/Link'
import { AuthLayout } from './AuthLayout'
import { useAuth } from './AuthProvider'
import { SignInForm } from './SignInForm'

export function SignInPage({ next }: { next?: string }) {
  const { signedIn } = useAuth()
  return (
    <AuthLayout
      title="Sign in"
      subtitle="Welcome back. Sign in to open your team’s briefings."
      footer={
        <>
          No account yet? <Link to={{ page: 'signup', next }}>Create one</Link>
        </>
      }
    >
      <SignInForm onSignedIn={signedIn} />
    </AuthLayout>
  )
}
