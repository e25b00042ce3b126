/**
 * Runs of capitalised words in the narrative: the raw material of names ("Foreign Minister
 * Anna Berg", "Lee Jae-myung", "Ursula von der Leyen", "National Oceanic and Atmospheric
 * Administration"). A capital at the start of a sentence says nothing, so a sentence-initial
 * word joins a run only when the tagger reads it as a proper noun ("Essentially Rothman argued"
 * gives "Rothman", not "Essentially Rothman").
 */

import {
  NAME_PARTICLES,
  NEVER_NAME_WORDS,
  NOT_NAME_WORDS,
  ORGANISATION_WORDS,
  TITLE_WORDS,
} from '../lexicon'
import type { TaggedBody } from '../text/tagger'
import { atClauseStart, isCapitalised, isWord, touches } from '../text/words'
import { isFirstName } from './gender'

/** A run of capitalised words. */
export interface NameRun {
  /** Token indices of the run's first and last tokens (inclusive). */
  first: number
  last: number
  /** The words as written; hyphenated and dotted pieces are one word ("Jae-myung", "Ph.D."). */
  words: string[]
  /** Token index where each word starts. */
  wordAt: number[]
  /** The run ends in a possessive ("Rothman’s"). */
  possessive: boolean
}

/** Lower-case words that join two capitalised words inside an institution's name. */
const INSTITUTION_JOINERS = new Set(['of', 'for', 'on', 'and', '&', 'de', 'du', 'des', 'der'])
const POSSESSIVE = /^['’]s?$/
/** Tags a capitalised word at a clause start can have and still be a name. */
const NAME_TAGS = new Set(['PROPN', 'NOUN', 'X'])

/** The word starting at token `i`: its end token (inclusive), following hyphens and dots. */
function wordEnd(body: TaggedBody, i: number): number {
  let j = i
  while (touches(body, j)) {
    const joint = body.tokens[j + 1]?.text ?? ''
    const next = body.tokens[j + 2]
    if ((joint === '-' || joint === '.' || joint === '‐') && touches(body, j + 1) && isWord(next)) {
      j += 2
      continue
    }
    // "Ph.D." comes as "Ph", ".", "D.": a stop glued to the next capital.
    if (joint === '.' && !touches(body, j + 1)) break
    break
  }
  return j
}

function textOf(body: TaggedBody, from: number, to: number): string {
  const a = body.tokens[from]
  const b = body.tokens[to]
  if (!a || !b) return ''
  let text = ''
  for (let k = from; k <= to; k++) text += body.tokens[k]?.text ?? ''
  return text
}

function startsWord(body: TaggedBody, i: number): boolean {
  const token = body.tokens[i]
  return isWord(token) && isCapitalised(token) && token?.text !== 'I'
}

function isInstitutionWord(word: string): boolean {
  return ORGANISATION_WORDS.has(word.toLowerCase()) || TITLE_WORDS.has(word)
}

/** Whether a capitalised sequence starting at token `i` ends in an institution word. */
function institutionFollows(body: TaggedBody, i: number): boolean {
  let k = i
  let last = ''
  while (startsWord(body, k) && body.tokens[k]?.paragraph === body.tokens[i]?.paragraph) {
    const end = wordEnd(body, k)
    last = textOf(body, k, end)
    k = end + 1
  }
  return last !== '' && ORGANISATION_WORDS.has(last.toLowerCase())
}

/** Every run of capitalised words in the narrative, in order. */
export function nameRuns(body: TaggedBody): NameRun[] {
  const runs: NameRun[] = []
  const { tokens } = body
  let i = 0
  while (i < tokens.length) {
    if (!startsWord(body, i)) {
      i++
      continue
    }
    const run: NameRun = { first: i, last: i, words: [], wordAt: [], possessive: false }
    let k = i
    for (;;) {
      const end = wordEnd(body, k)
      run.words.push(textOf(body, k, end))
      run.wordAt.push(k)
      run.last = end
      const next = tokens[end + 1]
      if (next && POSSESSIVE.test(next.text) && touches(body, end)) {
        // "the People’s Daily", "St John’s Hospital": a possessive inside an institution's name.
        if (startsWord(body, end + 2) && institutionFollows(body, end + 2)) {
          run.words[run.words.length - 1] += next.text
          k = end + 2
          continue
        }
        run.possessive = true
        run.last = end + 1
        k = end + 2
        break
      }
      k = end + 1
      if (startsWord(body, k) && tokens[k]?.paragraph === tokens[end]?.paragraph) continue
      const joiner = tokens[k]
      const previous = run.words.at(-1) ?? ''
      const joins =
        joiner !== undefined &&
        startsWord(body, k + 1) &&
        (NAME_PARTICLES.has(joiner.text) ||
          (INSTITUTION_JOINERS.has(joiner.text) &&
            (isInstitutionWord(previous) ||
              (joiner.text === 'and' && institutionFollows(body, k + 1)))))
      if (!joins) break
      run.words.push(joiner.text)
      run.wordAt.push(k)
      k++
    }
    i = k
    trimLeading(body, run)
    if (run.words.length > 0) runs.push(run)
  }
  return runs
}

/**
 * Drops leading words that are capitalised only because of where they stand ("Essentially",
 * "However") or that are never names ("The", "Monday"), and particles left in front.
 */
function trimLeading(body: TaggedBody, run: NameRun): void {
  while (run.words.length > 0) {
    const word = run.words[0] ?? ''
    const at = run.wordAt[0] ?? 0
    const token = body.tokens[at]
    const start = atClauseStart(body, at)
    const initialNonName = start && token?.pos !== 'PROPN' && run.words.length === 1
    // A lead-in in capitals ("AS Opposition Leader Bill Shorten said") is an ordinary word.
    const asWritten = /^\p{Lu}+$/u.test(word) ? word.charAt(0) + word.slice(1).toLowerCase() : word
    // A first name before a surname keeps its capital's meaning even where a sentence starts
    // and the tagger reads a verb ("Rob Goldman, President ...", "Will Tjernlund said").
    const forename =
      run.words.length > 1 && isFirstName(word) && /^\p{Lu}\p{Ll}/u.test(run.words[1] ?? '')
    if (forename && !NEVER_NAME_WORDS.has(word)) break
    // Most of the never-a-name words ("Will", "Still", "Many") are only capitalised where a
    // clause starts; inside one, a capital means a name ("said Will Tjernlund").
    const dropped =
      (start && (NOT_NAME_WORDS.has(word) || NOT_NAME_WORDS.has(asWritten))) ||
      NEVER_NAME_WORDS.has(word) ||
      NAME_PARTICLES.has(word) ||
      INSTITUTION_JOINERS.has(word) ||
      (start && token !== undefined && !NAME_TAGS.has(token.pos)) ||
      initialNonName
    if (!dropped) break
    run.words.shift()
    run.wordAt.shift()
    run.first = run.wordAt[0] ?? run.last + 1
  }
}
