/**
 * Where a misquote departs from its source, word by word: the words both share before and
 * after the change, and the words each has in between. Shown on altered quote blocks so the
 * reader sees "demands" against "objections" rather than two long sentences to compare.
 */
import { normalizedString } from '../../../../shared/quotes/normalize'

/** A change from the source's words to the quote's, with a little shared context. */
export interface WordChange {
  /** Shared words before the change; `…` marks context left out. */
  before: string
  quoteWords: string
  sourceWords: string
  after: string
}

/** Shared words kept either side of a change. */
const CONTEXT_WORDS = 4

/**
 * The change from `sourceText` to `quoteText`, or null when one side adds or drops words
 * without replacing any (that reads better as a plain sentence) or they do not differ.
 */
export function wordChange(quoteText: string, sourceText: string): WordChange | null {
  const quote = quoteText.trim().split(/\s+/)
  const source = sourceText.trim().split(/\s+/)
  const same = (a: string | undefined, b: string | undefined) =>
    a !== undefined && b !== undefined && normalizedString(a) === normalizedString(b)
  let prefix = 0
  while (prefix < quote.length && same(quote[prefix], source[prefix])) prefix++
  let suffix = 0
  while (
    suffix < quote.length - prefix &&
    suffix < source.length - prefix &&
    same(quote[quote.length - 1 - suffix], source[source.length - 1 - suffix])
  ) {
    suffix++
  }
  const quoteWords = quote.slice(prefix, quote.length - suffix)
  const sourceWords = source.slice(prefix, source.length - suffix)
  if (quoteWords.length === 0 || sourceWords.length === 0) return null
  const before = quote.slice(Math.max(0, prefix - CONTEXT_WORDS), prefix)
  const after = quote.slice(quote.length - suffix, quote.length - suffix + CONTEXT_WORDS)
  return {
    before: (prefix > CONTEXT_WORDS ? ['\u2026', ...before] : before).join(' '),
    quoteWords: quoteWords.join(' '),
    sourceWords: sourceWords.join(' '),
    after: (suffix > CONTEXT_WORDS ? [...after, '\u2026'] : after).join(' '),
  }
}
