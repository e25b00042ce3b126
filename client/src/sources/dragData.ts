/**
 * The drag-and-drop payload for a quote dragged from the sources panel into the document.
 * It crosses the browser's drag data store, so the drop side reads it as untrusted input and
 * checks every field with the schema's own validators before it can reach a command.
 */
import { sourceQuoteAttrValidators } from '../../../shared/schema/nodes/sourceQuoteAttrs'
import type { QuoteFromSource } from './quoteInput'

/** The drag data type for a quote; a page only accepts drops carrying it as quotes. */
export const QUOTE_DRAG_TYPE = 'application/x-briefing-quote+json'

const FIELDS = [
  'sourceId',
  'text',
  'selector',
  'position',
  'speaker',
  'speakerRole',
  // The importer's proposal travels with the quote; who checked a speaker never does: a drag
  // is not a confirmation.
  'attributedSpeaker',
  'kind',
] as const

/** Puts `quote` on a drag, with a plain-text form for drops outside the editor. */
export function writeQuoteDrag(dataTransfer: DataTransfer, quote: QuoteFromSource): void {
  const payload: Record<string, unknown> = {}
  for (const field of FIELDS) payload[field] = quote[field] ?? null
  dataTransfer.setData(QUOTE_DRAG_TYPE, JSON.stringify(payload))
  const by = quote.speaker ? ` \u2014 ${quote.speaker}` : ''
  dataTransfer.setData('text/plain', `\u201C${quote.text}\u201D${by}`)
  dataTransfer.effectAllowed = 'copy'
}

/** The quote on a drop, or null when there is none or it is malformed. */
export function readQuoteDrag(dataTransfer: DataTransfer | null): QuoteFromSource | null {
  const raw = dataTransfer?.getData(QUOTE_DRAG_TYPE)
  return raw ? parseQuoteDrag(raw) : null
}

/** Parses and checks a drag payload; null unless every field is valid. */
export function parseQuoteDrag(raw: string): QuoteFromSource | null {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const record = value as Record<string, unknown>
  const quote: Record<string, unknown> = {}
  try {
    for (const field of FIELDS) {
      const value = field === 'attributedSpeaker' ? (record[field] ?? null) : record[field]
      sourceQuoteAttrValidators[field](value)
      quote[field] = value
    }
  } catch {
    return null
  }
  return quote as unknown as QuoteFromSource
}
