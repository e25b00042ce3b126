/**
 * The source reader: a source's text, paragraph by paragraph with their numbers, the quotes
 * Briefing found highlighted, and the passage a quote block came from marked when the reader
 * was opened from one. Selecting text offers "Quote this", which builds a quote block from
 * the selection; the importer's speaker for the passage is proposed, and a person confirms it
 * or picks another before it is inserted (see QuoteThisBar).
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import {
  type PassageAttribution,
  passageAttribution,
  type Source,
  sourceBody,
} from '../../../shared/sources'
import { QuoteThisBar } from './QuoteThisBar'
import { type Attribution, snapToWords } from './quoteInput'
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
  /** The importer's attribution for the passage; null when it took no quotation there. */
  proposal: PassageAttribution | null
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
    setPending({
      range,
      proposal: passageAttribution(source, range.start, range.end),
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
          position={{ top: pending.top, left: pending.left }}
          proposal={pending.proposal}
          source={source}
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
