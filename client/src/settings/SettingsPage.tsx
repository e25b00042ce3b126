/**
 * `/settings`: the user's profile, the colour scheme, their account (name and password),
 * personal API tokens and, for the instance admin, registration.
 */
import { useAccount } from '../auth/AuthProvider'
import { identityOf } from '../identity/identity'
import { AppHeader, BackToBriefings } from '../ui/AppHeader'
import { Avatar } from '../ui/Avatar'
import { AccountSection } from './AccountSection'
import { AppearanceSection } from './AppearanceSection'
import { RegistrationSection } from './RegistrationSection'
import { TokensSection } from './TokensSection'

export function SettingsPage() {
  const { user } = useAccount()
  const identity = identityOf(user)
  return (
    <>
      <AppHeader>
        <BackToBriefings />
      </AppHeader>
      <main className="team-page">
        <div className="page-heading">
          <div>
            <h1>Settings</h1>
            <p className="page-heading__subtitle">Your account and how scripts reach Briefing.</p>
          </div>
        </div>
        <section className="panel" aria-labelledby="profile-heading">
          <h2 id="profile-heading" className="panel__title">
            Profile
          </h2>
          <div className="profile">
            <Avatar name={identity.name} color={identity.color} size="large" />
            <dl className="profile__fields">
              <dt>Name</dt>
              <dd>{user.name}</dd>
              <dt>E-mail</dt>
              <dd>{user.email}</dd>
              {user.isAdmin && (
                <>
                  <dt>Role</dt>
                  <dd>Instance admin</dd>
                </>
              )}
            </dl>
          </div>
          <p className="panel__text">
            Teammates see your name and this colour next to your cursor. In a briefing where someone
            who arrived before you has the same colour, you show in another one.
          </p>
        </section>
        <AppearanceSection />
        <AccountSection user={user} />
        <TokensSection />
        {user.isAdmin && <RegistrationSection />}
      </main>
    </>
  )
}
