/**
 * Whether a quotation is a whole utterance (`full`) or a fragment worked into the narrative
 * (`partial`, which covers scare quotes too).
 */

import type { QuoteKind } from '../../sources/types'
import { INTRODUCING_VERBS, SPEECH_VERBS } from './lexicon'

/**
 * `full` when the quoted text starts like a sentence and stands on its own in the narrative:
 * at the start of a sentence, or introduced by a colon, a comma or a verb of saying.
 * Anything starting in lower case, embedded mid-clause, or too short to be a sentence without
 * punctuation, is `partial`.
 */
export function quoteKind(text: string, pre: string): QuoteKind {
  const first = /[\p{L}\p{N}]/u.exec(text)?.[0] ?? ''
  if (!/[\p{Lu}\p{N}]/u.test(first)) return 'partial'
  // A capitalised word or two with no punctuation ("‘Freeze-thaws’ linked to ...") is a
  // name or a term, not an utterance.
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
  if (words <= 3 && !/[.!?,;:…—–-]$/.test(text.trimEnd())) return 'partial'
  const before = pre.trimEnd()
  if (before === '' || /[:,—–-]$/.test(before)) return 'full'
  const lastWord = /([\p{L}]+)$/u.exec(before)?.[1]?.toLowerCase() ?? ''
  if (SPEECH_VERBS.has(lastWord) && !INTRODUCING_VERBS.has(lastWord)) return 'full'
  return 'partial'
}
