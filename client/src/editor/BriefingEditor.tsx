/**
 * An open briefing: header with the handling marking, presence, connection status, export and
 * sharing, then the editable page.
 */
import { Suspense, useState } from 'react'
import { can } from '../../../shared/access'
import { type BriefingRecord, getBriefing } from '../api/briefings'
import { useAccount } from '../auth/AuthProvider'
import { ExportMenu } from '../export/ExportMenu'
import { MarkingBadge, PaperMarking } from '../export/MarkingBadge'
import { useBriefingSettings } from '../export/useBriefingSettings'
import type { Identity } from '../identity/identity'
import { Link } from '../router/Link'
import { ReadOnlyBanner } from '../sharing/ReadOnlyBanner'
import { ShareButton } from '../sharing/ShareButton'
import { AppHeader, BackToBriefings } from '../ui/AppHeader'
import { lazyNamed } from '../ui/lazyNamed'
import { Notice } from '../ui/Notice'
import { badgeText, ConnectionBadge } from './ConnectionBadge'
import { isEditable } from './connectionState'
import { DocumentEditor } from './DocumentEditor'
import { PresenceAvatars } from './PresenceAvatars'
import { TitleField } from './TitleField'
import { useCollabSession } from './useCollabSession'
import { usePresence } from './usePresence'
import { useRoomIdentity } from './useRoomIdentity'

const HistoryDialog = lazyNamed(() => import('../versions/HistoryDialog'), 'HistoryDialog')
const DocumentSettingsDialog = lazyNamed(
  () => import('../export/DocumentSettingsDialog'),
  'DocumentSettingsDialog',
)

interface BriefingEditorProps {
  briefing: BriefingRecord
  identity: Identity
  onBriefingChange: (briefing: BriefingRecord) => void
}

export function BriefingEditor({ briefing, identity, onBriefingChange }: BriefingEditorProps) {
  const account = useAccount()
  const { session, connection, writeDenied } = useCollabSession(briefing, account.user.id, () => {
    // Learn the new role so the page stops offering what the server now refuses.
    getBriefing(briefing.id).then(onBriefingChange, () => {})
  })
  const people = usePresence(session?.provider.awareness ?? null)
  const shownAs = useRoomIdentity(session?.provider.awareness ?? null, identity)
  // Without a role from the server, allow editing and let the server decide.
  // `writeDenied` is the server's word on the open socket, ahead of the re-fetched role.
  const mayWrite = !writeDenied && (!briefing.role || can(briefing.role, 'write'))
  const mayRename = !briefing.role || can(briefing.role, 'rename')
  const editable = mayWrite && isEditable(connection)
  const settings = useBriefingSettings(session?.ydoc ?? null)
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [historyOpen, setHistoryOpen] = useState(false)
  const openSettings = () => setSettingsOpen(true)
  const { marking } = settings.settings

  return (
    <>
      <AppHeader fold pinned={<ConnectionBadge state={connection} />}>
        <BackToBriefings />
        {marking !== null && <MarkingBadge marking={marking} onOpenSettings={openSettings} />}
        <div className="app-header__status">
          <PresenceAvatars people={people} />
          {!mayWrite && (
            <span className="view-only-badge">
              {briefing.role === 'commenter' ? 'Comment only' : 'View only'}
            </span>
          )}
          <ExportMenu
            briefingId={briefing.id}
            settings={settings.settings}
            onOpenSettings={openSettings}
          />
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => setHistoryOpen(true)}
          >
            History
          </button>
          <ShareButton briefing={briefing} onBriefingChange={onBriefingChange} />
        </div>
      </AppHeader>
      {historyOpen && (
        <Suspense fallback={null}>
          <HistoryDialog
            briefingId={briefing.id}
            mayWrite={mayWrite}
            onClose={() => setHistoryOpen(false)}
          />
        </Suspense>
      )}
      {settingsOpen && session && (
        <Suspense fallback={null}>
          <DocumentSettingsDialog
            doc={session.ydoc}
            current={settings}
            lock={!mayWrite ? 'role' : editable ? null : 'offline'}
            onClose={() => setSettingsOpen(false)}
          />
        </Suspense>
      )}
      <main className="editor-page">
        {connection.kind === 'closed' && (
          <div className="editor-page__notice">
            <Notice tone="error">
              {badgeText(connection).detail} What you see is no longer saved.{' '}
              <Link to={{ page: 'list' }}>Back to all briefings</Link>
            </Notice>
          </div>
        )}
        {!mayWrite && connection.kind !== 'closed' && (
          <div className="editor-page__notice">
            <ReadOnlyBanner role={briefing.role} />
          </div>
        )}
        {session && (
          <DocumentEditor
            briefingId={briefing.id}
            session={session}
            identity={shownAs}
            editable={editable}
            role={briefing.role}
            me={account.user.id}
            header={(focusBody) => (
              <>
                {marking !== null && <PaperMarking marking={marking} />}
                <TitleField
                  briefing={briefing}
                  readOnly={!mayRename || connection.kind === 'closed'}
                  onRenamed={onBriefingChange}
                  onExit={focusBody}
                />
              </>
            )}
          />
        )}
      </main>
    </>
  )
}
