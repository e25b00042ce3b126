/**
 * W3C Web Annotation selectors for a quote's place in its source, and re-anchoring them.
 * A TextQuoteSelector (the exact text with some context either side) survives offset
 * drift; a TextPositionSelector (body offsets) is the fallback when the quoted text cannot
 * be found. Both refer to the source body, `paragraphs.join('\n\n')`.
 */
import { paragraphAtOffset, sourceBody } from '../sources/body'
import type { NormalizedText } from './normalize'
import { normalizedString } from './normalize'

/** https://www.w3.org/TR/annotation-model/#text-quote-selector */
export interface TextQuoteSelector {
  exact: string
  prefix: string
  suffix: string
}

/**
 * https://www.w3.org/TR/annotation-model/#text-position-selector, with the 1-based number
 * of the paragraph `start` falls in. Offsets are UTF-16 code units into the body.
 */
export interface TextPositionSelector {
  start: number
  end: number
  paragraph: number
}

/** Where a quote sits in its source body, in original (not normalised) offsets. */
export interface QuoteAnchor {
  start: number
  end: number
  paragraph: number
}

/** How much context a selector keeps either side, in UTF-16 code units. */
export const SELECTOR_CONTEXT = 32

/**
 * Selectors for body range [start, end) of a source, for code that inserts a quote from
 * an extracted quotation or a selection in the source viewer.
 */
export function selectorsForRange(
  paragraphs: readonly string[],
  start: number,
  end: number,
  context = SELECTOR_CONTEXT,
): { selector: TextQuoteSelector; position: TextPositionSelector } {
  const body = sourceBody(paragraphs)
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
    throw new RangeError(`Invalid quote range ${start}..${end}`)
  }
  if (end > body.length) {
    throw new RangeError(`Quote range end ${end} is past the source body (${body.length})`)
  }
  return {
    selector: {
      exact: body.slice(start, end),
      prefix: body.slice(Math.max(0, start - context), start),
      suffix: body.slice(end, end + context),
    },
    position: { start, end, paragraph: paragraphAtOffset(paragraphs, start) },
  }
}

/** A re-anchored region, as a range of normalised offsets. */
export interface NormalizedRegion {
  from: number
  to: number
  via: 'selector' | 'position'
}

// Index of the first unit whose original text starts at or after `offset`.
function firstUnitAtOrAfter(norm: NormalizedText, offset: number): number {
  let lo = 0
  let hi = norm.starts.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (norm.starts[mid]! < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

// Index just past the last unit whose original text ends at or before `offset`.
function endUnitAtOrBefore(norm: NormalizedText, offset: number): number {
  let lo = 0
  let hi = norm.ends.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (norm.ends[mid]! <= offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++
  return n
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n++
  return n
}

function anchorBySelector(
  norm: NormalizedText,
  selector: TextQuoteSelector,
  position: TextPositionSelector | null | undefined,
): NormalizedRegion | null {
  const exact = normalizedString(selector.exact)
  if (exact === '') return null
  // Context is a tie-breaker only; a malformed one (from a raw update) is ignored.
  const prefix = typeof selector.prefix === 'string' ? normalizedString(selector.prefix) : ''
  const suffix = typeof selector.suffix === 'string' ? normalizedString(selector.suffix) : ''
  const near = position && Number.isFinite(position.start) ? position.start : null
  let best: { from: number; score: number; distance: number } | null = null
  for (let at = norm.text.indexOf(exact); at !== -1; at = norm.text.indexOf(exact, at + 1)) {
    const before = norm.text.slice(Math.max(0, at - prefix.length - 1), at)
    const after = norm.text.slice(at + exact.length, at + exact.length + suffix.length + 1)
    // Normalisation may drop a space at the context's edge, so compare trimmed context.
    const score =
      commonSuffixLength(prefix.trimEnd(), before.trimEnd()) +
      commonPrefixLength(suffix.trimStart(), after.trimStart())
    const distance = near === null ? 0 : Math.abs(norm.starts[at]! - near)
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      best = { from: at, score, distance }
    }
  }
  return best ? { from: best.from, to: best.from + exact.length, via: 'selector' } : null
}

function anchorByPosition(
  norm: NormalizedText,
  bodyLength: number,
  position: TextPositionSelector,
): NormalizedRegion | null {
  const { start, end } = position
  if (!Number.isInteger(start) || !Number.isInteger(end)) return null
  if (start < 0 || end <= start || end > bodyLength) return null
  const from = firstUnitAtOrAfter(norm, start)
  const to = endUnitAtOrBefore(norm, end)
  return to > from ? { from, to, via: 'position' } : null
}

/**
 * Finds the quote's region in the normalised body: by the quote selector first (the best
 * occurrence by matching context, then nearest the recorded position), else by position.
 * Null when neither finds anything.
 */
export function resolveRegion(
  norm: NormalizedText,
  bodyLength: number,
  selector: TextQuoteSelector | null | undefined,
  position: TextPositionSelector | null | undefined,
): NormalizedRegion | null {
  const bySelector =
    selector && typeof selector.exact === 'string'
      ? anchorBySelector(norm, selector, position)
      : null
  if (bySelector) return bySelector
  return position ? anchorByPosition(norm, bodyLength, position) : null
}

/** Converts a normalised region back to an anchor in the original body. */
export function regionToAnchor(
  norm: NormalizedText,
  paragraphs: readonly string[],
  region: NormalizedRegion,
): QuoteAnchor {
  const start = norm.starts[region.from]!
  return { start, end: norm.ends[region.to - 1]!, paragraph: paragraphAtOffset(paragraphs, start) }
}
