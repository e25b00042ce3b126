/**
 * E-mail and password, signing in through the API. Used by the sign-in page and by the dialog
 * that appears when a session ends under an open page.
 */
import { type FormEvent, useState } from 'react'
import { type Me, signIn } from '../api/auth'
import { Notice } from '../ui/Notice'
import { TextField } from '../ui/TextField'
import { errorFor } from './formError'
import { useFormSubmit } from './useFormSubmit'

interface SignInFormProps {
  onSignedIn: (me: Me) => void
  initialEmail?: string
  /** Keeps the e-mail fixed: signing back in to the session that ended. */
  emailLocked?: boolean
  submitLabel?: string
}

const FIELDS = ['email', 'password'] as const

export function SignInForm({
  onSignedIn,
  initialEmail = '',
  emailLocked = false,
  submitLabel = 'Sign in',
}: SignInFormProps) {
  const [email, setEmail] = useState(initialEmail)
  const [password, setPassword] = useState('')
  const { busy, error, setError, run } = useFormSubmit(FIELDS, { leavesOnSuccess: true })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const problem = !email.trim()
      ? { field: 'email', message: 'Enter your e-mail address.' }
      : !password
        ? { field: 'password', message: 'Enter your password.' }
        : null
    run(problem, async () => onSignedIn(await signIn(email.trim(), password)))
  }

  return (
    <form className="form-stack" onSubmit={submit} noValidate>
      {error?.field === null && <Notice tone="error">{error.message}</Notice>}
      <TextField
        label="E-mail"
        type="email"
        autoComplete="username"
        value={email}
        readOnly={emailLocked}
        autoFocus={!emailLocked}
        error={errorFor(error, 'email')}
        onChange={(event) => {
          setEmail(event.target.value)
          setError(null)
        }}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        value={password}
        autoFocus={emailLocked}
        error={errorFor(error, 'password')}
        onChange={(event) => {
          setPassword(event.target.value)
          setError(null)
        }}
      />
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? 'Signing in…' : submitLabel}
      </button>
    </form>
  )
}
