/** The home page: every briefing, newest edit first, with create, rename and delete. */
import { useState } from 'react'
import type { BriefingRecord } from '../api/briefings'
import type { Identity } from '../identity/identity'
import { navigate } from '../router/navigation'
import { AppHeader } from '../ui/AppHeader'
import { DocumentIcon } from '../ui/icons'
import { Notice } from '../ui/Notice'
import { BriefingRow } from './BriefingRow'
import { CreateBriefingForm } from './CreateBriefingForm'
import { DeleteBriefingDialog } from './DeleteBriefingDialog'
import { useBriefingList } from './useBriefingList'
import { useNow } from './useNow'

interface BriefingListPageProps {
  identity: Identity
  onEditName: () => void
}

export function BriefingListPage({ identity, onEditName }: BriefingListPageProps) {
  const { state, reload, create, rename, remove } = useBriefingList()
  const [deleting, setDeleting] = useState<BriefingRecord | null>(null)
  const now = useNow()

  return (
    <>
      <AppHeader identity={identity} onEditName={onEditName} />
      <main className="list-page">
        <div className="list-page__heading">
          <h1>Briefings</h1>
          <p className="list-page__subtitle">Shared documents your team writes together.</p>
        </div>
        <CreateBriefingForm
          onCreate={create}
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
        {state.status === 'ready' && state.briefings.length === 0 && <EmptyState />}
        {state.status === 'ready' && state.briefings.length > 0 && (
          <ul className="briefing-list" aria-label="Briefings">
            {state.briefings.map((briefing) => (
              <BriefingRow
                key={briefing.id}
                briefing={briefing}
                now={now}
                onRename={(title) => rename(briefing.id, title)}
                onDelete={() => setDeleting(briefing)}
              />
            ))}
          </ul>
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

function EmptyState() {
  return (
    <div className="empty-state">
      <span className="empty-state__icon">
        <DocumentIcon size={28} />
      </span>
      <h2>No briefings yet</h2>
      <p>
        Give your first briefing a title above. Everyone with the link can write in it with you.
      </p>
    </div>
  )
}
