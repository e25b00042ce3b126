/**
 * The source reader: a source's text, paragraph by paragraph with their numbers, the quotes
 * Briefing found highlighted, and the passage a quote block came from marked when the reader
 * was opened from one. Selecting text offers "Quote this", which builds a quote block from
 * the selection; the speaker comes from an extracted quote it overlaps, or is asked for.
 */
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react'
import { type Source, sourceBody } from '../../../shared/sources'
import { QuoteMarkIcon } from './icons'
import { type Attribution, overlappingQuote, snapToWords } from './quoteInput'
import { type BodyRange, paragraphSegments, paragraphStarts } from './readerSegments'
import { bodyRangeOf } from './readerSelection'

interface SourceReaderProps {
  source: Source
  /** The passage to mark and scroll to. */
  focus: BodyRange | null
  /** Inserts the passage as a quote; null when the document is read-only. */
  onQuote: ((range: BodyRange, attribution: Attribution) => boolean) | null
}

interface Pending {
  range: BodyRange
  /** From an overlapping extracted quote; null means the user is asked. */
  attribution: Attribution | null
  /** Where the action bar goes, in the scroller's coordinates. */
  top: number
  left: number
}

export function SourceReader({ source, focus, onQuote }: SourceReaderProps) {
  const scroller = useRef<HTMLDivElement>(null)
  const textRoot = useRef<HTMLDivElement>(null)
  const [pending, setPending] = useState<Pending | null>(null)
  const [asking, setAsking] = useState(false)
  const [failed, setFailed] = useState(false)
  const starts = useMemo(() => paragraphStarts(source.paragraphs), [source])
  const body = useMemo(() => sourceBody(source.paragraphs), [source])

  useEffect(() => {
    if (!focus) return
    scroller.current?.querySelector('.reader-mark--focus')?.scrollIntoView({ block: 'center' })
  }, [focus])

  // While the speaker form has focus the browser's selection is gone; mark the passage instead.
  const marked = asking && pending ? pending.range : focus

  const clear = () => {
    setPending(null)
    setAsking(false)
    setFailed(false)
  }

  const offer = (range: BodyRange, rect: DOMRect) => {
    const box = scroller.current
    if (!box || !onQuote) return
    const outer = box.getBoundingClientRect()
    const speaker = overlappingQuote(source.quotes, range.start, range.end)
    setPending({
      range,
      attribution: speaker ? { speaker: speaker.speaker, speakerRole: speaker.speakerRole } : null,
      top: rect.bottom - outer.top + box.scrollTop + 8,
      left: Math.max(8, Math.min(rect.left - outer.left, outer.width - 280)),
    })
    setAsking(false)
    setFailed(false)
  }

  const readSelection = () => {
    const selection = window.getSelection()
    const root = textRoot.current
    if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !root) return
    const range = selection.getRangeAt(0)
    const raw = bodyRangeOf(root, range)
    const snapped = raw && snapToWords(body, raw.start, raw.end)
    if (snapped) offer(snapped, range.getBoundingClientRect())
  }

  const quote = (attribution: Attribution) => {
    if (!pending || !onQuote) return
    if (onQuote(pending.range, attribution)) {
      window.getSelection()?.removeAllRanges()
      clear()
    } else setFailed(true)
  }

  return (
    <div className="reader" ref={scroller}>
      {onQuote && (
        <p className="reader__hint">
          Select a passage to quote it. Highlighted passages are quotes Briefing found.
        </p>
      )}
      {/* Mouse and key handlers only read the selection the user made; the text itself
          stays ordinary, selectable text. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: see above */}
      <div
        className="reader__text"
        ref={textRoot}
        onMouseDown={(event) => {
          if (event.button === 0) clear()
        }}
        onMouseUp={readSelection}
        onKeyUp={(event) => {
          if (event.shiftKey) readSelection()
        }}
      >
        {source.paragraphs.map((paragraph, i) => (
          <div key={starts[i]} className="reader-para">
            <span className="reader-para__number" aria-hidden="true">
              {i + 1}
            </span>
            <p className="reader-para__text" data-body-start={starts[i]}>
              {paragraphSegments(paragraph, starts[i]!, source.quotes, marked).map((segment) => {
                if (segment.quoteIndex === null && !segment.focus) {
                  return <span key={segment.start}>{segment.text}</span>
                }
                const quoted =
                  segment.quoteIndex === null ? null : source.quotes[segment.quoteIndex]
                const classes = ['reader-mark']
                if (quoted) classes.push('reader-mark--quote')
                if (segment.focus) classes.push('reader-mark--focus')
                return (
                  <mark
                    key={segment.start}
                    className={classes.join(' ')}
                    title={
                      quoted ? (quoted.speaker ?? 'Unattributed quote') : 'Quoted in the briefing'
                    }
                  >
                    {segment.text}
                  </mark>
                )
              })}
            </p>
          </div>
        ))}
      </div>
      {pending && onQuote && (
        <QuoteThisBar
          pending={pending}
          asking={asking}
          failed={failed}
          onAsk={() => setAsking(true)}
          onQuote={quote}
          onCancel={clear}
        />
      )}
    </div>
  )
}

interface QuoteThisBarProps {
  pending: Pending
  asking: boolean
  failed: boolean
  onAsk: () => void
  onQuote: (attribution: Attribution) => void
  onCancel: () => void
}

function QuoteThisBar({ pending, asking, failed, onAsk, onQuote, onCancel }: QuoteThisBarProps) {
  const form = useRef<HTMLFormElement>(null)
  const [speaker, setSpeaker] = useState('')
  const [role, setRole] = useState('')
  const position = { top: pending.top, left: pending.left }
  const known = pending.attribution

  // The form is taller than the button it replaces and may open below the panel's fold.
  useEffect(() => {
    if (asking) form.current?.scrollIntoView({ block: 'nearest' })
  }, [asking])

  if (!asking) {
    return (
      <div className="quote-this" style={position}>
        <button
          type="button"
          className="button button--primary button--small"
          // Keep the text selection while the button takes the click.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => (known ? onQuote(known) : onAsk())}
        >
          <QuoteMarkIcon size={15} />
          Quote this
        </button>
        {known?.speaker && <span className="quote-this__speaker">{known.speaker}</span>}
        {failed && <span className="quote-this__error">Could not insert this passage.</span>}
      </div>
    )
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    onQuote({ speaker: speaker.trim() || null, speakerRole: role.trim() || null })
  }

  return (
    <form ref={form} className="quote-this quote-this--form" style={position} onSubmit={submit}>
      <p className="quote-this__title">Who said this?</p>
      <label className="field">
        <span className="field__label">Speaker</span>
        <input
          className="input input--small"
          // biome-ignore lint/a11y/noAutofocus: the form opens to take exactly this answer.
          autoFocus
          value={speaker}
          placeholder="e.g. Marta Solberg"
          onChange={(event) => setSpeaker(event.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">Role (optional)</span>
        <input
          className="input input--small"
          value={role}
          placeholder="e.g. lead negotiator"
          onChange={(event) => setRole(event.target.value)}
        />
      </label>
      {failed && <p className="field__error">Could not insert this passage.</p>}
      <div className="quote-this__actions">
        <button type="button" className="button button--ghost button--small" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary button--small">
          {speaker.trim() ? 'Insert quote' : 'Insert unattributed'}
        </button>
      </div>
    </form>
  )
}
