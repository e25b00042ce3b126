/** Small predicates over tagged tokens, shared by the steps that read the narrative. */

import type { TaggedBody, Token } from './tagger'

/** Whether the token is a word (has a letter or digit), not punctuation. */
export function isWord(token: Token | undefined): boolean {
  if (token === undefined) return false
  // An ASCII letter or digit first settles it without the Unicode test (this runs per token).
  const code = token.text.charCodeAt(0)
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) {
    return true
  }
  return /[\p{L}\p{N}]/u.test(token.text)
}

/** Whether the token starts with a capital letter. */
export function isCapitalised(token: Token | undefined): boolean {
  if (token === undefined) return false
  // ASCII first: the Unicode property test is what made this hot.
  const code = token.text.charCodeAt(0)
  if (code < 128) return code >= 65 && code <= 90
  return /^\p{Lu}/u.test(token.text)
}

const CLAUSE_OPENERS = new Set(['“', '"', '‘', "'", '(', '[', '—', '–', ':', ';', '«', '„'])

/**
 * Whether token `i` opens its sentence or a clause where English capitalises any word (after a
 * colon, a dash, an opening bracket or quotation mark), so its capital says nothing about it.
 */
export function atClauseStart(body: TaggedBody, i: number): boolean {
  const token = body.tokens[i]
  if (!token) return false
  const previous = body.tokens[i - 1]
  if (previous === undefined || previous.paragraph !== token.paragraph) return true
  // After a closing quotation mark a sentence starts only if the quotation ended one: "…,"
  // Cook said / "…?" Rothman asked, against "…." Analysts said. (Masking keeps a quotation's
  // final punctuation, so the mark after it is known to close.)
  const beforeMark = body.tokens[i - 2]
  const closing =
    previous.text === '”' ||
    previous.text === '’' ||
    (/^["']$/.test(previous.text) && beforeMark?.end === previous.start)
  if (closing) return beforeMark?.text === '.'
  if (body.sentences[token.sentence]?.first === i) return true
  return CLAUSE_OPENERS.has(previous.text)
}

/** Whether tokens i and i + 1 touch (no space between them). */
export function touches(body: TaggedBody, i: number): boolean {
  const a = body.tokens[i]
  const b = body.tokens[i + 1]
  return a !== undefined && b !== undefined && a.end === b.start
}
