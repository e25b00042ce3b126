/**
 * The Tiptap editor bound to a collaboration session, with its toolbar, on a document-like
 * page, and the sources panel beside it. The editor is created once per session; identity
 * and editability changes are pushed into the running editor instead of rebuilding it.
 */
import { EditorContent, useEditor } from '@tiptap/react'
import { type ReactNode, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { type BriefingRole, can } from '../../../shared/access'
import { settingsMap } from '../../../shared/briefing/settings'
import { createQuoteVerifier } from '../../../shared/quotes/verify'
import type { Identity } from '../identity/identity'
import type { BodyRange } from '../sources/readerSegments'
import { type PanelView, SourcesPanel } from '../sources/SourcesPanel'
import { SourceLibrary } from '../sources/sourceLibrary'
import { SourcesContext, type SourcesContextValue } from '../sources/sourcesContext'
import { lazyNamed } from '../ui/lazyNamed'
import { clientExtensions } from './extensions'
import { useMarkingsInUse } from './markings/markingsInUse'
import { isModKey } from './shortcuts'
import { Toolbar } from './toolbar/Toolbar'
import type { CollabSession } from './useCollabSession'
import { useSuggestingMode } from './useSuggestingMode'

// Opened by a click, so fetched then rather than with the editor page (bench/lib/pageWeight.ts).
const CommentsPanel = lazyNamed(() => import('../comments/CommentsPanel'), 'CommentsPanel')
// Both only once a briefing uses portion marks, or someone opens the menu.
const MarkingBanner = lazyNamed(() => import('./markings/MarkingBanner'), 'MarkingBanner')
const PortionMenu = lazyNamed(() => import('./markings/PortionMenu'), 'PortionMenu')

interface DocumentEditorProps {
  briefingId: string
  session: CollabSession
  identity: Identity
  editable: boolean
  /** The caller's role, for what the comments panel offers; the server decides. */
  role: BriefingRole | undefined
  /** The signed-in user's id: their own comments can be edited and deleted. */
  me: string
  /** Rendered at the top of the page, above the text (the title). */
  header: (focusBody: () => void) => ReactNode
}

// Beside the text on screens wide enough for both; below that the panel opens over the text.
const PANEL_OPEN_BY_DEFAULT = '(min-width: 1180px)'

export function DocumentEditor({
  briefingId,
  session,
  identity,
  editable,
  role,
  me,
  header,
}: DocumentEditorProps) {
  const [linkOpen, setLinkOpen] = useState(false)
  const [portionMenuOpen, setPortionMenuOpen] = useState(false)
  const openPortionMenu = useCallback(() => setPortionMenuOpen(true), [])
  // One side panel at a time: sources or comments.
  const [panel, setPanel] = useState<'sources' | 'comments' | null>(() =>
    window.matchMedia(PANEL_OPEN_BY_DEFAULT).matches ? 'sources' : null,
  )
  const panelOpen = panel === 'sources'
  const setPanelOpen = (open: boolean) => setPanel(open ? 'sources' : null)
  const [panelView, setPanelView] = useState<PanelView>({ kind: 'library' })
  // Read at insert time, so a quote records the name the user has now.
  const identityRef = useRef(identity)
  identityRef.current = identity
  const insertedBy = useCallback(() => identityRef.current.name, [])

  const editor = useEditor(
    {
      extensions: clientExtensions({
        ydoc: session.ydoc,
        provider: session.provider,
        user: identity,
        insertedBy,
        openPortionMenu,
      }),
      // Nothing typed before the first sync: it would land in an empty document and then be
      // merged into the real one at an arbitrary place.
      editable: false,
      // Tiptap would otherwise add a <style> tag at runtime, which a strict CSP blocks; the same
      // rules live in styles/prosemirror.css.
      injectCSS: false,
      editorProps: {
        attributes: { class: 'document', 'aria-label': 'Briefing text', spellcheck: 'true' },
        handleKeyDown: (view, event) => {
          if (!view.editable || !isModKey(event, 'k')) return false
          event.preventDefault()
          setLinkOpen(true)
          return true
        },
      },
    },
    [session],
  )

  const sources = useMemo<SourcesContextValue>(
    () => ({
      library: new SourceLibrary(session.ydoc),
      // One per session: it caches each source's normalised text for every block to share.
      verifier: createQuoteVerifier(),
      openSource: (sourceId: string, focus: BodyRange | null = null) => {
        setPanel('sources')
        setPanelView({ kind: 'source', sourceId, tab: focus ? 'text' : 'quotes', focus })
      },
      userName: insertedBy,
    }),
    [session, insertedBy],
  )

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable)
  }, [editor, editable])

  useEffect(() => {
    editor.commands.updateUser({ name: identity.name, color: identity.color })
  }, [editor, identity.name, identity.color])

  const mode = useSuggestingMode(editor, { id: me, name: identity.name })
  // Someone who can no longer write cannot suggest either (the server drops their edits).
  const { suggesting, choose } = mode
  useEffect(() => {
    if (!editable && suggesting) choose(false)
  }, [editable, suggesting, choose])

  const focusBody = () => editor.commands.focus('start')
  const markingsInUse = useMarkingsInUse(editor, session.ydoc)

  return (
    <SourcesContext.Provider value={sources}>
      <div className={`editor-layout${panel ? ' editor-layout--panel' : ''}`}>
        <div className="editor-shell">
          <Toolbar
            editor={editor}
            linkOpen={linkOpen}
            onLinkOpenChange={setLinkOpen}
            sourcesOpen={panelOpen}
            onSourcesOpenChange={setPanelOpen}
            commentsOpen={panel === 'comments'}
            onCommentsOpenChange={(open) => setPanel(open ? 'comments' : null)}
            mode={mode}
          >
            {portionMenuOpen && (
              <Suspense fallback={null}>
                <PortionMenu
                  editor={editor}
                  settings={settingsMap(session.ydoc)}
                  onClose={() => setPortionMenuOpen(false)}
                />
              </Suspense>
            )}
          </Toolbar>
          {mode.notice && <output className="suggesting-notice">{mode.notice}</output>}
          <article className={`paper${mode.suggesting ? ' paper--suggesting' : ''}`}>
            {markingsInUse && (
              <Suspense fallback={null}>
                <MarkingBanner editor={editor} settings={settingsMap(session.ydoc)} />
              </Suspense>
            )}
            {header(focusBody)}
            <EditorContent editor={editor} className="paper__body" />
          </article>
        </div>
        {panelOpen && (
          <SourcesPanel
            editor={editor}
            briefingId={briefingId}
            view={panelView}
            onViewChange={setPanelView}
            onClose={() => setPanelOpen(false)}
            insertedBy={insertedBy}
          />
        )}
        {panel === 'comments' && (
          <Suspense fallback={<aside className="sources-panel" aria-label="Comments" />}>
            <CommentsPanel
              editor={editor}
              briefingId={briefingId}
              provider={session.provider}
              // Without a role from the server, offer everything and let the server decide.
              mayComment={!role || can(role, 'comment')}
              mayModerate={!role || can(role, 'moderate')}
              mayDecide={editable}
              me={me}
              onClose={() => setPanel(null)}
            />
          </Suspense>
        )}
      </div>
    </SourcesContext.Provider>
  )
}
