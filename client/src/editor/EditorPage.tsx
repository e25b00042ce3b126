/** `/b/:id`: loads the briefing's record, then opens it for editing. */
import { useCallback, useEffect } from 'react'
import { getBriefing } from '../api/briefings'
import type { Identity } from '../identity/identity'
import { dropOfflineCopy } from '../offline/offlineCopies'
import { Link } from '../router/Link'
import { AppHeader } from '../ui/AppHeader'
import { Notice } from '../ui/Notice'
import { useLoaded } from '../ui/useLoaded'
import { BriefingEditor } from './BriefingEditor'

interface EditorPageProps {
  briefingId: string
  identity: Identity
}

export function EditorPage({ briefingId, identity }: EditorPageProps) {
  const { state, retry, setValue } = useLoaded(
    useCallback(() => getBriefing(briefingId), [briefingId]),
    { missing: true },
  )

  const title = state.status === 'ready' ? state.value.title : null
  useEffect(() => {
    document.title = title ? `${title} · Briefing` : 'Briefing'
  }, [title])

  // Gone, or no longer ours to read (the API answers 404 for both): so is this device's copy.
  const missing = state.status === 'missing'
  useEffect(() => {
    if (missing) void dropOfflineCopy(briefingId)
  }, [missing, briefingId])

  if (state.status === 'ready') {
    return <BriefingEditor briefing={state.value} identity={identity} onBriefingChange={setValue} />
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
          <Notice tone="error" action={{ label: 'Try again', onClick: retry }}>
            Could not open the briefing. {state.message}
          </Notice>
        )}
      </main>
    </>
  )
}
