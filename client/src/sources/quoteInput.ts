/**
 * Turning a source passage into what `insertSourceQuote` takes: from a quote the extractor
 * found, or from a passage the user selected in the source reader. Selections are snapped
 * to whole words, because a quote that starts or ends mid-word does not verify.
 */
import { isWordChar } from '../../../shared/quotes/normalize'
import { selectorsForRange } from '../../../shared/quotes/selectors'
import type { SourceQuoteInput } from '../../../shared/schema/nodes/sourceQuoteAttrs'
import {
  type ExtractedQuote,
  passageAttribution,
  probableSpeaker,
  type Source,
  sourceBody,
} from '../../../shared/sources'

/** The quote fields that come from the source, without who inserted it. */
export type QuoteFromSource = Omit<SourceQuoteInput, 'insertedBy' | 'quoteId' | 'insertedAt'>

/** Who said a passage, as the user or the extractor tells it. */
export interface Attribution {
  speaker: string | null
  speakerRole: string | null
  /** True when a person chose this speaker (recorded on the block as who checked it). */
  checked?: boolean
}

/**
 * The quote block for an extracted quote: with the importer's speaker, or with the one a
 * person chose (`attribution`). The importer's proposal is recorded either way.
 */
export function quoteFromExtracted(
  source: Source,
  quote: ExtractedQuote,
  attribution?: Attribution,
): QuoteFromSource {
  return {
    sourceId: source.id,
    text: quote.text,
    ...selectorsForRange(source.paragraphs, quote.start, quote.end),
    speaker: attribution ? attribution.speaker?.trim() || null : quote.speaker,
    speakerRole: attribution ? attribution.speakerRole?.trim() || null : quote.speakerRole,
    attributedSpeaker: probableSpeaker(quote),
    kind: quote.kind,
  }
}

// Quotation marks around a selection belong to the source's typography, not to the words;
// the block draws its own. Single quotes are kept: at an edge they are often apostrophes.
const EDGE_MARKS = /[\s"\u201C\u201D\u201E\u201F\u00AB\u00BB]/u

/**
 * The body range [start, end) widened to whole words and trimmed of surrounding space and
 * double quotation marks, or null when nothing is left.
 */
export function snapToWords(
  body: string,
  start: number,
  end: number,
): { start: number; end: number } | null {
  let from = Math.max(0, Math.min(start, end))
  let to = Math.min(body.length, Math.max(start, end))
  while (from < to && EDGE_MARKS.test(body[from]!)) from++
  while (to > from && EDGE_MARKS.test(body[to - 1]!)) to--
  if (from === to) return null
  while (from > 0 && isWordChar(body[from - 1]) && isWordChar(body[from])) from--
  while (to < body.length && isWordChar(body[to - 1]) && isWordChar(body[to])) to++
  return { start: from, end: to }
}

/** The extracted quote with a speaker that overlaps [start, end) most, if any. */
export function overlappingQuote(
  quotes: readonly ExtractedQuote[],
  start: number,
  end: number,
): ExtractedQuote | null {
  let best: ExtractedQuote | null = null
  let bestOverlap = 0
  for (const quote of quotes) {
    if (!quote.speaker) continue
    const overlap = Math.min(end, quote.end) - Math.max(start, quote.start)
    if (overlap > bestOverlap) {
      best = quote
      bestOverlap = overlap
    }
  }
  return best
}

/**
 * The quote block for body range [start, end) of `source` (already snapped). A selection
 * that covers a whole extracted full-sentence quote is a full quote; anything else is partial.
 * Whitespace runs (a selection across paragraphs) become single spaces; verification treats
 * them as equal.
 */
export function quoteFromSelection(
  source: Source,
  start: number,
  end: number,
  attribution: Attribution,
): QuoteFromSource {
  const body = sourceBody(source.paragraphs)
  const covered = source.quotes.some(
    (q) => q.kind === 'full' && start <= q.start && q.end <= end && q.end > q.start,
  )
  return {
    sourceId: source.id,
    text: body.slice(start, end).replace(/\s+/g, ' '),
    ...selectorsForRange(source.paragraphs, start, end),
    speaker: attribution.speaker?.trim() || null,
    speakerRole: attribution.speakerRole?.trim() || null,
    attributedSpeaker: passageAttribution(source, start, end)?.speaker ?? null,
    kind: covered ? 'full' : 'partial',
  }
}
