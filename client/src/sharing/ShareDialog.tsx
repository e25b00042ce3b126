/**
 * Who may open a briefing: the team's default role and the people it is shared with by name.
 * Owners change both here; everyone else sees the same list without controls. Changes reach
 * open editors at once (the server re-checks their sockets).
 */
import { type FormEvent, useCallback, useState } from 'react'
import {
  BRIEFING_ROLES,
  type BriefingRole,
  TEAM_DEFAULT_ROLES,
  type TeamDefaultRole,
} from '../../../shared/access'
import { ApiError, errorMessage } from '../api/apiError'
import type { BriefingRecord } from '../api/briefings'
import {
  getBriefingAccess,
  type Share,
  setTeamRole,
  shareBriefing,
  unshareBriefing,
} from '../api/shares'
import { useAccount } from '../auth/AuthProvider'
import { looksLikeEmail } from '../auth/validation'
import { identityOf } from '../identity/identity'
import { Link } from '../router/Link'
import { teamLabel } from '../teams/currentTeam'
import { Avatar } from '../ui/Avatar'
import { IconButton } from '../ui/IconButton'
import { TrashIcon, UsersIcon } from '../ui/icons'
import { Modal } from '../ui/Modal'
import { Notice } from '../ui/Notice'
import { useLoaded } from '../ui/useLoaded'
import { BRIEFING_ROLE_LABELS, TEAM_DEFAULT_LABELS } from './roles'

interface ShareDialogProps {
  briefing: BriefingRecord
  mayShare: boolean
  onBriefingChange: (briefing: BriefingRecord) => void
  onClose: () => void
}

export function ShareDialog({ briefing, mayShare, onBriefingChange, onClose }: ShareDialogProps) {
  const { user, teams } = useAccount()
  const { state, reload } = useLoaded(
    useCallback(() => getBriefingAccess(briefing.id), [briefing.id]),
  )
  const [error, setError] = useState<string | null>(null)

  /** Runs a change, then shows the access as the server now has it. */
  const change = async (action: () => Promise<unknown>, failure: string) => {
    setError(null)
    try {
      await action()
    } catch (err) {
      setError(`${failure} ${errorMessage(err)}`)
    }
    await reload()
  }

  const team = teams.find((t) => t.id === briefing.teamId)
  const teamName = team ? teamLabel(team) : 'the team'

  return (
    <Modal
      title={mayShare ? `Share “${briefing.title}”` : 'Who has access'}
      onDismiss={onClose}
      className="modal--wide"
    >
      {!mayShare && (
        <p className="modal__text">Only the briefing’s owners can change who has access.</p>
      )}
      {error && <Notice tone="error">{error}</Notice>}
      {state.status === 'loading' && <p className="modal__text">Loading…</p>}
      {state.status === 'error' && (
        <Notice tone="error" action={{ label: 'Try again', onClick: reload }}>
          Could not load who has access. {state.message}
        </Notice>
      )}
      {state.status === 'ready' && (
        <div className="share">
          <div className="share__row share__row--team">
            <span className="share__team-icon">
              <UsersIcon size={18} />
            </span>
            <div className="people-list__who">
              <span className="people-list__name">
                Everyone in {team?.personal ? 'your personal team' : teamName}
              </span>
              <span className="people-list__email">Team admins can always open and share it.</span>
            </div>
            {mayShare ? (
              <select
                className="select"
                aria-label="Team access"
                value={state.value.teamRole}
                onChange={(event) => {
                  const teamRole = event.target.value as TeamDefaultRole
                  change(
                    () => setTeamRole(briefing.id, teamRole).then(onBriefingChange),
                    'Team access was not changed.',
                  )
                }}
              >
                {TEAM_DEFAULT_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {TEAM_DEFAULT_LABELS[role]}
                  </option>
                ))}
              </select>
            ) : (
              <span className="tag">{TEAM_DEFAULT_LABELS[state.value.teamRole]}</span>
            )}
          </div>
          <h3 className="share__heading">People with access</h3>
          <ul className="people-list people-list--compact" aria-label="People with access">
            {state.value.shares.map((share) => (
              <ShareRow
                key={share.userId}
                share={share}
                isSelf={share.userId === user.id}
                mayShare={mayShare}
                onRole={(role) =>
                  change(
                    () => shareBriefing(briefing.id, share.email, role),
                    `${share.name}’s access was not changed.`,
                  )
                }
                onRemove={() =>
                  change(
                    () => unshareBriefing(briefing.id, share.userId),
                    `${share.name} was not removed.`,
                  )
                }
              />
            ))}
          </ul>
          {mayShare && (
            <AddPersonForm
              teamId={briefing.teamId}
              teamName={teamName}
              isTeamAdmin={team?.role === 'admin'}
              onShare={async (email, role) => {
                await shareBriefing(briefing.id, email, role)
                await reload()
              }}
            />
          )}
        </div>
      )}
      <div className="modal__actions">
        <button type="button" className="button button--ghost" onClick={onClose}>
          Done
        </button>
      </div>
    </Modal>
  )
}

interface ShareRowProps {
  share: Share
  isSelf: boolean
  mayShare: boolean
  onRole: (role: BriefingRole) => void
  onRemove: () => void
}

function ShareRow({ share, isSelf, mayShare, onRole, onRemove }: ShareRowProps) {
  const identity = identityOf({ id: share.userId, name: share.name })
  const editable = mayShare && !isSelf
  return (
    <li className="people-list__row" data-email={share.email}>
      <Avatar name={identity.name} color={identity.color} size="small" />
      <div className="people-list__who">
        <span className="people-list__name">
          {share.name}
          {isSelf && <span className="people-list__you"> (you)</span>}
        </span>
        <span className="people-list__email">{share.email}</span>
      </div>
      {editable ? (
        <>
          <select
            className="select"
            aria-label={`Access for ${share.name}`}
            value={share.role}
            onChange={(event) => onRole(event.target.value as BriefingRole)}
          >
            {BRIEFING_ROLES.map((role) => (
              <option key={role} value={role}>
                {BRIEFING_ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          <IconButton
            label={`Remove ${share.name}`}
            title="Remove access"
            danger
            onClick={onRemove}
          >
            <TrashIcon />
          </IconButton>
        </>
      ) : (
        <span className="tag">{BRIEFING_ROLE_LABELS[share.role]}</span>
      )}
    </li>
  )
}

interface AddPersonFormProps {
  teamId: string
  teamName: string
  isTeamAdmin: boolean
  onShare: (email: string, role: BriefingRole) => Promise<void>
}

/** Least privilege first: a new person can view until the owner chooses more. */
const DEFAULT_SHARE_ROLE: BriefingRole = 'viewer'

function AddPersonForm({ teamId, teamName, isTeamAdmin, onShare }: AddPersonFormProps) {
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<BriefingRole>(DEFAULT_SHARE_ROLE)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<{ message: string; noAccount: boolean } | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!looksLikeEmail(email)) {
      return setError({ message: 'Enter the e-mail address of their account.', noAccount: false })
    }
    setBusy(true)
    setError(null)
    try {
      await onShare(email.trim(), role)
      setEmail('')
    } catch (err) {
      const noAccount = err instanceof ApiError && err.code === 'no_account'
      setError({
        message: noAccount ? `Nobody has an account with ${email.trim()}.` : errorMessage(err),
        noAccount,
      })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="share__add" onSubmit={submit} noValidate>
      <h3 className="share__heading">Add a person</h3>
      <div className="share__add-row">
        <input
          className="input"
          type="email"
          aria-label="E-mail of the person to add"
          placeholder="name@example.org"
          value={email}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            setEmail(event.target.value)
            setError(null)
          }}
        />
        <select
          className="select"
          aria-label="Access for the new person"
          value={role}
          onChange={(event) => setRole(event.target.value as BriefingRole)}
        >
          {BRIEFING_ROLES.map((r) => (
            <option key={r} value={r}>
              {BRIEFING_ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add'}
        </button>
      </div>
      {error && (
        <Notice tone="error">
          {error.message}{' '}
          {error.noAccount &&
            (isTeamAdmin ? (
              <>
                Invite them to {teamName} first:{' '}
                <Link to={{ page: 'team', teamId }}>open the team page</Link>.
              </>
            ) : (
              <>Ask an admin of {teamName} to invite them first.</>
            ))}
        </Notice>
      )}
    </form>
  )
}
