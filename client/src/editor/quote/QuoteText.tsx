/**
 * A quote's text as readers see it, with the editor's marks made visible: elisions and
 * `[clarifications]` are styled apart from the quoted words, so nobody mistakes them for
 * the speaker's.
 */
import { parseQuoteText, type QuotePart } from '../../../../shared/quotes/parse'

export function QuoteText({ text }: { text: string }) {
  return (
    <>
      {'\u201C'}
      {parseQuoteText(text).map((part) => (
        <QuotePartText key={part.from} part={part} text={text} />
      ))}
      {'\u201D'}
    </>
  )
}

function QuotePartText({ part, text }: { part: QuotePart; text: string }) {
  switch (part.type) {
    case 'words':
      return <span>{part.text}</span>
    case 'elision':
      return (
        <span className="quote-elision" title="Words left out">
          {text.slice(part.from, part.to)}
        </span>
      )
    case 'clarification':
      return (
        <span className="quote-clarification" title="Added by the briefing, not in the source">
          [{part.text}]
        </span>
      )
  }
}
