/**
 * The app shell: makes sure we know the user's name, then shows the page for the URL.
 */
import { lazy, Suspense, useEffect, useState } from 'react'
import { NameDialog } from './identity/NameDialog'
import { useIdentity } from './identity/useIdentity'
import { BriefingListPage } from './list/BriefingListPage'
import { Link } from './router/Link'
import { useRoute } from './router/navigation'
import { AppHeader } from './ui/AppHeader'

// The editor (ProseMirror, Tiptap, Yjs) is most of the bundle; the list page does not wait for it.
const EditorPage = lazy(() =>
  import('./editor/EditorPage').then((m) => ({ default: m.EditorPage })),
)

export function App() {
  const route = useRoute()
  const { identity, setName } = useIdentity()
  const [editingName, setEditingName] = useState(false)

  useEffect(() => {
    if (route.page !== 'editor') document.title = 'Briefing'
  }, [route.page])

  // Nothing loads before the user has a name: awareness would announce a nameless caret.
  if (!identity) {
    return (
      <>
        <AppHeader identity={null} />
        <NameDialog onSave={setName} />
      </>
    )
  }

  const editName = () => setEditingName(true)
  return (
    <>
      {route.page === 'list' && <BriefingListPage identity={identity} onEditName={editName} />}
      {route.page === 'editor' && (
        <Suspense fallback={<AppHeader identity={identity} onEditName={editName} />}>
          {/* Keyed so each briefing gets a fresh session and connection state. */}
          <EditorPage
            key={route.briefingId}
            briefingId={route.briefingId}
            identity={identity}
            onEditName={editName}
          />
        </Suspense>
      )}
      {route.page === 'not-found' && (
        <>
          <AppHeader identity={identity} onEditName={editName} />
          <main className="message-page">
            <h1>Page not found</h1>
            <p>There is nothing at {route.path}.</p>
            <Link to={{ page: 'list' }} className="button button--primary">
              See all briefings
            </Link>
          </main>
        </>
      )}
      {editingName && (
        <NameDialog
          initialName={identity.name}
          color={identity.color}
          onSave={(name) => {
            setName(name)
            setEditingName(false)
          }}
          onCancel={() => setEditingName(false)}
        />
      )}
    </>
  )
}
