/**
 * `/signup`: creates an account. Knows, before the user types anything, whether they may:
 * the first account becomes the instance admin; when registration is invite-only, only an
 * invite link (`?invite=`) opens the form, with its e-mail filled in.
 */
import { type FormEvent, useEffect, useState } from 'react'
import { MAX_DISPLAY_NAME_LENGTH, MIN_PASSWORD_LENGTH } from '../../../shared/accountLimits'
import { errorMessage } from '../api/apiError'
import { type AuthConfig, getAuthConfig, register } from '../api/auth'
import { getInvite, type InviteInfo } from '../api/invites'
import { Link } from '../router/Link'
import { rememberChosenTeam } from '../teams/currentTeam'
import { LockIcon } from '../ui/icons'
import { Notice } from '../ui/Notice'
import { TextField } from '../ui/TextField'
import { AuthLayout } from './AuthLayout'
import { useAuth } from './AuthProvider'
import { errorFor } from './formError'
import { useFormSubmit } from './useFormSubmit'
import { checkRegistration } from './validation'

type LoadState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  /** `invite` is null without an invite link, or when the link does not work. */
  | { status: 'ready'; config: AuthConfig; invite: InviteInfo | null; inviteProblem: boolean }

interface SignUpPageProps {
  next?: string
  /** An invite link's token. */
  invite?: string
}

export function SignUpPage({ next, invite }: SignUpPageProps) {
  const [state, setState] = useState<LoadState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger.
  useEffect(() => {
    let current = true
    const inviteInfo = invite ? getInvite(invite).catch(() => null) : Promise.resolve(null)
    Promise.all([getAuthConfig(), inviteInfo]).then(
      ([config, info]) => {
        if (!current) return
        const usable = info?.valid ? info : null
        setState({ status: 'ready', config, invite: usable, inviteProblem: !!invite && !usable })
      },
      (err: unknown) => current && setState({ status: 'error', message: errorMessage(err) }),
    )
    return () => {
      current = false
    }
  }, [invite, attempt])

  // From an invite, signing in instead should come back to accept it.
  const signInNext = invite ? `/invite/${encodeURIComponent(invite)}` : next
  const footer = (
    <>
      Already have an account? <Link to={{ page: 'signin', next: signInNext }}>Sign in</Link>
    </>
  )

  if (state.status !== 'ready') {
    return (
      <AuthLayout title="Create your account" footer={footer}>
        {state.status === 'loading' ? (
          <p className="auth-card__subtitle" aria-live="polite">
            Loading…
          </p>
        ) : (
          <Notice
            tone="error"
            action={{ label: 'Try again', onClick: () => setAttempt((n) => n + 1) }}
          >
            {state.message}
          </Notice>
        )}
      </AuthLayout>
    )
  }

  const { config, invite: info, inviteProblem } = state
  const inviteOnly = config.hasUsers && !config.openRegistration && !info
  const [title, subtitle] = info
    ? [
        `Join ${info.teamName}`,
        `You have been invited to join ${info.teamName} as ${info.role === 'admin' ? 'an admin' : 'a member'}. Create your account to accept.`,
      ]
    : inviteOnly
      ? [
          'Registration is invite-only',
          'On this Briefing instance, new accounts are created from invite links.',
        ]
      : ['Create your account', 'Write and review briefings with your team, live.']
  return (
    <AuthLayout title={title} subtitle={subtitle} footer={footer}>
      {inviteProblem && (
        <Notice tone="warning">
          This invite link has already been used, has expired or was revoked. Ask the person who
          invited you for a new one.
        </Notice>
      )}
      {inviteOnly ? (
        <div className="invite-only" data-testid="invite-only">
          <span className="invite-only__icon">
            <LockIcon size={18} />
          </span>
          <p>
            Ask a team admin to invite your e-mail address, then open the link they send you to
            create your account.
          </p>
        </div>
      ) : (
        <>
          {!config.hasUsers && (
            <Notice tone="info">
              You are the first person here, so you will be the <strong>instance admin</strong>: you
              decide whether anyone may register or only people you invite.
            </Notice>
          )}
          <SignUpForm inviteToken={info ? invite : undefined} lockedEmail={info?.email} />
        </>
      )}
    </AuthLayout>
  )
}

const FIELDS = ['name', 'email', 'password'] as const

function SignUpForm({ inviteToken, lockedEmail }: { inviteToken?: string; lockedEmail?: string }) {
  const { signedIn } = useAuth()
  const [name, setName] = useState('')
  const [email, setEmail] = useState(lockedEmail ?? '')
  const [password, setPassword] = useState('')
  const { busy, error, setError, run } = useFormSubmit(FIELDS, { leavesOnSuccess: true })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    run(checkRegistration({ name, email, password }), async () => {
      const me = await register({ name: name.trim(), email: email.trim(), password, inviteToken })
      // Someone who joined through an invite came for that team: show it first.
      const joined = inviteToken && me.teams.find((team) => !team.personal)
      if (joined) rememberChosenTeam(window.localStorage, joined.id)
      signedIn(me)
    })
  }

  const change = (set: (value: string) => void) => (event: { target: { value: string } }) => {
    set(event.target.value)
    setError(null)
  }

  return (
    <form className="form-stack" onSubmit={submit} noValidate>
      {error?.field === null && <Notice tone="error">{error.message}</Notice>}
      <TextField
        label="Your name"
        autoComplete="name"
        placeholder="e.g. Ada Lovelace"
        hint="Teammates see it next to your cursor."
        maxLength={MAX_DISPLAY_NAME_LENGTH}
        autoFocus
        value={name}
        error={errorFor(error, 'name')}
        onChange={change(setName)}
      />
      <TextField
        label="Work e-mail"
        type="email"
        autoComplete="email"
        value={email}
        readOnly={lockedEmail !== undefined}
        hint={lockedEmail ? 'The invite is for this address.' : undefined}
        error={errorFor(error, 'email')}
        onChange={change(setEmail)}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters, and not one of the most common passwords.`}
        value={password}
        error={errorFor(error, 'password')}
        onChange={change(setPassword)}
      />
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? 'Creating account…' : 'Create account'}
      </button>
    </form>
  )
}
