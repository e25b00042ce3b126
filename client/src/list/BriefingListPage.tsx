/**
 * The home page: the current team's briefings, with create, rename and delete; below them,
 * briefings people from other teams shared with the user. The user may instead show only
 * their own or only those shared with them, and sort by last edit, title or creation.
 */
import { Suspense, useState } from 'react'
import { briefingListView, type ListView } from '../../../shared/briefing/listView'
import type { TeamMembership } from '../api/auth'
import type { BriefingRecord } from '../api/briefings'
import { useAuth } from '../auth/AuthProvider'
import { accountOf } from '../auth/authState'
import { Link } from '../router/Link'
import { navigate } from '../router/navigation'
import { useCurrentTeam } from '../teams/CurrentTeamProvider'
import { teamLabel } from '../teams/currentTeam'
import { AppHeader } from '../ui/AppHeader'
import { DocumentIcon } from '../ui/icons'
import { lazyNamed } from '../ui/lazyNamed'
import { Notice } from '../ui/Notice'
import { BriefingRow } from './BriefingRow'
import { CreateBriefingForm } from './CreateBriefingForm'
import { DeleteBriefingDialog } from './DeleteBriefingDialog'
import type { ListChoice } from './ListControls'
import { useBriefingList } from './useBriefingList'
import { useInbox } from './useInbox'
import { useNow } from './useNow'

// The list's show and sort choices load once there is a list to order, so they do not weigh
// on the editor, which shares the app chunk this page is in (the page-weight budget).
const ListControls = lazyNamed(() => import('./ListControls'), 'ListControls')

export function BriefingListPage() {
  const { team, teams } = useCurrentTeam()
  const { state, reload, create, rename, remove } = useBriefingList()
  const [deleting, setDeleting] = useState<BriefingRecord | null>(null)
  const now = useNow()
  const inbox = useInbox()
  const me = accountOf(useAuth().state)
  const [choice, setChoice] = useState<ListChoice>({ filter: 'team', sort: 'updated' })

  const viewer = { userId: me?.user.id ?? '', teamIds: new Set(teams.map((t) => t.id)) }
  const all = state.status === 'ready' ? state.briefings : []
  const shown = (view: Omit<ListView, 'sort'>) =>
    briefingListView(all, { ...view, sort: choice.sort }, viewer)
  // The team view lists the team's briefings with those shared from elsewhere below them;
  // the other two are one list across every team.
  const main =
    choice.filter === 'team'
      ? shown({ show: 'all', team: team?.id ?? '' })
      : shown({ show: choice.filter })
  const sharedWithMe = choice.filter === 'team' ? shown({ show: 'shared' }) : []

  const rows = (briefings: BriefingRecord[], label: string) => (
    <ul className="briefing-list" aria-label={label}>
      {briefings.map((briefing) => (
        <BriefingRow
          key={briefing.id}
          briefing={briefing}
          now={now}
          comments={inbox.get(briefing.id)}
          onRename={(title) => rename(briefing.id, title)}
          onDelete={() => setDeleting(briefing)}
        />
      ))}
    </ul>
  )

  return (
    <>
      <AppHeader />
      <main className="list-page">
        <div className="list-page__heading">
          <div>
            <h1>{team && !team.personal ? team.name : 'Your briefings'}</h1>
            <p className="list-page__subtitle">
              {team && !team.personal
                ? 'Briefings this team writes together.'
                : 'Your own briefings. Share one from its editor, or switch to a team above.'}
            </p>
          </div>
          {team && !team.personal && (
            <Link
              to={{ page: 'team', teamId: team.id }}
              className="button button--ghost button--small"
            >
              Members and invites
            </Link>
          )}
        </div>
        <CreateBriefingForm
          onCreate={(title) => create(title, team?.id)}
          onCreated={(briefing) => navigate({ page: 'editor', briefingId: briefing.id })}
        />
        {state.status === 'loading' && (
          <p className="list-page__loading" aria-live="polite">
            Loading briefings…
          </p>
        )}
        {state.status === 'error' && (
          <Notice tone="error" action={{ label: 'Try again', onClick: reload }}>
            Could not load briefings. {state.message}
          </Notice>
        )}
        {state.status === 'ready' && all.length > 0 && (
          <Suspense fallback={<div className="list-controls" />}>
            <ListControls choice={choice} onChange={setChoice} />
          </Suspense>
        )}
        {state.status === 'ready' &&
          main.length === 0 &&
          (choice.filter === 'team' ? (
            <EmptyState team={team} />
          ) : (
            <p className="list-page__loading">
              {choice.filter === 'mine'
                ? 'You have not created any briefings yet.'
                : 'Nobody outside your teams has shared a briefing with you yet.'}
            </p>
          ))}
        {main.length > 0 && rows(main, 'Briefings')}
        {sharedWithMe.length > 0 && (
          <section className="list-page__section" aria-labelledby="shared-heading">
            <h2 id="shared-heading" className="list-page__section-title">
              Shared with you
            </h2>
            {rows(sharedWithMe, 'Shared with you')}
          </section>
        )}
      </main>
      {deleting && (
        <DeleteBriefingDialog
          briefing={deleting}
          onConfirm={() => remove(deleting.id)}
          onClose={() => setDeleting(null)}
        />
      )}
    </>
  )
}

function EmptyState({ team }: { team: TeamMembership | null }) {
  return (
    <div className="empty-state">
      <span className="empty-state__icon">
        <DocumentIcon size={28} />
      </span>
      <h2>No briefings {team && !team.personal ? `in ${teamLabel(team)}` : 'yet'}</h2>
      <p>
        {team && !team.personal
          ? 'Give the first one a title above. Everyone in the team can open it.'
          : 'Give your first briefing a title above. Only you can see it until you share it.'}
      </p>
    </div>
  )
}
