/**
 * Finds the quotation spans in a body's paragraphs.
 *
 * Double quotes (curly, straight, low-9, guillemets) are the primary marks; single quotes
 * inside them are nested quotations and belong to the outer span. A document whose first
 * quotation opens with a single mark (British style) gets top-level single-quote spans too,
 * with apostrophes told apart from closing marks by context. Elsewhere a top-level single
 * quotation is taken only where it cannot be an apostrophe: a left curly mark, or a straight
 * one opening on a capital letter.
 *
 * News style runs a quotation over several paragraphs by leaving the first paragraph without a
 * closing mark and opening the next one with a fresh opening mark; such spans are flagged so the
 * caller can attribute the pieces together.
 */

/** One quotation span inside one paragraph. Indices are into that paragraph's text. */
export interface QuoteSpan {
  /** 0-based paragraph index. */
  paragraph: number
  /** Index of the opening mark. */
  open: number
  contentStart: number
  /** Exclusive end of the quoted text: the closing mark, or the paragraph end when unclosed. */
  contentEnd: number
  /** Index just after the closing mark (equal to contentEnd when unclosed). */
  close: number
  closed: boolean
  /** The span opens a paragraph that continues the previous paragraph's unclosed quotation. */
  continuesFromPrevious: boolean
  /** The span is unclosed at the paragraph end and the next paragraph continues it. */
  continuesToNext: boolean
}

const DOUBLE_CLOSERS: Readonly<Record<string, string>> = {
  '“': '”"',
  '„': '“”',
  '‟': '”',
  '«': '»',
  '"': '"”',
}
const SINGLE_CLOSERS: Readonly<Record<string, string>> = { '‘': '’', "'": "'’", '‚': '‘’' }
/** Every mark that can open a quotation: the scan jumps from one to the next (a long body is
 * mostly letters, and testing each of them was a tenth of extraction time). */
const MAY_OPEN = /["“„‟«‘'‚”]/

/** A single-quoted passage longer than this is taken for apostrophes, not a quotation. */
const MAX_SINGLE_QUOTE_LENGTH = 3000
const OPEN_CONTEXT = /[\s([{\u2014\u2013\-/:;,"“‘'„«]/
const WORD_CHAR = /[\p{L}\p{N}]/u

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || /\s/.test(ch)
}

/** Whether the mark at `i` sits where a quotation could open: after a break, before text. */
function canOpen(text: string, i: number): boolean {
  const prev = text[i - 1]
  const next = text[i + 1]
  if (isSpace(next)) return false
  return prev === undefined || OPEN_CONTEXT.test(prev)
}

/** Whether the mark at `i` sits where a quotation could close: after text, before a break. */
function canClose(text: string, i: number): boolean {
  const next = text[i + 1]
  if (isSpace(text[i - 1])) return false
  return next === undefined || !WORD_CHAR.test(next)
}

/** A closing single mark that is more likely a plural possessive ("the monitors’ mandate"). */
function looksPossessive(text: string, i: number): boolean {
  return /[sS]/.test(text[i - 1] ?? '') && /^ [\p{Ll}]/u.test(text.slice(i + 1, i + 3))
}

/** Which single marks may open a top-level quotation. */
type SingleMode = 'all' | 'unambiguous'

function openerFamily(text: string, i: number, singles: SingleMode): 'double' | 'single' | null {
  const ch = text[i] ?? ''
  if (ch in DOUBLE_CLOSERS) {
    if (ch === '"' && !canOpen(text, i)) return null
    return isSpace(text[i + 1]) ? null : 'double'
  }
  // A right double mark used as an opener is a common typing slip in pasted text.
  if (ch === '”' && canOpen(text, i) && !canClose(text, i)) return 'double'
  if (!(ch in SINGLE_CLOSERS) || !canOpen(text, i)) return null
  const next = text[i + 1] ?? ''
  if (singles === 'all') return WORD_CHAR.test(next) ? 'single' : null
  return ch === '‘' || (ch === "'" && /\p{Lu}/u.test(next)) ? 'single' : null
}

/**
 * Where the quotation opened at `open` ends: the index of its closing mark, -1 when the
 * paragraph ends first, or `{ restartAt }` when a second opening mark shows the first was a
 * stray mark that never opened anything.
 */
function findClose(
  text: string,
  open: number,
  family: 'double' | 'single',
): number | { restartAt: number } {
  const opener = text[open] ?? ''
  if (family === 'double') {
    const closers = DOUBLE_CLOSERS[opener] ?? '”'
    for (let i = open + 1; i < text.length; i++) {
      const ch = text[i] ?? ''
      if (closers.includes(ch) && (ch !== '"' || canClose(text, i) || opener === '"')) return i
      if (ch === opener && !closers.includes(ch) && canOpen(text, i)) return { restartAt: i }
    }
    return -1
  }
  const closers = SINGLE_CLOSERS[opener] ?? '’'
  let fallback = -1
  // Apostrophes make a long search for a single closer both wrong and, on a page of them, slow.
  const limit = Math.min(text.length, open + MAX_SINGLE_QUOTE_LENGTH)
  for (let i = open + 1; i < limit; i++) {
    const ch = text[i] ?? ''
    if (!closers.includes(ch) || !canClose(text, i)) continue
    if (!looksPossessive(text, i)) return i
    if (fallback < 0) fallback = i
  }
  return fallback
}

/** Whether the document's first quotation opens with a single mark (British style). */
function usesSingleQuotes(paragraphs: readonly string[]): boolean {
  for (const text of paragraphs) {
    for (let i = 0; i < text.length; i++) {
      const family = openerFamily(text, i, 'all')
      if (family === 'double') return false
      if (family !== 'single') continue
      const close = findClose(text, i, 'single')
      if (typeof close === 'number' && close > 0) return true
    }
  }
  return false
}

function scanParagraph(text: string, paragraph: number, singles: SingleMode): QuoteSpan[] {
  const spans: QuoteSpan[] = []
  // A regex with the g flag carries state (lastIndex), so each scan makes its own.
  const mayOpen = new RegExp(MAY_OPEN.source, 'g')
  let i = 0
  while (i < text.length) {
    mayOpen.lastIndex = i
    const mark = mayOpen.exec(text)
    if (mark === null) break
    i = mark.index
    const family = openerFamily(text, i, singles)
    if (family === null) {
      i++
      continue
    }
    const found = findClose(text, i, family)
    if (typeof found === 'object') {
      i = found.restartAt
      continue
    }
    // Outside British-style documents a single quotation must close to count.
    if (family === 'single' && singles === 'unambiguous' && found < 0) {
      i++
      continue
    }
    const close = found
    const closed = close >= 0
    spans.push({
      paragraph,
      open: i,
      contentStart: i + 1,
      contentEnd: closed ? close : text.length,
      close: closed ? close + 1 : text.length,
      closed,
      continuesFromPrevious: false,
      continuesToNext: false,
    })
    i = closed ? close + 1 : text.length
  }
  return spans
}

/** All quotation spans of the paragraphs, in document order. */
export function scanQuoteSpans(paragraphs: readonly string[]): QuoteSpan[] {
  const singles: SingleMode = usesSingleQuotes(paragraphs) ? 'all' : 'unambiguous'
  const perParagraph = paragraphs.map((text, index) => scanParagraph(text, index, singles))
  for (let p = 0; p + 1 < perParagraph.length; p++) {
    const last = perParagraph[p]?.at(-1)
    const next = perParagraph[p + 1]?.[0]
    const nextText = paragraphs[p + 1] ?? ''
    if (!last || last.closed || !next) continue
    if (next.open === nextText.length - nextText.trimStart().length) {
      last.continuesToNext = true
      next.continuesFromPrevious = true
    }
  }
  return perParagraph.flat()
}

/**
 * The paragraph with every quoted passage blanked out (same length, so indices still match),
 * so that names and sentence breaks inside quotations are not mistaken for the narrative's.
 * A quotation's own final punctuation is kept: a stop is also the end of the narrative
 * sentence, and a comma shows that the mark after it closes a quotation ("…," Cook said).
 */
export function maskQuotations(text: string, spans: readonly QuoteSpan[]): string {
  // Pieces joined once: rebuilding the string per span is quadratic in a long paragraph.
  const pieces: string[] = []
  let at = 0
  for (const span of spans) {
    const content = text.slice(span.contentStart, span.contentEnd)
    const keep = /[.!?,;:—–-]$/.test(content) && span.closed ? 1 : 0
    pieces.push(text.slice(at, span.contentStart), ' '.repeat(content.length - keep))
    pieces.push(content.slice(content.length - keep))
    at = span.contentEnd
  }
  pieces.push(text.slice(at))
  return pieces.join('')
}
