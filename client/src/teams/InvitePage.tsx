/**
 * `/invite/:token`: what an invite link offers (which team, which role, for which e-mail)
 * and the way in: create an account from it, or sign in and accept it.
 */
import { useCallback, useState } from 'react'
import { errorMessage } from '../api/apiError'
import type { Me } from '../api/auth'
import { acceptInvite, getInvite, type InviteInfo } from '../api/invites'
import { AuthLayout } from '../auth/AuthLayout'
import { useAuth } from '../auth/AuthProvider'
import { accountOf } from '../auth/authState'
import { Link } from '../router/Link'
import { navigate } from '../router/navigation'
import { Notice } from '../ui/Notice'
import { useLoaded } from '../ui/useLoaded'
import { useCurrentTeam } from './CurrentTeamProvider'

export function InvitePage({ token }: { token: string }) {
  const me = accountOf(useAuth().state)
  const { state } = useLoaded(
    useCallback(() => getInvite(token), [token]),
    { missing: true },
  )

  if (state.status === 'loading') {
    return (
      <AuthLayout title="Invitation">
        <p className="auth-card__subtitle" aria-live="polite">
          Opening the invitation…
        </p>
      </AuthLayout>
    )
  }
  if (state.status !== 'ready' || !state.value.valid) {
    return (
      <AuthLayout title="This invite link does not work">
        <Notice tone={state.status === 'error' ? 'error' : 'warning'}>
          {state.status === 'error'
            ? state.message
            : state.status === 'missing'
              ? 'The link is not a valid invitation. Check that it was copied in full.'
              : 'It has already been used, has expired or was revoked. Ask the person who invited you for a new link.'}
        </Notice>
        <Link to={{ page: me ? 'list' : 'signin' }} className="button button--ghost button--block">
          {me ? 'Go to your briefings' : 'Sign in'}
        </Link>
      </AuthLayout>
    )
  }

  const invite = state.value
  return (
    <AuthLayout
      title={`Join ${invite.teamName}`}
      subtitle={
        <>
          You are invited to join <strong>{invite.teamName}</strong> as{' '}
          {invite.role === 'admin' ? 'an admin' : 'a member'}. The invitation is for{' '}
          <strong>{invite.email}</strong>.
        </>
      }
    >
      {me ? (
        <AcceptInvite token={token} invite={invite} me={me} />
      ) : (
        <div className="form-stack">
          <Link
            to={{ page: 'signup', invite: token }}
            className="button button--primary button--block"
          >
            Create an account and join
          </Link>
          <Link
            to={{ page: 'signin', next: `/invite/${encodeURIComponent(token)}` }}
            className="button button--ghost button--block"
          >
            I have an account: sign in
          </Link>
        </div>
      )}
    </AuthLayout>
  )
}

function AcceptInvite({ token, invite, me }: { token: string; invite: InviteInfo; me: Me }) {
  const { refreshTeams, signOut } = useAuth()
  const { select } = useCurrentTeam()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const otherAccount = me.user.email.toLowerCase() !== invite.email.toLowerCase()

  const accept = async () => {
    setBusy(true)
    setError(null)
    try {
      const { teamId } = await acceptInvite(token)
      await refreshTeams()
      select(teamId)
      navigate({ page: 'list' })
    } catch (err) {
      setError(errorMessage(err))
      setBusy(false)
    }
  }

  const switchAccount = async () => {
    await signOut().catch(() => {})
    navigate({ page: 'signin', next: `/invite/${encodeURIComponent(token)}` })
  }

  if (otherAccount) {
    return (
      <div className="form-stack">
        <Notice tone="warning">
          You are signed in as {me.user.email}. Sign in as {invite.email} to accept this invitation.
        </Notice>
        <button
          type="button"
          className="button button--primary button--block"
          onClick={switchAccount}
        >
          Sign out and switch account
        </button>
      </div>
    )
  }
  return (
    <div className="form-stack">
      {error && <Notice tone="error">{error}</Notice>}
      <button
        type="button"
        className="button button--primary button--block"
        onClick={accept}
        disabled={busy}
      >
        {busy ? 'Joining…' : `Join ${invite.teamName}`}
      </button>
    </div>
  )
}
