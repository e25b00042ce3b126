/** The team's audit log for admins, newest first, one page at a time ("Load more"). */
import { useCallback, useEffect, useMemo, useState } from 'react'
import { errorMessage } from '../api/apiError'
import { type AuditEntry, getAuditPage, type TeamDetail } from '../api/teams'
import { relativeTime } from '../list/relativeTime'
import { Link } from '../router/Link'
import { Notice } from '../ui/Notice'
import { describeAudit } from './auditText'

type AuditState = {
  entries: AuditEntry[]
  /** Where the next page starts; null once the oldest entry is shown. */
  nextBefore: number | null
  loading: boolean
  error: string | null
}

export function AuditSection({ team }: { team: TeamDetail }) {
  const [state, setState] = useState<AuditState>({
    entries: [],
    nextBefore: null,
    loading: true,
    error: null,
  })
  const names = useMemo(
    () => new Map(team.members.map((member) => [member.userId, member.name])),
    [team.members],
  )

  const load = useCallback(
    async (before?: number) => {
      setState((s) => ({ ...s, loading: true, error: null }))
      try {
        const page = await getAuditPage(team.id, before)
        setState((s) => ({
          // A first page replaces what is shown (e.g. after an invite added an entry).
          entries: before === undefined ? page.entries : [...s.entries, ...page.entries],
          nextBefore: page.nextBefore,
          loading: false,
          error: null,
        }))
      } catch (err) {
        setState((s) => ({ ...s, loading: false, error: errorMessage(err) }))
      }
    },
    [team.id],
  )

  // Reloaded whenever the team changes (a new member, an invite), since those add entries.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `team` is the reload trigger.
  useEffect(() => {
    load()
  }, [load, team])

  const now = new Date()
  return (
    <section className="panel" aria-labelledby="audit-heading">
      <h2 id="audit-heading" className="panel__title">
        Activity
      </h2>
      <p className="panel__text">Sign-ins, membership and sharing changes in this team.</p>
      {state.entries.length > 0 && (
        <ol className="audit-list" aria-label="Audit log">
          {state.entries.map((entry) => {
            const line = describeAudit(entry, names)
            return (
              <li key={entry.id} className="audit-list__entry">
                <span className="audit-list__summary">
                  {line.summary}
                  {line.briefingId && (
                    <>
                      {' '}
                      <Link to={{ page: 'editor', briefingId: line.briefingId }}>Open</Link>
                    </>
                  )}
                </span>
                <time className="audit-list__time" dateTime={entry.at} title={entry.at}>
                  {relativeTime(entry.at, now)}
                </time>
              </li>
            )
          })}
        </ol>
      )}
      {!state.loading && !state.error && state.entries.length === 0 && (
        <p className="panel__text">Nothing has happened here yet.</p>
      )}
      {state.error && (
        <Notice
          tone="error"
          action={{ label: 'Try again', onClick: () => load(state.nextBefore ?? undefined) }}
        >
          Could not load the activity. {state.error}
        </Notice>
      )}
      {state.nextBefore !== null && (
        <button
          type="button"
          className="button button--ghost button--small"
          disabled={state.loading}
          onClick={() => load(state.nextBefore ?? undefined)}
        >
          {state.loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  )
}
