/**
 * `/teams/:id`: who is in the team and with what role; for admins also inviting people,
 * pending invites and the team's audit log.
 */
import { useState } from 'react'
import { removeMember, type TeamDetail } from '../api/teams'
import { useAccount, useAuth } from '../auth/AuthProvider'
import { navigate } from '../router/navigation'
import { TEAM_ROLE_LABELS } from '../sharing/roles'
import { AppHeader, BackToBriefings } from '../ui/AppHeader'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { Notice } from '../ui/Notice'
import { AuditSection } from './AuditSection'
import { CreateTeamDialog } from './CreateTeamDialog'
import { useCurrentTeam } from './CurrentTeamProvider'
import { teamLabel } from './currentTeam'
import { InviteSection } from './InviteSection'
import { MembersSection } from './MembersSection'
import { useTeam } from './useTeam'

export function TeamPage({ teamId }: { teamId: string }) {
  const { state, reload } = useTeam(teamId)

  return (
    <>
      <AppHeader>
        <BackToBriefings />
      </AppHeader>
      <main className="team-page">
        {state.status === 'loading' && (
          <p className="team-page__loading" aria-live="polite">
            Loading team…
          </p>
        )}
        {state.status === 'missing' && (
          <div className="message-page">
            <h1>Team not found</h1>
            <p>You are not a member of this team, or it does not exist.</p>
          </div>
        )}
        {state.status === 'error' && (
          <Notice tone="error" action={{ label: 'Try again', onClick: reload }}>
            Could not load the team. {state.message}
          </Notice>
        )}
        {state.status === 'ready' && <TeamDetails team={state.value} reload={reload} />}
      </main>
    </>
  )
}

function TeamDetails({ team, reload }: { team: TeamDetail; reload: () => Promise<void> }) {
  const isAdmin = team.role === 'admin'
  return (
    <>
      <div className="page-heading">
        <div>
          <h1>{teamLabel(team)}</h1>
          <p className="page-heading__subtitle">
            {team.personal
              ? 'Your personal team. Briefings here are yours until you share them.'
              : `${team.members.length} ${team.members.length === 1 ? 'member' : 'members'} · you are ${isAdmin ? 'an admin' : 'a member'}`}
          </p>
        </div>
        <span className="tag tag--accent">{TEAM_ROLE_LABELS[team.role]}</span>
      </div>
      <MembersSection team={team} onChanged={reload} />
      {/* Nobody can leave a personal team, so inviting someone into it could not be undone. */}
      {isAdmin && !team.personal && <InviteSection team={team} onChanged={reload} />}
      {team.personal && <PersonalTeamHint />}
      {isAdmin && <AuditSection team={team} />}
      {!team.personal && <LeaveTeam team={team} />}
    </>
  )
}

function PersonalTeamHint() {
  const [creating, setCreating] = useState(false)
  return (
    <section className="panel panel--quiet" aria-labelledby="personal-heading">
      <h2 id="personal-heading" className="panel__title">
        Working with others
      </h2>
      <p className="panel__text">
        Share a single briefing from its Share button, or create a team to invite people and write
        together.
      </p>
      <div>
        <button type="button" className="button button--ghost" onClick={() => setCreating(true)}>
          Create a team
        </button>
      </div>
      {creating && <CreateTeamDialog onClose={() => setCreating(false)} />}
    </section>
  )
}

function LeaveTeam({ team }: { team: TeamDetail }) {
  const { user } = useAccount()
  const { refreshTeams } = useAuth()
  const { select, teams } = useCurrentTeam()
  const [confirming, setConfirming] = useState(false)
  // The server keeps at least one admin per team; say so instead of offering a doomed button.
  const lastAdmin =
    team.role === 'admin' && team.members.filter((m) => m.role === 'admin').length === 1

  const leave = async () => {
    await removeMember(team.id, user.id)
    const personal = teams.find((t) => t.personal)
    if (personal) select(personal.id)
    await refreshTeams()
    navigate({ page: 'list' })
  }

  return (
    <section className="panel panel--quiet" aria-labelledby="leave-heading">
      <h2 id="leave-heading" className="panel__title">
        Leave this team
      </h2>
      <p className="panel__text">
        {lastAdmin
          ? 'You are the only admin. Make someone else an admin before you leave.'
          : 'You will lose access to the team’s briefings unless someone shared one with you directly.'}
      </p>
      <div>
        <button
          type="button"
          className="button button--ghost"
          disabled={lastAdmin}
          onClick={() => setConfirming(true)}
        >
          Leave {team.name}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={`Leave ${team.name}?`}
          confirmLabel="Leave team"
          busyLabel="Leaving…"
          onConfirm={leave}
          onClose={() => setConfirming(false)}
        >
          You lose access to {team.name}’s briefings at once, including any you have open. An admin
          can invite you again.
        </ConfirmDialog>
      )}
    </section>
  )
}
