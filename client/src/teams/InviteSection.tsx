/**
 * Inviting someone by e-mail. There is no mail server: the admin gets the invite link, shown
 * once, and passes it on. Below, the invites not yet used, each of which can be revoked.
 */
import { type FormEvent, useState } from 'react'
import { TEAM_ROLES, type TeamRole } from '../../../shared/access'
import {
  type CreatedInvite,
  inviteToTeam,
  type PendingInvite,
  revokeInvite,
  type TeamDetail,
} from '../api/teams'
import { errorFor } from '../auth/formError'
import { useFormSubmit } from '../auth/useFormSubmit'
import { looksLikeEmail } from '../auth/validation'
import { relativeTime } from '../list/relativeTime'
import { TEAM_ROLE_LABELS } from '../sharing/roles'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { CopyField } from '../ui/CopyField'
import { Notice } from '../ui/Notice'
import { TextField } from '../ui/TextField'

interface InviteSectionProps {
  team: TeamDetail
  onChanged: () => Promise<void>
}

export function InviteSection({ team, onChanged }: InviteSectionProps) {
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<TeamRole>('member')
  const { busy, error, setError, run } = useFormSubmit(['email', 'role'])
  const [created, setCreated] = useState<CreatedInvite | null>(null)
  const [revoking, setRevoking] = useState<PendingInvite | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const problem = looksLikeEmail(email)
      ? null
      : { field: 'email', message: 'Enter the e-mail address of the person to invite.' }
    run(problem, async () => {
      setCreated(await inviteToTeam(team.id, { email: email.trim(), role }))
      setEmail('')
      await onChanged()
    })
  }

  const now = new Date()
  return (
    <section className="panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading" className="panel__title">
        Invite people
      </h2>
      <p className="panel__text">
        Create an invite link for someone’s e-mail address and send it to them yourself. It works
        once, for that address, for 7 days.
      </p>
      <form className="inline-form" onSubmit={submit} noValidate>
        <TextField
          label="E-mail address"
          type="email"
          placeholder="name@example.org"
          value={email}
          error={errorFor(error, 'email')}
          onChange={(event) => {
            setEmail(event.target.value)
            setError(null)
          }}
        />
        <label className="field field--narrow">
          <span className="field__label">Role</span>
          <select
            className="select"
            value={role}
            onChange={(event) => setRole(event.target.value as TeamRole)}
          >
            {TEAM_ROLES.map((r) => (
              <option key={r} value={r}>
                {TEAM_ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="button button--primary inline-form__submit"
          disabled={busy}
        >
          {busy ? 'Creating…' : 'Create invite link'}
        </button>
      </form>
      {error?.field === null && <Notice tone="error">{error.message}</Notice>}
      {created && (
        <div className="invite-result" data-testid="invite-result">
          <p className="invite-result__text">
            Invite link for <strong>{created.email}</strong> ({TEAM_ROLE_LABELS[created.role]}).
            Copy it now: for safety it is not shown again.
          </p>
          <CopyField
            label="Invite link"
            value={new URL(created.url, window.location.origin).href}
          />
        </div>
      )}
      {team.invites.length > 0 && (
        <>
          <h3 className="panel__subtitle">Pending invites</h3>
          <ul className="people-list people-list--compact" aria-label="Pending invites">
            {team.invites.map((invite) => {
              const expired = new Date(invite.expiresAt) <= now
              const expiry = new Date(invite.expiresAt).toLocaleDateString(undefined, {
                day: 'numeric',
                month: 'short',
              })
              return (
                <li
                  key={invite.id}
                  className={`people-list__row${expired ? ' people-list__row--muted' : ''}`}
                >
                  <div className="people-list__who">
                    <span className="people-list__name">{invite.email}</span>
                    <span className="people-list__email">
                      Invited {relativeTime(invite.createdAt, now)} ·{' '}
                      {expired ? `expired ${expiry}; invite them again` : `expires ${expiry}`}
                    </span>
                  </div>
                  <span className="tag">{TEAM_ROLE_LABELS[invite.role]}</span>
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    aria-label={`Revoke the invite for ${invite.email}`}
                    onClick={() => setRevoking(invite)}
                  >
                    Revoke
                  </button>
                </li>
              )
            })}
          </ul>
        </>
      )}
      {revoking && (
        <RevokeInviteDialog
          team={team}
          invite={revoking}
          onRevoked={onChanged}
          onClose={() => setRevoking(null)}
        />
      )}
    </section>
  )
}

interface RevokeInviteDialogProps {
  team: TeamDetail
  invite: PendingInvite
  onRevoked: () => Promise<void>
  onClose: () => void
}

function RevokeInviteDialog({ team, invite, onRevoked, onClose }: RevokeInviteDialogProps) {
  return (
    <ConfirmDialog
      title={`Revoke the invite for ${invite.email}?`}
      confirmLabel="Revoke invite"
      busyLabel="Revoking…"
      onConfirm={async () => {
        await revokeInvite(team.id, invite.id)
        await onRevoked()
      }}
      onClose={onClose}
    >
      The invite link stops working at once, even if it has already been sent. To let {invite.email}{' '}
      join {team.name} later, create a new invite.
    </ConfirmDialog>
  )
}
