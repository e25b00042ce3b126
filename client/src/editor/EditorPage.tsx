/** `/b/:id`: loads the briefing's record, then opens it for editing. */
import { useEffect, useState } from 'react'
import { ApiError, errorMessage } from '../api/apiError'
import type { BriefingRecord } from '../api/briefings'
import { getBriefing } from '../api/briefings'
import type { Identity } from '../identity/identity'
import { Link } from '../router/Link'
import { AppHeader } from '../ui/AppHeader'
import { Notice } from '../ui/Notice'
import { BriefingEditor } from './BriefingEditor'

type LoadState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; message: string }
  | { status: 'ready'; briefing: BriefingRecord }

interface EditorPageProps {
  briefingId: string
  identity: Identity
}

export function EditorPage({ briefingId, identity }: EditorPageProps) {
  const [state, setState] = useState<LoadState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger.
  useEffect(() => {
    let current = true
    setState({ status: 'loading' })
    getBriefing(briefingId).then(
      (briefing) => current && setState({ status: 'ready', briefing }),
      (err: unknown) => {
        if (!current) return
        if (err instanceof ApiError && err.isNotFound) setState({ status: 'missing' })
        else setState({ status: 'error', message: errorMessage(err) })
      },
    )
    return () => {
      current = false
    }
  }, [briefingId, attempt])

  const title = state.status === 'ready' ? state.briefing.title : null
  useEffect(() => {
    document.title = title ? `${title} · Briefing` : 'Briefing'
  }, [title])

  if (state.status === 'ready') {
    return (
      <BriefingEditor
        briefing={state.briefing}
        identity={identity}
        onBriefingChange={(briefing) => setState({ status: 'ready', briefing })}
      />
    )
  }

  return (
    <>
      <AppHeader />
      <main className="message-page">
        {state.status === 'loading' && <p aria-live="polite">Opening briefing…</p>}
        {state.status === 'missing' && (
          <>
            <h1>Briefing not found</h1>
            <p>It may have been deleted, or the link is wrong.</p>
            <Link to={{ page: 'list' }} className="button button--primary">
              See all briefings
            </Link>
          </>
        )}
        {state.status === 'error' && (
          <Notice
            tone="error"
            action={{ label: 'Try again', onClick: () => setAttempt((n) => n + 1) }}
          >
            Could not open the briefing. {state.message}
          </Notice>
        )}
      </main>
    </>
  )
}
