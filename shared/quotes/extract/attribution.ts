/**
 * Attribution patterns: where, around a quotation, the text names who said it.
 *
 * After the closing mark: `, said X`, `, X said`, `, X, the minister, said`, `, according to X`.
 * Before the opening mark: `X said (that ...)`, `X told reporters:`, `X called it`,
 * `According to X,`. A sentence ending in a colon introduces the quotation that follows it.
 *
 * Every function here reads masked text (quotations blanked) and returns the phrase that names
 * the speaker with its index in that text; resolving the phrase is `speakerPhrase`'s job.
 */

import { INTRODUCING_VERBS, SPEECH_VERBS, VERB_MODIFIERS } from './lexicon'
import { capitalisedRuns, isOrganisation, splitRoleAndName } from './names'

/** A phrase that names a speaker, and where it starts in the text it was read from. */
export interface SpeakerPhrase {
  phrase: string
  offset: number
}

const VERBS = [...SPEECH_VERBS].join('|')
const MODIFIERS = `(?:(?:${[...VERB_MODIFIERS].join('|')})\\s+)*`
const ACCORDING_AFTER = /^\s*,?\s*according to\s+/
const INVERTED = new RegExp(`^\\s*,?\\s*${MODIFIERS}(?:${VERBS})\\s+(?!that\\b|it\\b|to\\b)`)
const SUBJECT_VERB = new RegExp(
  `^(\\s*,?\\s*)([^,;:!?“”"]{1,80}?)((?:,[^;:!?“”"]{1,160}?,)?)\\s+${MODIFIERS}(?:${VERBS})\\b`,
)
const VERB_ANYWHERE = new RegExp(
  `\\b(?:${[...SPEECH_VERBS, ...INTRODUCING_VERBS].join('|')}|according to)\\b`,
  'gi',
)
const SPEAKER_START = /^(?:\p{Lu}|(?:a|an|the|one|another|he|she)\b)/iu
const MAX_SUBJECT_WORDS = 10

function trimPhrase(phrase: string): string {
  return phrase.replace(/[\s.,;:!?]+$/u, '')
}

/** The speaker phrase in the text right after a closing mark (`post` ends with its sentence). */
export function phraseAfter(post: string): SpeakerPhrase | null {
  const according = ACCORDING_AFTER.exec(post)
  if (according) {
    const offset = according[0].length
    return { phrase: trimPhrase(post.slice(offset)), offset }
  }
  const inverted = INVERTED.exec(post)
  if (inverted) {
    const rest = post.slice(inverted[0].length)
    if (SPEAKER_START.test(rest)) {
      return { phrase: trimPhrase(rest), offset: inverted[0].length }
    }
  }
  const subject = SUBJECT_VERB.exec(post)
  if (subject) {
    const [, lead = '', head = '', apposition = ''] = subject
    if (head.trim().split(/\s+/).length <= MAX_SUBJECT_WORDS && SPEAKER_START.test(head)) {
      return { phrase: head + apposition, offset: lead.length }
    }
  }
  return null
}

/**
 * Candidate speaker phrases from the clause before an opening mark: the subject of the last
 * verb of saying, or the object of "according to". When the subject carries an apposition
 * ("Anna Berg, the minister, said"; "the minister, Anna Berg, said") every part is offered and
 * the caller prefers one naming a known person.
 */
export function phrasesBefore(pre: string): SpeakerPhrase[] {
  const verbs = [...pre.matchAll(VERB_ANYWHERE)]
  const last = verbs.at(-1)
  if (!last) return []
  if (last[0].toLowerCase() === 'according to') {
    const offset = last.index + last[0].length
    const phrase = trimPhrase(pre.slice(offset))
    return phrase ? [{ phrase: phrase.trimStart(), offset: offset + leadingSpace(phrase) }] : []
  }
  const subject = pre.slice(0, last.index)
  const segments: SpeakerPhrase[] = []
  let offset = 0
  for (const part of subject.split(/(,\s+)/)) {
    if (!/^,\s+$/.test(part) && part.trim()) {
      segments.push({ phrase: part.trim(), offset: offset + leadingSpace(part) })
    }
    offset += part.length
  }
  // "spokesperson Maria Lund, who said": the relative pronoun stands for the name before it.
  if (/^who\b/i.test(segments.at(-1)?.phrase ?? '')) return segments.slice(-2, -1)
  // A subject ending in a comma carries appositions ("Priya Shah, 67, whose home flooded,
  // said"); any of its parts may be the name, so all are offered.
  return /,\s*$/.test(subject) ? segments : segments.slice(-1)
}

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length
}

/**
 * In a sentence that introduces a quotation with a colon ("he set out his position:"), the
 * first pronoun or person-like name.
 */
export function introducerPhrase(sentence: string): SpeakerPhrase | null {
  const pronoun = /\b(?:he|she|He|She)\b/.exec(sentence)
  const run = capitalisedRuns(sentence).find(
    (r) => splitRoleAndName(r.tokens).name !== null && !isOrganisation(r.tokens),
  )
  if (pronoun && (!run || pronoun.index < run.start)) {
    return { phrase: pronoun[0], offset: pronoun.index }
  }
  return run ? { phrase: sentence.slice(run.start, run.end), offset: run.start } : null
}
