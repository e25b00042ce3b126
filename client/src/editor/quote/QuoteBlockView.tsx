/**
 * The quote block as it appears in the editor: the quoted words (never editable in place),
 * who said them, which source they come from with its citation number, and whether they
 * still match that source. Verification runs on every render, that is whenever the block's
 * attributes change (local edit or a peer's update) or its source arrives. An altered quote
 * is drawn so that it cannot be missed.
 */
import { NodeViewWrapper, type ReactNodeViewProps, useEditorState } from '@tiptap/react'
import { type ReactNode, useMemo, useState } from 'react'
import { citationNumbers } from '../../../../shared/citations/plugin'
import type { SourceQuoteAttrs } from '../../../../shared/schema/nodes/sourceQuoteAttrs'
import {
  AlertIcon,
  BookOpenIcon,
  BracketsIcon,
  CheckCircleIcon,
  GripIcon,
  RestoreIcon,
  ScissorsIcon,
} from '../../sources/icons'
import { sourceTitle } from '../../sources/sourceLabels'
import { useSourcesContext } from '../../sources/sourcesContext'
import { useSource } from '../../sources/useSources'
import { TrashIcon } from '../../ui/icons'
import { QuoteClarifyEditor } from './QuoteClarifyEditor'
import { QuoteText } from './QuoteText'
import { QuoteTrimEditor } from './QuoteTrimEditor'
import { type DifferenceView, verificationView } from './verificationView'

type Mode = 'view' | 'trim' | 'clarify'

export function QuoteBlockView({ node, editor, selected, getPos, deleteNode }: ReactNodeViewProps) {
  const attrs = node.attrs as SourceQuoteAttrs
  const { library, verifier, openSource } = useSourcesContext()
  const source = useSource(library, attrs.sourceId)
  const [mode, setMode] = useState<Mode>('view')
  const { editable, number } = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      editable: e.isEditable,
      number: citationNumbers(e.state)?.bySource.get(attrs.sourceId) ?? null,
    }),
  })
  // `attrs` is a new object whenever the node changes, so this re-verifies on every change.
  const result = useMemo(() => verifier.verify(source, attrs), [verifier, source, attrs])
  const view = verificationView(result, source)
  const editing = editable && mode !== 'view'

  // An altered quote can be put back to the passage its selector recorded, when that still
  // verifies; the replacement goes through insertSourceQuote like any other insert.
  const restorable =
    editable &&
    view.tone === 'altered' &&
    verifier.verify(source, { ...attrs, text: attrs.selector.exact }).status === 'verified'
  const restore = () => {
    const pos = getPos()
    if (typeof pos !== 'number') return
    const { quoteId: _, insertedAt: __, ...kept } = attrs
    editor
      .chain()
      .focus()
      .setNodeSelection(pos)
      .insertSourceQuote({ ...kept, text: attrs.selector.exact.replace(/\s+/g, ' ') })
      .run()
  }

  const showInSource = () => {
    const anchor = 'anchor' in result && result.anchor ? result.anchor : attrs.position
    openSource(attrs.sourceId, anchor ? { start: anchor.start, end: anchor.end } : null)
  }

  return (
    <NodeViewWrapper
      as="figure"
      className={`quote-block quote-block--${view.tone}${selected ? ' quote-block--selected' : ''}`}
      data-verification={view.tone}
      data-quote-id={attrs.quoteId}
    >
      {view.tone === 'altered' && (
        <div className="quote-block__alert" role="alert">
          <AlertIcon />
          <div>
            <strong className="quote-block__alert-title">{view.label}</strong>
            <ul className="quote-block__differences">
              {view.differences.map((difference) => (
                <li key={difference.sentence}>
                  <DifferenceText difference={difference} />
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {view.tone === 'missing' && (
        <output className="quote-block__warning">
          <AlertIcon />
          <div>
            <strong>{view.label}</strong>
            <p>{view.detail}</p>
          </div>
        </output>
      )}
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
          <span className="quote-block__attribution">
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
      <div className="quote-block__footer">
        {view.tone === 'verified' && (
          <span className="quote-status quote-status--verified">
            <CheckCircleIcon size={15} />
            {view.label}
          </span>
        )}
        {view.tone === 'altered' && (
          <span className="quote-status quote-status--altered">Not verified</span>
        )}
        {view.tone === 'missing' && (
          <span className="quote-status quote-status--missing">Not verified</span>
        )}
        <div className="quote-block__actions">
          {editable && view.tone === 'verified' && (
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
      {editing && mode === 'trim' && (
        <QuoteTrimEditor
          editor={editor}
          quoteId={attrs.quoteId}
          text={attrs.text}
          onDone={() => setMode('view')}
        />
      )}
      {editing && mode === 'clarify' && (
        <QuoteClarifyEditor
          editor={editor}
          quoteId={attrs.quoteId}
          text={attrs.text}
          onDone={() => setMode('view')}
        />
      )}
    </NodeViewWrapper>
  )
}

function QuoteAction({
  label,
  onClick,
  active = false,
  danger = false,
  children,
}: {
  label: string
  onClick: () => void
  active?: boolean
  danger?: boolean
  children: ReactNode
}) {
  return (
    <button
      type="button"
      className={`quote-action${active ? ' quote-action--active' : ''}${danger ? ' quote-action--danger' : ''}`}
      onClick={onClick}
    >
      {children}
      <span>{label}</span>
    </button>
  )
}

/** A difference as its changed words side by side, or as a sentence when there are none. */
function DifferenceText({ difference }: { difference: DifferenceView }) {
  const { change } = difference
  if (!change) return <>{difference.sentence}</>
  const around = (words: string) => (
    <>
      {'\u201C'}
      {change.before && `${change.before} `}
      <mark className="quote-change">{words}</mark>
      {change.after && ` ${change.after}`}
      {'\u201D'}
    </>
  )
  return (
    <span className="quote-block__change">
      <span>
        <span className="quote-block__change-label">Quote:</span> {around(change.quoteWords)}
      </span>
      <span>
        <span className="quote-block__change-label">Source:</span> {around(change.sourceWords)}
      </span>
    </span>
  )
}
