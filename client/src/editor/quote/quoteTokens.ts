/**
 * A quote's text as tokens the Trim and Clarify editors let people pick: each word, each
 * existing elision (`…`) and each existing `[clarification]`. From a pick they build the
 * text or range the schema's commands take; the commands still decide whether it is faithful.
 */
import type { TextRange } from '../../../../shared/quotes/edit'
import { parseQuoteText } from '../../../../shared/quotes/parse'

/** One pickable piece of a quote's text. */
export interface QuoteToken {
  /** Position in the token list. */
  index: number
  type: 'word' | 'elision' | 'clarification'
  /** Offsets into the quote's text. */
  from: number
  to: number
  text: string
}

/** The elision mark Trim inserts. */
const ELLIPSIS = '\u2026'

/** Splits a quote's text into words, elisions and clarifications, in order. */
export function quoteTokens(text: string): QuoteToken[] {
  const tokens: QuoteToken[] = []
  const push = (type: QuoteToken['type'], from: number, to: number) => {
    tokens.push({ index: tokens.length, type, from, to, text: text.slice(from, to) })
  }
  for (const part of parseQuoteText(text)) {
    if (part.type !== 'words') {
      push(part.type, part.from, part.to)
      continue
    }
    for (const word of part.text.matchAll(/\S+/g)) {
      push('word', part.from + word.index, part.from + word.index + word[0].length)
    }
  }
  return tokens
}

/**
 * The text with the tokens in `cut` left out. A cut inside the quote becomes one ` … `
 * (merged with an elision already next to it); cuts at either end just shorten the quote,
 * which is how quotations are normally trimmed. Between tokens that stay neighbours, the
 * original spacing is kept.
 */
export function trimmedText(
  text: string,
  tokens: readonly QuoteToken[],
  cut: ReadonlySet<number>,
): string {
  const kept = tokens.filter((t) => !cut.has(t.index))
  // An elision at either end of what is left marks nothing.
  while (kept[0]?.type === 'elision') kept.shift()
  while (kept.at(-1)?.type === 'elision') kept.pop()
  let out = ''
  let previous: QuoteToken | null = null
  for (const token of kept) {
    if (previous) {
      const adjacent = token.index === previous.index + 1
      if (adjacent) out += text.slice(previous.to, token.from)
      else if (previous.type === 'elision' || token.type === 'elision') out += ' '
      else out += ` ${ELLIPSIS} `
    }
    out += token.text
    previous = token
  }
  return out
}

/** Where a clarification goes: replacing the picked tokens, or inserted after the last one. */
export type ClarifyMode = 'replace' | 'after'

/** The text range a clarification applies to, for tokens `first..last` (inclusive). */
export function clarificationRange(
  tokens: readonly QuoteToken[],
  first: number,
  last: number,
  mode: ClarifyMode,
): TextRange {
  const lo = tokens[Math.min(first, last)]
  const hi = tokens[Math.max(first, last)]
  if (!lo || !hi) throw new RangeError(`No tokens ${first}..${last} in a quote of ${tokens.length}`)
  return mode === 'replace' ? { from: lo.from, to: hi.to } : { from: hi.to, to: hi.to }
}
