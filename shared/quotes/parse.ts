/**
 * The structure of a quote's displayed text. Editors mark what they changed with two
 * conventions: an ellipsis (`…`, `...`, `[…]`) where words were left out, and square brackets
 * around words they supplied (`[the U.S.]`). Everything else is claimed to be the source's
 * own words. This module splits text into those parts; `verify` and `edit` decide whether
 * the claimed words hold up.
 */

/** One part of a quote's text; offsets are into the text. */
export type QuotePart =
  | { type: 'words'; text: string; from: number; to: number }
  | { type: 'elision'; from: number; to: number }
  | { type: 'clarification'; text: string; from: number; to: number }

/** What borders a run of claimed words: the quote's own start or end, or an editorial mark. */
export type SegmentEdge = 'quote' | 'elision' | 'clarification'

/** A run of words the quote claims the source says, uninterrupted by editorial marks. */
export interface QuoteSegment {
  text: string
  left: SegmentEdge
  right: SegmentEdge
}

// An ellipsis outside brackets: the character, or three or more dots, optionally spaced.
const ELLIPSIS_SOURCE = '\\u2026|\\.(?: ?\\.){2,}'
const BRACKET_ELLIPSIS = /^\s*(?:\u2026|\.(?: ?\.){2,})\s*$/

/**
 * Splits `text` into words, elisions and clarifications. A `[` without a matching `]` (or
 * with another `[` before it) is kept as literal text, so it is compared with the source
 * like any other character; bracketed ellipses count as elisions.
 */
export function parseQuoteText(text: string): QuotePart[] {
  // Sticky regexes carry lastIndex, so each call gets its own rather than sharing one.
  const ellipsisAt = new RegExp(ELLIPSIS_SOURCE, 'y')
  const parts: QuotePart[] = []
  let wordsFrom = 0
  const flushWords = (to: number) => {
    if (to > wordsFrom)
      parts.push({ type: 'words', text: text.slice(wordsFrom, to), from: wordsFrom, to })
  }
  let i = 0
  while (i < text.length) {
    ellipsisAt.lastIndex = i
    const ellipsis = ellipsisAt.exec(text)
    if (ellipsis) {
      flushWords(i)
      wordsFrom = i + ellipsis[0].length
      parts.push({ type: 'elision', from: i, to: wordsFrom })
      i = wordsFrom
      continue
    }
    if (text[i] === '[') {
      const close = text.indexOf(']', i + 1)
      const nestedOpen = text.indexOf('[', i + 1)
      if (close !== -1 && (nestedOpen === -1 || nestedOpen > close)) {
        flushWords(i)
        const inner = text.slice(i + 1, close)
        wordsFrom = close + 1
        parts.push(
          BRACKET_ELLIPSIS.test(inner)
            ? { type: 'elision', from: i, to: wordsFrom }
            : { type: 'clarification', text: inner, from: i, to: wordsFrom },
        )
        i = wordsFrom
        continue
      }
    }
    i++
  }
  flushWords(text.length)
  return parts
}

/**
 * The runs of claimed words in `text`, each with what borders it. Runs that are only
 * whitespace are dropped; the edge of the nearer editorial mark is kept.
 */
export function quoteSegments(text: string): QuoteSegment[] {
  const segments: QuoteSegment[] = []
  let left: SegmentEdge = 'quote'
  let pending: string | null = null
  for (const part of parseQuoteText(text)) {
    if (part.type === 'words') {
      pending = part.text
      continue
    }
    if (pending !== null && pending.trim() !== '') {
      segments.push({ text: pending, left, right: part.type })
    }
    pending = null
    left = part.type
  }
  if (pending !== null && pending.trim() !== '') {
    segments.push({ text: pending, left, right: 'quote' })
  }
  return segments
}

/**
 * Ways `text` is not a well-formed edited quote, as messages; empty when it is. Verification
 * is lenient about these (a stray `[` is compared literally), but an edit command must not
 * produce them: an unmatched bracket hides where the editor's words end.
 */
export function quoteTextProblems(text: string): string[] {
  const problems: string[] = []
  const parts = parseQuoteText(text)
  let previousMark: QuotePart | null = null
  for (const part of parts) {
    if (part.type === 'words') {
      if (/[[\]]/.test(part.text))
        problems.push(`unmatched bracket in ${JSON.stringify(part.text)}`)
      if (part.text.trim() !== '') previousMark = null
      continue
    }
    if (part.type === 'clarification' && part.text.trim() === '') {
      problems.push(`empty clarification at offset ${part.from}`)
    }
    if (part.type === 'elision' && previousMark?.type === 'elision') {
      problems.push(`two elisions in a row at offset ${part.from}`)
    }
    previousMark = part
  }
  if (!parts.some((p) => p.type === 'words' && p.text.trim() !== '')) {
    problems.push('no quoted words left')
  }
  return problems
}
