/** The team's members and their roles; admins change roles and remove people here. */
import { useState } from 'react'
import { TEAM_ROLES, type TeamRole } from '../../../shared/access'
import { errorMessage } from '../api/apiError'
import { removeMember, setMemberRole, type TeamDetail, type TeamMember } from '../api/teams'
import { useAccount } from '../auth/AuthProvider'
import { identityOf } from '../identity/identity'
import { TEAM_ROLE_LABELS } from '../sharing/roles'
import { Avatar } from '../ui/Avatar'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { IconButton } from '../ui/IconButton'
import { TrashIcon } from '../ui/icons'
import { Notice } from '../ui/Notice'

interface MembersSectionProps {
  team: TeamDetail
  onChanged: () => Promise<void>
}

export function MembersSection({ team, onChanged }: MembersSectionProps) {
  const { user } = useAccount()
  const [error, setError] = useState<string | null>(null)
  const [removing, setRemoving] = useState<TeamMember | null>(null)
  const isAdmin = team.role === 'admin'
  // Nobody leaves or is removed from a personal team.
  const mayRemove = isAdmin && !team.personal

  const changeRole = async (member: TeamMember, role: TeamRole) => {
    setError(null)
    try {
      await setMemberRole(team.id, member.userId, role)
      await onChanged()
    } catch (err) {
      setError(`Could not change ${member.name}’s role. ${errorMessage(err)}`)
    }
  }

  return (
    <section className="panel" aria-labelledby="members-heading">
      <h2 id="members-heading" className="panel__title">
        Members
      </h2>
      {error && <Notice tone="error">{error}</Notice>}
      <ul className="people-list" aria-label="Members">
        {team.members.map((member) => {
          const identity = identityOf({ id: member.userId, name: member.name })
          const isSelf = member.userId === user.id
          return (
            <li key={member.userId} className="people-list__row" data-email={member.email}>
              <Avatar name={identity.name} color={identity.color} />
              <div className="people-list__who">
                <span className="people-list__name">
                  {member.name}
                  {isSelf && <span className="people-list__you"> (you)</span>}
                </span>
                <span className="people-list__email">{member.email}</span>
              </div>
              {isAdmin ? (
                <select
                  className="select"
                  aria-label={`Role of ${member.name}`}
                  value={member.role}
                  onChange={(event) => changeRole(member, event.target.value as TeamRole)}
                >
                  {TEAM_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {TEAM_ROLE_LABELS[role]}
                    </option>
                  ))}
                </select>
              ) : (
                <span className="tag">{TEAM_ROLE_LABELS[member.role]}</span>
              )}
              {mayRemove && !isSelf ? (
                <IconButton
                  label={`Remove ${member.name}`}
                  title="Remove from team"
                  danger
                  onClick={() => setRemoving(member)}
                >
                  <TrashIcon />
                </IconButton>
              ) : (
                mayRemove && <span className="icon-button-placeholder" />
              )}
            </li>
          )
        })}
      </ul>
      {removing && (
        <RemoveMemberDialog
          team={team}
          member={removing}
          onRemoved={onChanged}
          onClose={() => setRemoving(null)}
        />
      )}
    </section>
  )
}

interface RemoveMemberDialogProps {
  team: TeamDetail
  member: TeamMember
  onRemoved: () => Promise<void>
  onClose: () => void
}

function RemoveMemberDialog({ team, member, onRemoved, onClose }: RemoveMemberDialogProps) {
  return (
    <ConfirmDialog
      title={`Remove ${member.name}?`}
      confirmLabel="Remove from team"
      busyLabel="Removing…"
      onConfirm={async () => {
        await removeMember(team.id, member.userId)
        await onRemoved()
      }}
      onClose={onClose}
    >
      {member.name} loses access to {team.name}’s briefings at once, including any they have open,
      unless a briefing was shared with them directly.
    </ConfirmDialog>
  )
}
