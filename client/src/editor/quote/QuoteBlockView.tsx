/**
 * The quote block as it appears in the editor: the quoted words (never editable in place),
 * who said them, which source they come from with its citation number, and its status
 * (shared/quotes/status): words checked against the source, speaker checked against the
 * importer's attribution or a person's confirmation. The status is recomputed on every
 * render, that is whenever the block's attributes change (local edit or a peer's update) or
 * its source arrives. An altered quote is drawn so that it cannot be missed; an unconfirmed
 * or changed speaker is flagged and can be confirmed or corrected on the block.
 */
import { NodeViewWrapper, type ReactNodeViewProps, useEditorState } from '@tiptap/react'
import { Suspense, useMemo, useState } from 'react'
import { quoteNoteNumber } from '../../../../shared/citations/plugin'
import { quoteStatus } from '../../../../shared/quotes/status'
import type { SourceQuoteAttrs } from '../../../../shared/schema/nodes/sourceQuoteAttrs'
import {
  BookOpenIcon,
  BracketsIcon,
  GripIcon,
  RestoreIcon,
  ScissorsIcon,
} from '../../sources/icons'
import { sourceTitle } from '../../sources/sourceLabels'
import { useSourcesContext } from '../../sources/sourcesContext'
import { speakerChoices } from '../../sources/speakerChoices'
import { useSource } from '../../sources/useSources'
import { PencilIcon, TrashIcon } from '../../ui/icons'
import { lazyNamed } from '../../ui/lazyNamed'
import { QuoteAction } from './QuoteAction'
import { QuoteNotice, StatusLine } from './QuoteNotice'
import { QuoteSpeakerForm, SpeakerActions } from './QuoteSpeakerEditor'
import { QuoteText } from './QuoteText'
import { verificationView } from './verificationView'

// Trimming and clarifying are opened on demand: kept out of the editor page's first load.
const QuoteTrimEditor = lazyNamed(() => import('./QuoteTrimEditor'), 'QuoteTrimEditor')
const QuoteClarifyEditor = lazyNamed(() => import('./QuoteClarifyEditor'), 'QuoteClarifyEditor')

type Mode = 'view' | 'trim' | 'clarify' | 'speaker'

export function QuoteBlockView({ node, editor, selected, getPos, deleteNode }: ReactNodeViewProps) {
  const attrs = node.attrs as SourceQuoteAttrs
  const { library, verifier, openSource, userName } = useSourcesContext()
  const source = useSource(library, attrs.sourceId)
  const [mode, setMode] = useState<Mode>('view')
  const { editable, number } = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      editable: e.isEditable,
      // Its footnote number in the export: one note per citation, in document order.
      number: ((pos) => (typeof pos === 'number' ? quoteNoteNumber(e.state, pos) : null))(getPos()),
    }),
  })
  // `attrs` is a new object whenever the node changes, so this re-verifies on every change.
  const result = useMemo(
    () => quoteStatus(verifier.verify(source, attrs), source, attrs),
    [verifier, source, attrs],
  )
  const view = verificationView(result, source)
  const choices = useMemo(() => speakerChoices(source), [source])
  const editing = editable && mode !== 'view'
  const wordsMatch =
    view.tone === 'verified' || view.tone === 'unconfirmed' || view.tone === 'changed'

  // An altered quote can be put back to the passage its selector recorded, when that still
  // verifies; the replacement goes through insertSourceQuote like any other insert.
  const restorable =
    editable &&
    view.tone === 'altered' &&
    verifier.verify(source, { ...attrs, text: attrs.selector.exact }).status === 'verified'
  const restore = () => {
    const pos = getPos()
    if (typeof pos !== 'number') return
    // The portion mark is not a quote attribute (insertSourceQuote refuses it): the restored
    // block takes it back once inserted where the altered one stood.
    const {
      quoteId: _,
      insertedAt: __,
      marking,
      ...kept
    } = attrs as typeof attrs & {
      marking?: string | null
    }
    editor
      .chain()
      .focus()
      .setNodeSelection(pos)
      .insertSourceQuote({ ...kept, text: attrs.selector.exact.replace(/\s+/g, ' ') })
      .command(({ tr }) => {
        if (marking) tr.setNodeAttribute(pos, 'marking', marking)
        return true
      })
      .run()
  }

  // Leaving a form puts the selection back on the block, so keys act on it (typing goes
  // after it, see quoteGuard) instead of landing wherever the editor's caret last was.
  const backToBlock = () => {
    setMode('view')
    const pos = getPos()
    if (typeof pos === 'number') {
      editor.chain().focus(undefined, { scrollIntoView: false }).setNodeSelection(pos).run()
    }
  }

  const showInSource = () => {
    const anchor = 'anchor' in result && result.anchor ? result.anchor : attrs.position
    openSource(attrs.sourceId, anchor ? { start: anchor.start, end: anchor.end } : null)
  }

  const speakerActions = editable && mode !== 'speaker' && (
    <SpeakerActions
      editor={editor}
      attrs={attrs}
      view={view}
      choices={choices}
      userName={userName}
      onChange={() => setMode('speaker')}
    />
  )

  return (
    <NodeViewWrapper
      as="figure"
      className={`quote-block quote-block--${view.tone}${selected ? ' quote-block--selected' : ''}`}
      data-verification={view.tone}
      data-quote-id={attrs.quoteId}
    >
      <QuoteNotice view={view} speakerActions={speakerActions || null} />
      <div className="quote-block__body">
        {editable && (
          <span
            className="quote-block__grip"
            data-drag-handle=""
            draggable="true"
            title="Drag to move"
            aria-hidden="true"
          >
            <GripIcon />
          </span>
        )}
        <blockquote className="quote-block__text">
          <QuoteText text={attrs.text} />
        </blockquote>
        <figcaption className="quote-block__caption">
          {/* biome-ignore lint/a11y/noStaticElementInteractions: a shortcut; the Speaker button does the same */}
          <span
            className="quote-block__attribution"
            onDoubleClick={() => editable && setMode('speaker')}
          >
            <span className="quote-block__speaker">{attrs.speaker ?? 'Unattributed'}</span>
            {attrs.speakerRole && <span className="quote-block__role">, {attrs.speakerRole}</span>}
          </span>
          <span className="quote-block__source">
            {source ? <cite>{sourceTitle(source)}</cite> : <span>Unknown source</span>}
            {number !== null && (
              <sup className="citation-number" title={`Source ${number} in the sources list`}>
                {number}
              </sup>
            )}
          </span>
        </figcaption>
      </div>
      {editing && mode === 'speaker' && (
        <QuoteSpeakerForm
          editor={editor}
          attrs={attrs}
          choices={choices}
          userName={userName}
          onDone={backToBlock}
        />
      )}
      <div className="quote-block__footer">
        <StatusLine view={view} />
        <div className="quote-block__actions">
          {editable && wordsMatch && (
            <>
              <QuoteAction label="Trim" onClick={() => setMode('trim')} active={mode === 'trim'}>
                <ScissorsIcon />
              </QuoteAction>
              <QuoteAction
                label="Clarify"
                onClick={() => setMode('clarify')}
                active={mode === 'clarify'}
              >
                <BracketsIcon />
              </QuoteAction>
              <QuoteAction
                label="Speaker"
                onClick={() => setMode('speaker')}
                active={mode === 'speaker'}
              >
                <PencilIcon />
              </QuoteAction>
            </>
          )}
          {restorable && (
            <QuoteAction label="Restore source wording" onClick={restore}>
              <RestoreIcon />
            </QuoteAction>
          )}
          {source && (
            <QuoteAction label="Show in source" onClick={showInSource}>
              <BookOpenIcon />
            </QuoteAction>
          )}
          {editable && (
            <QuoteAction label="Remove" danger onClick={deleteNode}>
              <TrashIcon />
            </QuoteAction>
          )}
        </div>
      </div>
      {editing && (mode === 'trim' || mode === 'clarify') && (
        <Suspense fallback={null}>
          {mode === 'trim' ? (
            <QuoteTrimEditor
              editor={editor}
              quoteId={attrs.quoteId}
              text={attrs.text}
              onDone={backToBlock}
            />
          ) : (
            <QuoteClarifyEditor
              editor={editor}
              quoteId={attrs.quoteId}
              text={attrs.text}
              onDone={backToBlock}
            />
          )}
        </Suspense>
      )}
    </NodeViewWrapper>
  )
}
