/**
 * The comments side panel: the briefing's threads in document order, filtered to open or
 * resolved ones, a new thread on the selected text, the suggested edits to accept or reject
 * (../suggestions/SuggestionList), and highlights of the commented text in
 * the editor while it is open. Loaded when first opened (the page-weight budget).
 */
import type { Editor } from '@tiptap/core'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import { listMentionable, markMentionsRead, startThread } from '../api/comments'
import { CloseIcon } from '../sources/icons'
import { SuggestionList } from '../suggestions/SuggestionList'
import { IconButton } from '../ui/IconButton'
import { Notice } from '../ui/Notice'
import { CommentComposer, type Mentionable } from './CommentComposer'
import { anchorRange, selectedRange, selectionAnchor } from './editorAnchors'
import { commentHighlights, commentHighlightsKey, type HighlightState } from './highlights'
import { ThreadCard } from './ThreadCard'
import { useThreads } from './useThreads'

interface CommentsPanelProps {
  editor: Editor
  briefingId: string
  provider: WebsocketProvider
  /** The caller may start, answer and edit their own comments (the server decides). */
  mayComment: boolean
  /** The caller may resolve and reopen anyone's thread. */
  mayModerate: boolean
  /** The caller may accept and reject suggested edits. */
  mayDecide: boolean
  me: string
  onClose: () => void
}

// Suggesting mode's filter loads with this panel's chunk (useSuggestingMode imports it from
// here): one lazy chunk for all of review. With a second lazy chunk sharing the track-changes
// library, rolldown 1.2 split ProseMirror off the editor chunk and the editor page's first
// load grew by 4 kB (rolldown/rolldown#10731).
export { suggestingFilter } from '../suggestions/suggestMode'

type Filter = 'open' | 'resolved'

export function CommentsPanel({
  editor,
  briefingId,
  provider,
  mayComment,
  mayModerate,
  mayDecide,
  me,
  onClose,
}: CommentsPanelProps) {
  const { threads, error, reload } = useThreads(briefingId, provider)
  const [filter, setFilter] = useState<Filter>('open')
  const [selected, setSelected] = useState<string | null>(null)
  const [composing, setComposing] = useState(false)
  const people = usePeople(briefingId)
  const hasSelection = useHasSelection(editor)

  // The highlight plugin reads the newest threads and selection through this ref.
  const highlight = useRef<HighlightState>({ threads: [], selected: null, filter: 'open' })
  highlight.current = { threads: threads ?? [], selected, filter }
  useEffect(() => {
    const plugin = commentHighlights(
      () => highlight.current,
      (threadId) => {
        setFilter('open')
        setSelected(threadId)
      },
    )
    editor.registerPlugin(plugin)
    return () => {
      editor.unregisterPlugin(commentHighlightsKey)
    }
  }, [editor])
  useEffect(() => {
    if (editor.isDestroyed) return
    // The meta carries what changed only so the plugin knows to redraw; it reads the ref.
    editor.view.dispatch(
      editor.state.tr.setMeta(commentHighlightsKey, { threads, selected, filter }),
    )
  }, [editor, threads, selected, filter])

  useEffect(() => {
    markMentionsRead(briefingId).catch(() => undefined)
  }, [briefingId])

  const select = (threadId: string) => {
    setSelected(threadId)
    const thread = threads?.find((t) => t.id === threadId)
    const range = thread && anchorRange(editor.state, thread.anchor)
    if (!range) return
    const { node } = editor.view.domAtPos(range.from)
    const element = node instanceof Element ? node : node.parentElement
    element?.scrollIntoView({ block: 'center', behavior: 'smooth' })
  }

  const counts = useMemo(() => {
    const all = threads ?? []
    return {
      open: all.filter((t) => t.status === 'open').length,
      resolved: all.filter((t) => t.status === 'resolved').length,
    }
  }, [threads])
  const shown = (threads ?? []).filter((t) => t.status === filter)

  return (
    <aside className="sources-panel comments-panel" aria-label="Comments">
      <header className="sources-panel__header">
        <h2 className="sources-panel__title">
          Comments <span className="sources-panel__count">{counts.open}</span>
        </h2>
        <IconButton label="Close comments panel" onClick={onClose}>
          <CloseIcon />
        </IconButton>
      </header>
      <div className="comments-panel__tools">
        <fieldset className="comments-panel__filters" aria-label="Show threads">
          {(['open', 'resolved'] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              className={`comments-panel__filter${filter === kind ? ' comments-panel__filter--active' : ''}`}
              aria-pressed={filter === kind}
              onClick={() => setFilter(kind)}
            >
              {kind === 'open' ? 'Open' : 'Resolved'} ({counts[kind]})
            </button>
          ))}
        </fieldset>
        {mayComment && !composing && (
          <button
            type="button"
            className="button button--primary button--small"
            disabled={!hasSelection}
            title={hasSelection ? undefined : 'Select the words to comment on first'}
            onClick={() => setComposing(true)}
          >
            Comment on selection
          </button>
        )}
      </div>
      {composing && (
        <NewThread
          editor={editor}
          briefingId={briefingId}
          people={people}
          onDone={(threadId) => {
            setComposing(false)
            if (!threadId) return
            setFilter('open')
            setSelected(threadId)
            reload()
          }}
        />
      )}
      {error && (
        <div className="sources-panel__notice">
          <Notice tone="error" action={{ label: 'Try again', onClick: reload }}>
            {error}
          </Notice>
        </div>
      )}
      <div className="sources-panel__body comments-panel__list">
        <SuggestionList editor={editor} mayDecide={mayDecide} />
        {threads === null && !error && <p className="panel-note">Loading…</p>}
        {threads !== null && shown.length === 0 && (
          <p className="panel-note">
            {filter === 'open' ? 'No open comments.' : 'No resolved comments.'}
          </p>
        )}
        {shown.map((thread) => (
          <ThreadCard
            key={thread.id}
            briefingId={briefingId}
            thread={thread}
            selected={thread.id === selected}
            me={me}
            mayComment={mayComment}
            mayModerate={mayModerate}
            people={people}
            onSelect={() => select(thread.id)}
            onChanged={reload}
          />
        ))}
      </div>
    </aside>
  )
}

interface NewThreadProps {
  editor: Editor
  briefingId: string
  people: readonly Mentionable[]
  onDone: (threadId: string | null) => void
}

/** The composer of a new thread, anchored on the selection as it was when it opened. */
function NewThread({ editor, briefingId, people, onDone }: NewThreadProps) {
  const [anchor] = useState(() => selectionAnchor(editor.view))
  const [quoted] = useState(() => {
    const range = selectedRange(editor.view)
    return range ? editor.state.doc.textBetween(range.from, range.to, ' ').slice(0, 200) : ''
  })
  if (!anchor) {
    return (
      <div className="sources-panel__notice">
        <Notice tone="warning" action={{ label: 'Dismiss', onClick: () => onDone(null) }}>
          Select some text or a quote block to comment on.
        </Notice>
      </div>
    )
  }
  return (
    <div className="comments-panel__new">
      <blockquote className="comment-thread__quote">{quoted}</blockquote>
      <CommentComposer
        label="Comment"
        submitLabel="Comment"
        people={people}
        onCancel={() => onDone(null)}
        onSubmit={async (body, mentions) => {
          const thread = await startThread(briefingId, anchor, body, mentions)
          onDone(thread.id)
        }}
      />
    </div>
  )
}

/** Whether anything is selected in the editor, following the browser's selection too. */
function useHasSelection(editor: Editor): boolean {
  const [has, setHas] = useState(() => selectedRange(editor.view) !== null)
  useEffect(() => {
    const update = () => setHas(selectedRange(editor.view) !== null)
    const doc = editor.view.dom.ownerDocument
    doc.addEventListener('selectionchange', update)
    editor.on('selectionUpdate', update)
    return () => {
      doc.removeEventListener('selectionchange', update)
      editor.off('selectionUpdate', update)
    }
  }, [editor])
  return has
}

/** People the briefing is shared with by name: who a comment may mention. */
function usePeople(briefingId: string): Mentionable[] {
  const [people, setPeople] = useState<Mentionable[]>([])
  useEffect(() => {
    let live = true
    listMentionable(briefingId).then(
      (list) => {
        if (live) setPeople(list)
      },
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [briefingId])
  return people
}
