/**
 * What the narrative says around a name: a role written before it ("geophysicist Daniel
 * Rothman"), an apposition after it ("Lotfi Azzouz, Tunisia country director for Amnesty
 * International,", "Parata, 75,", "Milton Velez, who ...") or before it ("her mother, Fiona,").
 */

import { NOT_NAME_WORDS, ROLE_NOUNS } from '../lexicon'
import type { TaggedBody } from '../text/tagger'

/** An apposition after a name: the phrase between its commas. */
export interface Apposition {
  /** The phrase as written, without a leading article. */
  text: string
  /** Token index of the apposition's last token. */
  last: number
  /** It names a role ("a professor at Columbia"). */
  role: boolean
  /** It is an age ("75"). */
  age: boolean
  /** It opens with a relative pronoun: "who" (a person) or "which" (a thing). */
  relative: 'who' | 'which' | null
}

const MAX_APPOSITION_TOKENS = 30
const ROLE_STOPS = new Set(
  'the a an by of to for with said says told and or in on at from that as but according his her their its'.split(
    ' ',
  ),
)

/** The singular of a regular English plural ("physicians", "deputies", "women"). */
export function singular(word: string): string {
  if (word === 'people') return 'person'
  if (word.endsWith('men')) return `${word.slice(0, -3)}man`
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1)
  return word
}

/** Whether a lower-case word names a role, in the singular or plural ("physicians"). */
export function isRoleNoun(word: string): boolean {
  return ROLE_NOUNS.has(word) || ROLE_NOUNS.has(singular(word))
}

/**
 * The last role noun of a phrase, lower-cased ("director" of "country director for Amnesty"). A
 * possessive is no head: "his father's favourite variety" is about a variety.
 */
export function roleHead(words: readonly string[]): string | null {
  return headWord(words, roleHeadIndex(words))
}

/** The role head at `at` (from roleHeadIndex), lower-cased, or null for -1. */
export function headWord(words: readonly string[], at: number): string | null {
  return at < 0 ? null : (words[at] ?? '').toLowerCase().replace(POSSESSIVE_END, '')
}

/** Where a phrase's role head is (see roleHead), or -1. */
export function roleHeadIndex(words: readonly string[]): number {
  let head = -1
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string
    const bare = w.toLowerCase().replace(POSSESSIVE_END, '')
    const possessive = POSSESSIVE_END.test(w) || POSSESSIVE_MARK.test(words[i + 1] ?? '')
    if (!possessive && isRoleNoun(bare)) head = i
    // The head comes before a prepositional phrase: "director for Amnesty", "supervisor for Queens".
    if (head >= 0 && HEAD_ENDERS.has(bare)) break
  }
  return head
}

const POSSESSIVE_END = /['’]s?$/
const POSSESSIVE_MARK = /^['’]s?$/
const HEAD_ENDERS = new Set(['for', 'of', 'at', 'with', 'in', 'from'])

function stripArticle(text: string): string {
  return text.replace(/^(?:a|an|the|one|another)\s+/i, '').trim()
}

function phrase(body: TaggedBody, from: number, to: number): string {
  let text = ''
  for (let k = from; k <= to; k++) {
    const token = body.tokens[k]
    if (!token) break
    const previous = body.tokens[k - 1]
    if (k > from && previous && previous.end < token.start) text += ' '
    text += token.text
  }
  return text
}

/** The apposition after a name ending at token `last`, if a comma opens one. */
export function appositionAfter(body: TaggedBody, last: number): Apposition | null {
  const comma = body.tokens[last + 1]
  if (comma?.text !== ',') return null
  const paragraph = comma.paragraph
  let end = last + 2
  while (end < body.tokens.length && end - last < MAX_APPOSITION_TOKENS) {
    const token = body.tokens[end]
    if (!token || token.paragraph !== paragraph) break
    if ([',', '.', ';', ':', '?', '!', '“', '”', '"', '(', ')'].includes(token.text)) break
    end++
  }
  const from = last + 2
  const to = end - 1
  if (to < from) return null
  const words = body.tokens.slice(from, to + 1).map((t) => t.text)
  const first = words[0]?.toLowerCase() ?? ''
  const relative = first === 'who' || first === 'whose' ? 'who' : first === 'which' ? 'which' : null
  const age = words.length === 1 && /^\d{1,3}$/.test(words[0] ?? '')
  const firstToken = body.tokens[from]
  // An apposition is a noun phrase: "X, said ...", "X, partly because ..." go on with the
  // sentence instead.
  const nominal = ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON'].includes(firstToken?.pos ?? '')
  const role = nominal && relative === null && roleHead(words) !== null
  return { text: stripArticle(phrase(body, from, to)), last: to, role, age, relative }
}

/** A role written straight before a name, in lower case ("spokesperson Mira Lahti"). */
export function roleBefore(body: TaggedBody, first: number): string | null {
  const words: string[] = []
  for (let k = first - 1; k >= 0 && words.length < 4; k--) {
    const token = body.tokens[k]
    if (!token || token.paragraph !== body.tokens[first]?.paragraph) break
    if (!/^[\p{L}'’-]+$/u.test(token.text)) break
    if (ROLE_STOPS.has(token.lower) || NOT_NAME_WORDS.has(token.text)) break
    // Only the words right before the name: "chief engineer, Ole" is an apposition instead.
    if (token.end < (body.tokens[k + 1]?.start ?? 0) - 1) break
    words.unshift(token.text)
  }
  if (!ROLE_NOUNS.has((words.at(-1) ?? '').toLowerCase())) return null
  return words.length > 0 ? words.join(' ') : null
}

/** A role in apposition before a name ("The centre's director, Aylin Demir,", "her mother, Fiona,"). */
export function appositionBefore(body: TaggedBody, first: number, last: number): string | null {
  if (body.tokens[first - 1]?.text !== ',' || body.tokens[last + 1]?.text !== ',') return null
  const words: string[] = []
  for (let k = first - 2; k >= 0 && words.length < 8; k--) {
    const token = body.tokens[k]
    if (!token || token.paragraph !== body.tokens[first]?.paragraph) break
    if ([',', '.', ';', ':', '?', '!', '“', '”', '"'].includes(token.text)) break
    words.unshift(token.text)
  }
  const lastWord = (words.at(-1) ?? '').toLowerCase()
  if (!ROLE_NOUNS.has(lastWord)) return null
  // A prepositional phrase ("In the village, Ida Falk ...") is no apposition.
  if (/^(?:in|on|at|to|for|with|from|after|before|during)$/i.test(words[0] ?? '')) return null
  while (words.length > 1 && NOT_NAME_WORDS.has(words[0] ?? '')) words.shift()
  return stripArticle(words.join(' ').replace(/ (['’]s)\b/g, '$1'))
}
