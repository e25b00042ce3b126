/**
 * The noun phrase an attribution cue points at, read from tokens: a name ("Lotfi Azzouz, Tunisia
 * country director for Amnesty International"), a pronoun ("she"), a role ("the professor",
 * "her mother", "the Berlin wine merchant") or a description of someone unnamed ("a senior EU
 * diplomat", "one official familiar with the talks"). Appositions are read too: in "the
 * minister, Anna Berg," the name wins over the role.
 */

import { headWord, roleHeadIndex } from '../entities/appositions'
import type { Mention } from '../entities/collect'
import { type Gender, wordGender } from '../entities/gender'
import type { TaggedBody } from '../text/tagger'
import type { PronounTarget } from './discourse'

/** What a speaker phrase names. */
export type SpeakerPhrase =
  | { kind: 'name'; mention: Mention; first: number; last: number }
  | { kind: 'pronoun'; target: PronounTarget; plural: boolean; first: number; last: number }
  /** A document that speaks for whoever issued it: "the statement said", "says the letter". */
  | { kind: 'document'; first: number; last: number; issuer: Mention | null }
  /** An institution described, not named: "the US military", "Chinese state media". */
  /** `bare`: only an article before the head ("the company"), which refers back to one. */
  | { kind: 'group'; text: string; head: string; bare: boolean; first: number; last: number }
  | {
      kind: 'role'
      /** The phrase as written, without a leading article. */
      text: string
      head: string
      /** "the professor", "her mother": one particular person; "a diplomat": someone. */
      definite: boolean
      first: number
      last: number
    }

const PRONOUNS: Readonly<Record<string, { target: PronounTarget; plural: boolean }>> = {
  he: { target: 'male', plural: false },
  she: { target: 'female', plural: false },
  it: { target: 'neuter', plural: false },
  they: { target: null, plural: true },
}
const DEFINITE = /^(?:the|his|her|their|its|our|my|this|that)$/i
const INDEFINITE = /^(?:a|an|one|another|some|two|three|several|many)$/i
const MAX_PHRASE_TOKENS = 14

/** Token ranges of a phrase split at its commas. */
function segments(body: TaggedBody, from: number, to: number): [number, number][] {
  const out: [number, number][] = []
  let start = from
  for (let k = from; k <= to + 1; k++) {
    if (k > to || body.tokens[k]?.text === ',') {
      if (k - 1 >= start) out.push([start, k - 1])
      start = k + 1
    }
  }
  return out
}

function words(body: TaggedBody, from: number, to: number): string[] {
  return body.tokens.slice(from, to + 1).map((t) => t.text)
}

/** Words that may stand before a name in a phrase naming its speaker ("the veteran MP Ann Lee"). */
// A verb among them is the tagger misreading a modifier ("study lead author Lucas Paganini").
const BEFORE_NAME = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART', 'VERB'])

/** A piece of a hyphenated modifier ("the 14th-ranked Schwartzman", "the 56-year-old"). */
function hyphenated(body: TaggedBody, k: number): boolean {
  const token = body.tokens[k]
  const previous = body.tokens[k - 1]
  const next = body.tokens[k + 1]
  if (token?.text === '-') return previous?.end === token.start && next?.start === token.end
  return previous?.text === '-' && previous.end === token?.start
}

/**
 * The name mention a segment is about, if the segment is a name, with titles or a role before
 * it ("Opposition leader Mikael Strand", "White House press secretary Josh Earnest"). A name
 * before the role is a qualifier ("the Berlin wine merchant"), and a name after anything but
 * modifiers is not the speaker: in "a spokesman for Anton Reyes" the spokesman speaks, in
 * "those seen during the Sydney crisis" nobody does.
 */
function nameIn(
  body: TaggedBody,
  mentionAt: Map<number, Mention>,
  from: number,
  to: number,
  headAt: number,
): Mention | null {
  for (let k = from; k <= to; k++) {
    const mention = mentionAt.get(k)
    const person = mention && mention.entity.kind !== 'organisation' && mention.last >= headAt
    if (person && mention) return mention
    if (!BEFORE_NAME.has(body.tokens[k]?.pos ?? '') && !hyphenated(body, k)) return null
    if (mention) k = Math.max(k, mention.last)
  }
  return null
}

function organisationIn(mentionAt: Map<number, Mention>, from: number, to: number) {
  for (let k = from; k <= to; k++) {
    const mention = mentionAt.get(k)
    if (mention?.entity.kind === 'organisation') return mention
  }
  return null
}

/** The tokens' text with hyphenated pieces glued back ("56-year-old") and single spaces. */
function glued(body: TaggedBody, from: number, to: number): string {
  let out = ''
  for (let k = from; k <= to; k++) {
    const token = body.tokens[k]
    if (!token) break
    if (k > from && (body.tokens[k - 1]?.end ?? 0) < token.start) out += ' '
    out += token.text
  }
  return out
}

/** Nouns of documents that "say" what their authors wrote. */
const DOCUMENT_NOUNS = new Set(
  'statement letter report release email e-mail post tweet filing complaint lawsuit memo memorandum ruling indictment affidavit study paper survey document notice announcement'.split(
    ' ',
  ),
)
const GROUP_NOUNS = new Set(
  [
    'military government police army navy ministry embassy administration media authorities',
    'officials regime forces prosecutors spokespeople company firm agency department court',
    'council committee commission university school hospital group organization organisation',
    'union party campaign team club league bank fund network board office service utility',
    'airline carrier manufacturer maker retailer startup charity institute association',
  ]
    .join(' ')
    .split(' '),
)

/**
 * A document or an institution described without a name: a determiner or a name, modifiers,
 * and a head noun of either kind ("the statement", "the US military").
 */
function describedInstitution(
  body: TaggedBody,
  mentionAt: Map<number, Mention>,
  from: number,
  to: number,
): SpeakerPhrase | null {
  let k = from
  if (/^(?:the|a|an|its|their|his|her)$/i.test(body.tokens[k]?.text ?? '')) k++
  // The head is the noun phrase's last noun: "a European Commission spokesperson" is a person.
  let headAt = -1
  for (; k <= to; k++) {
    const token = body.tokens[k]
    if (!token || !['ADJ', 'PROPN', 'NOUN', 'NUM', 'PART'].includes(token.pos)) break
    headAt = k
  }
  const head = body.tokens[headAt]
  if (!head || !(DOCUMENT_NOUNS.has(head.lower) || GROUP_NOUNS.has(head.lower))) return null
  if (DOCUMENT_NOUNS.has(head.lower)) {
    // "a Nomura report said", "the ESA statement": the name before the noun issued it.
    let issuer: Mention | null = null
    for (let j = from; j < headAt; j++) issuer = mentionAt.get(j) ?? issuer
    return { kind: 'document', first: from, last: headAt, issuer }
  }
  const start = /^(?:the|a|an|its|their|his|her)$/i.test(body.tokens[from]?.text ?? '')
    ? from + 1
    : from
  return {
    kind: 'group',
    text: glued(body, start, headAt),
    head: head.lower,
    bare: headAt === start && /^the$/i.test(body.tokens[from]?.text ?? ''),
    first: from,
    last: headAt,
  }
}

/** Reads one comma-free segment as a speaker phrase. */
function readSegment(
  body: TaggedBody,
  mentionAt: Map<number, Mention>,
  from: number,
  to: number,
): SpeakerPhrase | null {
  if (to < from || to - from >= MAX_PHRASE_TOKENS) return null
  const first = body.tokens[from]
  if (!first) return null
  if (from === to && first.pos === 'PRON') {
    const pronoun = PRONOUNS[first.lower]
    return pronoun ? { kind: 'pronoun', ...pronoun, first: from, last: to } : null
  }
  const all = words(body, from, to)
  // The noun phrase ends where a relative clause or a prepositional tail would start a new
  // idea: "an official familiar with the talks" keeps its tail, "who said" is cut.
  const cut = all.findIndex((w, i) => i > 0 && /^(?:who|which|that|whose)$/i.test(w))
  const phrase = cut > 0 ? all.slice(0, cut) : all
  const headAt = roleHeadIndex(phrase)
  const head = headWord(phrase, headAt)
  const name = nameIn(body, mentionAt, from, to, headAt >= 0 ? from + headAt : from)
  if (name) return { kind: 'name', mention: name, first: from, last: to }
  const institution = describedInstitution(body, mentionAt, from, from + phrase.length - 1)
  if (institution) return institution
  // "The 56-year-old said": an age stands for the person, as a role does.
  const age = /^(?:the|a|an)\s+(\d{1,3}-year-old)$/i.exec(glued(body, from, to))
  if (age?.[1]) {
    const definite = /^the\b/i.test(first.text)
    return { kind: 'role', text: age[1], head: 'year-old', definite, first: from, last: to }
  }
  // A role heads a noun phrase: only modifiers stand before it ("the Berlin wine merchant",
  // not "the decision was welcomed by spokesperson").
  const modifiersOnly = body.tokens
    .slice(from, from + Math.max(headAt, 0))
    .every(
      (t, i) =>
        BEFORE_NAME.has(t.pos) ||
        t.pos === 'PRON' ||
        t.pos === 'CCONJ' ||
        hyphenated(body, from + i),
    )
  if (head && modifiersOnly) {
    const article = phrase[0] ?? ''
    const possessive = phrase.some((w) => /^['’]s?$/.test(w))
    const definite = DEFINITE.test(article) || possessive
    const shown = INDEFINITE.test(article) || DEFINITE.test(article) ? phrase.slice(1) : phrase
    return {
      kind: 'role',
      text: shown.join(' ').replace(/ (['’]s?)(?= |$)/g, '$1'),
      head,
      definite: definite && !INDEFINITE.test(article),
      first: from,
      last: from + phrase.length - 1,
    }
  }
  const organisation = organisationIn(mentionAt, from, to)
  if (organisation) return { kind: 'name', mention: organisation, first: from, last: to }
  return null
}

/**
 * The speaker phrase in tokens `from..to`: the first comma segment that names someone, a name
 * preferred over a role in the segment after it ("the minister, Anna Berg").
 */
export function readSpeakerPhrase(
  body: TaggedBody,
  mentionAt: Map<number, Mention>,
  from: number,
  to: number,
): SpeakerPhrase | null {
  const parts = segments(body, from, to)
  const [firstPart, secondPart] = parts
  if (!firstPart) return null
  const first = readSegment(body, mentionAt, firstPart[0], firstPart[1])
  if (first?.kind === 'role' && secondPart) {
    const second = readSegment(body, mentionAt, secondPart[0], secondPart[1])
    if (second?.kind === 'name') return second
  }
  return first
}

/** The sex a role phrase tells ("spokeswoman", "her mother"). */
export function roleGender(phrase: string): Gender | null {
  for (const word of phrase.split(/\s+/)) {
    const g = wordGender(word)
    if (g && !/^(?:his|her)$/i.test(word)) return g
  }
  return null
}
