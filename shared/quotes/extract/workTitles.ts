/**
 * Quoted titles of works and outlets: "told the 'Morning Report' programme", "an op-ed titled
 * 'Why the corridor failed'", "on the program 'Nation Tonight'". Such a span quotes nobody, so
 * it is never offered as a quotation.
 */

import { TITLE_INTRODUCERS, WORK_NOUNS } from './lexicon'

const MAX_TITLE_WORDS = 12
const SMALL_WORDS = new Set(
  'a an and as at but by for in nor of on or the to up with vs'.split(' '),
)

// A word of `words` that starts in lower case, at the start of a space-separated piece.
const LOWER_WORD = /^\p{Ll}[\p{L}\p{N}'’-]*/u

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu
const FIRST_WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/u

function words(text: string): string[] {
  return text.match(WORD) ?? []
}

// The helpers below read only as much of a long quotation or clause as the answer needs: they
// run for every quotation of a body.

/** How many words `text` has, counting no further than `cap`. */
function wordCountUpTo(text: string, cap: number): number {
  let count = 0
  for (const _ of text.matchAll(WORD)) if (++count >= cap) break
  return count
}

/** The last `n` words of `text`, read from its end. */
function lastWords(text: string, n: number): string[] {
  // Words in the tail are the text's own words once more than `n` are found: only the first
  // one may be cut.
  const tail = words(text.slice(-24 * n))
  return tail.length > n || text.length <= 24 * n ? tail.slice(-n) : words(text).slice(-n)
}

/** Every significant word capitalised, as titles are and sentences are not. */
function isTitleCase(text: string): boolean {
  const significant = words(text).filter((w) => !SMALL_WORDS.has(w))
  return significant.length > 0 && significant.every((w) => /^[\p{Lu}\p{N}]/u.test(w))
}

/**
 * Whether a quoted span reads as a title: several words, every significant one capitalised
 * ("Listen To The Music", "Dancing with the Stars"). Speech is written in sentence case, so a
 * span like this is a title unless a verb of saying attributes it.
 */
export function looksLikeTitle(text: string): boolean {
  // "It's ‘Showtime at the Apollo.’": speech that quotes a title inside it.
  if (/[‘’'"“”]\s*\p{Lu}/u.test(text)) return false
  // Most quotations are sentences, far longer than any title: no need to split them into words.
  const pieces = text.split(' ', MAX_TITLE_WORDS * 2 + 1)
  if (pieces.length > MAX_TITLE_WORDS * 2) return false
  // Sentence case shows at once: a word (as `words` reads it) in lower case that is no small
  // word ("the plan was") means no title, without reading every word.
  for (const piece of pieces) {
    const word = LOWER_WORD.exec(piece)?.[0]
    if (word !== undefined && !SMALL_WORDS.has(word)) return false
  }
  const all = words(text)
  const significant = all.filter((w) => !SMALL_WORDS.has(w.toLowerCase()))
  return all.length <= MAX_TITLE_WORDS && significant.length >= 2 && isTitleCase(text)
}

/**
 * Whether the quotation `text`, between narrative `pre` (its clause up to the opening mark)
 * and `post` (the rest of its sentence), is the title of a work.
 */
export function isWorkTitle(text: string, pre: string, post: string): boolean {
  const count = wordCountUpTo(text, MAX_TITLE_WORDS + 1)
  if (count === 0 || count > MAX_TITLE_WORDS) return false
  const before = lastWords(pre, 3).map((w) => w.toLowerCase())
  const last = before.at(-1) ?? ''
  if (TITLE_INTRODUCERS.has(last) || WORK_NOUNS.has(last)) return true
  // "a book called 'X'", "a programme named 'X'"
  if (
    (last === 'called' || last === 'named') &&
    before.slice(0, -1).some((w) => WORK_NOUNS.has(w))
  ) {
    return true
  }
  const next = FIRST_WORD.exec(post)?.[0].toLowerCase() ?? ''
  if (
    WORK_NOUNS.has(next) &&
    (isTitleCase(text) || /(?:\bthe|\bits|\bhis|\bher|\btheir|['’]s)\s*$/i.test(pre))
  ) {
    return true
  }
  // "a column in 'The Daily Ledger'": a title-cased name right after a preposition.
  return count <= 6 && isTitleCase(text) && /\b(?:in|on|from|of)\s+(?:the\s+)?$/i.test(pre)
}
