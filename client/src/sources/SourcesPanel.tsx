/**
 * The sources side panel: the briefing's sources, one source's quotes and full text, and the
 * Add-source dialog. Sources arrive live from the Y.Doc, whoever added them. Inserting goes
 * through the editor's commands, so the panel never writes the document directly.
 */
import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { Suspense, useState } from 'react'
import type { ExtractedQuote, Source } from '../../../shared/sources'
import { insertQuote } from '../editor/quote/insertQuote'
import { IconButton } from '../ui/IconButton'
import { lazyNamed } from '../ui/lazyNamed'
import { Notice } from '../ui/Notice'
import { CloseIcon } from './icons'
import {
  type Attribution,
  type QuoteFromSource,
  quoteFromExtracted,
  quoteFromSelection,
} from './quoteInput'
import type { BodyRange } from './readerSegments'
import type { SourceTab } from './SourceDetail'
import { SourceList } from './SourceList'
import { useSourcesContext } from './sourcesContext'
import { useSourceList } from './useSources'

// Opened by a click (a source, or Add), so fetched then rather than with the editor page: the
// page-weight budget (bench/lib/pageWeight.ts).
const SourceDetail = lazyNamed(() => import('./SourceDetail'), 'SourceDetail')
const AddSourceDialog = lazyNamed(() => import('./AddSourceDialog'), 'AddSourceDialog')

/** What the panel shows. */
export type PanelView =
  | { kind: 'library' }
  | { kind: 'source'; sourceId: string; tab: SourceTab; focus: BodyRange | null }

interface SourcesPanelProps {
  editor: Editor
  briefingId: string
  view: PanelView
  onViewChange: (view: PanelView) => void
  onClose: () => void
  /** Who inserts quotes, recorded on each block. */
  insertedBy: () => string
}

export function SourcesPanel({
  editor,
  briefingId,
  view,
  onViewChange,
  onClose,
  insertedBy,
}: SourcesPanelProps) {
  const { library } = useSourcesContext()
  const sources = useSourceList(library)
  const editable = useEditorState({ editor, selector: ({ editor: e }) => e.isEditable })
  const [adding, setAdding] = useState(false)
  // The server answers with the source before its Y.Doc update may have reached us.
  const [justAdded, setJustAdded] = useState<Source | null>(null)
  const [insertError, setInsertError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const synced = view.kind === 'source' ? sources.find((s) => s.id === view.sourceId) : undefined
  const shown =
    synced ?? (view.kind === 'source' && justAdded?.id === view.sourceId ? justAdded : undefined)
  // Quotes are checked against the briefing's copy of the source, so until it has synced
  // there is nothing to insert against.
  const canInsert = editable && synced !== undefined

  // A speaker a person chose is recorded as checked by them, so the block shows it verified.
  const insert = (quote: QuoteFromSource, attribution?: Attribution): boolean => {
    const check = attribution?.checked
      ? { speakerCheckedBy: insertedBy(), speakerCheckedAt: new Date().toISOString() }
      : {}
    const ok = insertQuote(editor, { ...quote, ...check, insertedBy: insertedBy() }) !== null
    setInsertError(
      ok ? null : 'That passage does not match the source text, so it was not inserted.',
    )
    return ok
  }
  const insertExtracted =
    (source: Source) => (quote: ExtractedQuote, attribution?: Attribution) => {
      insert(quoteFromExtracted(source, quote, attribution), attribution)
    }
  const insertRange = (source: Source) => (range: BodyRange, attribution: Attribution) =>
    insert(quoteFromSelection(source, range.start, range.end, attribution), attribution)

  return (
    <aside className="sources-panel" aria-label="Sources">
      <header className="sources-panel__header">
        <h2 className="sources-panel__title">
          Sources <span className="sources-panel__count">{sources.length}</span>
        </h2>
        {editable && (
          <button
            type="button"
            className="button button--primary button--small"
            onClick={() => setAdding(true)}
          >
            Add source
          </button>
        )}
        <IconButton label="Close sources panel" onClick={onClose}>
          <CloseIcon />
        </IconButton>
      </header>
      {insertError && (
        <div className="sources-panel__notice">
          <Notice tone="error" action={{ label: 'Dismiss', onClick: () => setInsertError(null) }}>
            {insertError}
          </Notice>
        </div>
      )}
      {notice && (
        <div className="sources-panel__notice">
          <Notice tone="info" action={{ label: 'Dismiss', onClick: () => setNotice(null) }}>
            {notice}
          </Notice>
        </div>
      )}
      <div className="sources-panel__body">
        {view.kind === 'source' && shown ? (
          <Suspense fallback={<p className="sources-panel__loading">Loading…</p>}>
            <SourceDetail
              key={shown.id}
              source={shown}
              tab={view.tab}
              focus={view.focus}
              onTab={(tab, focus = null) => onViewChange({ ...view, tab, focus })}
              onBack={() => onViewChange({ kind: 'library' })}
              briefingId={briefingId}
              editable={editable}
              onRemoved={(title) => {
                setNotice(`Removed “${title}” from the briefing.`)
                onViewChange({ kind: 'library' })
              }}
              onInsertQuote={canInsert ? insertExtracted(shown) : null}
              onQuoteRange={canInsert ? insertRange(shown) : null}
            />
          </Suspense>
        ) : (
          <SourceList
            sources={sources}
            onOpen={(sourceId) =>
              onViewChange({ kind: 'source', sourceId, tab: 'quotes', focus: null })
            }
            onAdd={editable ? () => setAdding(true) : null}
          />
        )}
      </div>
      {adding && (
        <Suspense fallback={null}>
          <AddSourceDialog
            briefingId={briefingId}
            onClose={() => setAdding(false)}
            onExisting={(sourceId, message) => {
              setAdding(false)
              setNotice(message)
              onViewChange({ kind: 'source', sourceId, tab: 'quotes', focus: null })
            }}
            onAdded={(source) => {
              setAdding(false)
              setJustAdded(source)
              onViewChange({ kind: 'source', sourceId: source.id, tab: 'quotes', focus: null })
            }}
          />
        </Suspense>
      )}
    </aside>
  )
}
