/**
 * Builds an article's entity registry from the names in its narrative, and records where each
 * entity is mentioned. A run of capitalised words counts as a person only on evidence: a title
 * or honorific, a role beside it, an age or "who" after it, a verb of saying or a verb only
 * people do next to it, or a first name English uses for people. Places and things rarely get
 * that evidence, so "he said" is not resolved to a sea or a wine.
 */

import { HONORIFICS, NOT_NAME_WORDS, PERSON_LEMMAS, SPEECH_LEMMAS, TITLE_WORDS } from '../lexicon'
import { isOrganisation, splitRoleAndName } from '../names'
import type { TaggedBody } from '../text/tagger'
import { atClauseStart } from '../text/words'
import {
  appositionAfter,
  appositionBefore,
  headWord,
  roleBefore,
  roleHead,
  roleHeadIndex,
  singular,
} from './appositions'
import { firstNameGender, type Gender, isFirstName, wordGender } from './gender'
import { type NameRun, nameRuns } from './nameRuns'
import { type Entity, type EntityKind, EntityRegistry } from './registry'

/** An entity named at a place in the narrative. */
export interface Mention {
  entity: Entity
  /** Token range of the name (titles included). */
  first: number
  last: number
  sentence: number
  paragraph: number
  /** The name is the subject of its clause (a verb follows it, past any apposition). */
  subject: boolean
}

/** The registry and every mention, in document order. */
export interface Entities {
  registry: EntityRegistry
  mentions: Mention[]
  /** Mention by the token index of its first name token, for cue phrases that contain a name. */
  mentionAt: Map<number, Mention>
}

const AUX_OR_ADVERB = new Set(['AUX', 'ADV', 'PART'])

/** Role nouns a company or an institution can have as well as a person. */
const ORGANISATION_ROLES = new Set(
  'producer maker manufacturer supplier provider operator developer builder owner investor partner member leader giant player seller buyer vendor lender insurer shipper exporter importer retailer distributor publisher broadcaster carrier employer sponsor donor client customer user competitor rival ally advocate holder contractor consultant startup firm'.split(
    ' ',
  ),
)

/** The first token after a name that is not part of an apposition, adverb or auxiliary. */
function verbAfter(body: TaggedBody, last: number): { verb: number; finite: boolean } {
  let k = last + 1
  const apposition = appositionAfter(body, last)
  if (apposition && body.tokens[apposition.last + 1]?.text === ',') k = apposition.last + 2
  // "Stafford, earlier in the hearing, was adamant": a copula makes a subject as well.
  let finite = false
  while (AUX_OR_ADVERB.has(body.tokens[k]?.pos ?? '') && body.tokens[k]?.text !== "'s") {
    if (body.tokens[k]?.pos === 'AUX') finite = true
    k++
  }
  return { verb: k, finite }
}

function isSpeechVerb(body: TaggedBody, k: number): boolean {
  const token = body.tokens[k]
  return token !== undefined && token.pos === 'VERB' && SPEECH_LEMMAS.has(token.lemma)
}

interface RunReading {
  nameWords: string[]
  role: string | null
  honorific: string | null
  kind: EntityKind
  gender: Gender | null
  roleNouns: string[]
  subject: boolean
  /** The evidence for a person is more than a verb beside the name. */
  strong: boolean
}

function readRun(body: TaggedBody, run: NameRun): RunReading | null {
  // An institution's name is the whole run ("National Oceanic and Atmospheric Administration"),
  // unless a title splits it into an office and a person's name ("US President Donald Trump").
  const split = splitRoleAndName(run.words)
  const institution =
    isOrganisation(run.words) &&
    !(split.name && split.role && !isOrganisation(split.name.split(' ')))
  const { name, role: title } = institution ? { name: run.words.join(' '), role: null } : split
  if (!name) return null
  const nameWords = name.split(' ')
  const honorific = run.words.find((w) => HONORIFICS.has(w)) ?? null
  const apposition = appositionAfter(body, run.last)
  const before = roleBefore(body, run.first)
  const beforeComma = appositionBefore(body, run.first, run.last)
  const { verb: next, finite } = verbAfter(body, run.last)
  const nextToken = body.tokens[next]
  const subject =
    finite || (nextToken !== undefined && (nextToken.pos === 'VERB' || nextToken.pos === 'AUX'))
  // "X said" or "…,” said X", but not "Cook said Apple employs …", where the name opens the
  // reported clause.
  const saying = isSpeechVerb(body, next) || invertedSpeech(body, run.first)
  const acts = subject && nextToken !== undefined && PERSON_LEMMAS.has(nextToken.lemma)
  const organisation = isOrganisation(nameWords) || apposition?.relative === 'which'
  // "Apple, a giant industrial producer,": a role a company can have proves a person only
  // when the name itself looks like one (more than one word).
  const appositionHead = apposition?.role ? roleHead(apposition.text.split(/\s+/)) : null
  const humanRole =
    apposition?.role === true &&
    (nameWords.length > 1 || !ORGANISATION_ROLES.has(appositionHead ?? ''))
  const strong =
    title !== null ||
    honorific !== null ||
    before !== null ||
    beforeComma !== null ||
    humanRole ||
    apposition?.age === true ||
    apposition?.relative === 'who' ||
    (nameWords.length > 1 && isFirstName(nameWords[0] ?? ''))
  // One capitalised word opening a sentence ("Children growing up ...") may be any noun: a
  // verb beside it is not enough, it needs a title, a role, or to be a known person's name.
  const lone = nameWords.length === 1 && atClauseStart(body, run.first)
  const evidence = strong || ((saying || acts) && !lone)
  const kind: EntityKind = organisation ? 'organisation' : evidence ? 'person' : 'unknown'
  const appositionRole = apposition?.role ? apposition.text : null
  const role = title ?? appositionRole ?? before ?? beforeComma
  const roleNouns: string[] = []
  for (const word of (title ?? '').split(' ')) {
    if (TITLE_WORDS.has(word)) roleNouns.push(word.toLowerCase().replace(/\.$/, ''))
  }
  for (const phrase of [appositionRole, before, beforeComma]) {
    const head = phrase ? roleHead(phrase.split(/\s+/)) : null
    if (head) roleNouns.push(head)
  }
  const gendered = [honorific, ...(role ?? '').split(/\s+/)].map((w) => (w ? wordGender(w) : null))
  const gender = gendered.find((g) => g !== null) ?? null
  return { nameWords, role, honorific, kind, gender, roleNouns, subject, strong }
}

/**
 * A run of a title-case headline: its words stop at the first that is never part of a name
 * ("Apple CEO Tim Cook On Being ..." gives "CEO Tim Cook"), and only a clear personal name
 * (a title or a first name, and a surname) is read at all.
 */
function readHeadlineRun(body: TaggedBody, run: NameRun): RunReading | null {
  const stop = run.words.findIndex((w, i) => i > 0 && NOT_NAME_WORDS.has(w))
  const words = stop > 0 ? run.words.slice(0, stop) : run.words
  const reading = readRun(body, { ...run, words, wordAt: run.wordAt.slice(0, words.length) })
  if (!reading || reading.nameWords.length < 2 || reading.nameWords.length > 3) return null
  const clear = reading.role !== null || isFirstName(reading.nameWords[0] ?? '')
  return clear && reading.kind === 'person' ? reading : null
}

/** Whether token `k` follows an inverted verb of saying: "…," said Anna Berg / , says Berg. */
function invertedSpeech(body: TaggedBody, k: number): boolean {
  const verb = body.tokens[k - 1]
  const before = body.tokens[k - 2]
  return (
    isSpeechVerb(body, k - 1) &&
    verb?.paragraph === body.tokens[k]?.paragraph &&
    (before?.text === ',' || before?.text === '”' || before?.text === '"')
  )
}

/**
 * Whether a verb of the sentence comes before token `k`, outside an introductory phrase set off
 * by a comma: the name is then the subject of a clause inside the sentence ("Figgins declined to
 * say whether Thomas slept"), not of the sentence, and a later "he" looks past it.
 */
function verbBefore(body: TaggedBody, k: number): boolean {
  const sentence = body.sentences[body.tokens[k]?.sentence ?? -1]
  if (!sentence) return false
  let verb = false
  for (let j = sentence.first; j < k; j++) {
    const token = body.tokens[j]
    if (token?.text === ',') verb = false
    else if (token?.pos === 'VERB' || token?.pos === 'AUX') verb = true
  }
  return verb
}

/** An acronym in brackets right after a name: "National Oceanic and Atmospheric Administration (NOAA)". */
function acronymAfter(body: TaggedBody, last: number): string | null {
  const open = body.tokens[last + 1]
  const word = body.tokens[last + 2]
  const close = body.tokens[last + 3]
  if (open?.text !== '(' || close?.text !== ')' || !word) return null
  return /^\p{Lu}{2,}$/u.test(word.text) ? word.text : null
}

/**
 * Reads the names of a tagged narrative into entities and mentions, adding to `registry` (which
 * may already hold the people of the document's title).
 */
export function collectEntities(
  body: TaggedBody,
  registry = new EntityRegistry(),
  options: { headline?: boolean } = {},
): Entities {
  const mentions: Mention[] = []
  const mentionAt = new Map<number, Mention>()
  for (const run of nameRuns(body)) {
    const reading = options.headline ? readHeadlineRun(body, run) : readRun(body, run)
    if (!reading) continue
    // The tagger guesses at names it does not know ("Josh/VERB Earnest", "Bill Shorten/VERB");
    // inside a run of capitalised words every word is part of the name.
    for (const at of run.wordAt) {
      const token = body.tokens[at]
      if (token && (token.pos === 'VERB' || token.pos === 'AUX' || token.pos === 'ADP'))
        token.pos = 'PROPN'
    }
    const firstToken = body.tokens[run.first]
    const lastToken = body.tokens[run.last]
    if (!firstToken || !lastToken) continue
    const entity = registry.addName(reading.nameWords, reading.kind, {
      start: firstToken.start,
      end: lastToken.end,
    })
    // A bare surname sticks to whom it last meant; a full name does not move it.
    if (reading.nameWords.length === 1) registry.remember(reading.nameWords[0] ?? '', entity)
    if (reading.kind === 'person' && entity.kind !== 'organisation') entity.kind = 'person'
    entity.role ??= reading.role
    for (const noun of reading.roleNouns) entity.roleNouns.add(noun)
    if (reading.gender && entity.genderSource !== 'text') {
      entity.gender = reading.gender
      entity.genderSource = 'text'
    }
    if (reading.strong) entity.evidence = 'strong'
    entity.acronym ??= acronymAfter(body, run.last)
    const mention: Mention = {
      entity,
      first: run.first,
      last: run.last,
      sentence: firstToken.sentence,
      paragraph: firstToken.paragraph,
      // "…, says McLaughlin.": the name after an inverted verb of saying is its subject too.
      subject: (reading.subject && !verbBefore(body, run.first)) || invertedSpeech(body, run.first),
    }
    mentions.push(mention)
    for (const at of run.wordAt) mentionAt.set(at, mention)
  }
  describedSubjects(body, registry, mentions, mentionAt)
  mentions.sort((a, b) => a.first - b.first)
  inferGenders(body, mentions)
  return { registry, mentions, mentionAt }
}

const DESCRIPTION_WORDS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM', 'PART'])

/**
 * People the text describes instead of naming: the subject a sentence opens with ("The waiter
 * returns with a carafe."), or someone introduced with a relative clause ("spoke to one mother,
 * who knew ..."). A following "he" or "she" can refer to them, so they are mentions too.
 */
function describedSubjects(
  body: TaggedBody,
  registry: EntityRegistry,
  mentions: Mention[],
  mentionAt: Map<number, Mention>,
): void {
  const add = (k: number, sentenceLast: number, introduced: boolean) => {
    let end = k + 1
    while (end <= sentenceLast && DESCRIPTION_WORDS.has(body.tokens[end]?.pos ?? '')) end++
    const words = body.tokens.slice(k + 1, end).map((t) => t.text)
    const headAt = roleHeadIndex(words)
    const head = headWord(words, headAt)
    if (!head || headAt < 0) return
    // A name after the role is the person ("The director Jane Smith"); one before it only
    // qualifies the role ("The Portuguese boss").
    for (let j = k + 2 + headAt; j < end; j++) if (mentionAt.has(j)) return
    // "Officials" is several people; only one person can be "he" or "she".
    if (singular(head) !== head) return
    const next = body.tokens[end]
    if (introduced) {
      if (next?.text !== ',' || !/^(?:who|whose)$/i.test(body.tokens[end + 1]?.text ?? '')) return
    } else {
      // "The centre's director, Aylin Demir, said": the name is the subject.
      if (next?.text === ',' && mentionAt.has(end + 1)) return
      // The tagger reads "returns" in "The waiter returns with ..." as a plural noun: a word in
      // -s right after the head, before a preposition, is the verb.
      const headIndex = k + 1 + headAt
      const misreadVerb =
        end - 1 === headIndex + 1 &&
        /s$/.test(body.tokens[headIndex + 1]?.lower ?? '') &&
        ['ADP', 'DET', 'PUNCT'].includes(next?.pos ?? '')
      if (misreadVerb) end = headIndex + 1
      else if (!['VERB', 'AUX', 'ADV'].includes(next?.pos ?? '') && end - 1 !== headIndex) return
    }
    const first = body.tokens[k]
    const last = body.tokens[k + 1 + headAt]
    if (!first || !last) return
    const description = words
      .slice(0, headAt + 1)
      .join(' ')
      .replace(/ (['’]s)/g, '$1')
    const entity = registry.addDescribed(description, head, { start: first.start, end: last.end })
    if (!entity.gender) {
      entity.gender = wordGender(head)
      entity.genderSource = entity.gender ? 'text' : null
    }
    mentions.push({
      entity,
      first: k,
      last: k + 1 + headAt,
      sentence: first.sentence,
      paragraph: first.paragraph,
      subject: true,
    })
  }
  for (const sentence of body.sentences) {
    let k = sentence.first
    while (['“', '"', '‘', '('].includes(body.tokens[k]?.text ?? '')) k++
    if (/^(?:the|a|an)$/i.test(body.tokens[k]?.text ?? '')) add(k, sentence.last, false)
    for (let j = k + 1; j <= sentence.last; j++) {
      if (/^(?:a|an|one)$/i.test(body.tokens[j]?.text ?? '')) add(j, sentence.last, true)
    }
  }
}

/**
 * The sex of people the text refers to with "he" or "she": a person who is the only one named
 * in a sentence, followed in that sentence or the next by gendered pronouns and no other person,
 * is that sex. A first name used for one sex only is the weakest evidence and comes last.
 */
function inferGenders(body: TaggedBody, mentions: readonly Mention[]): void {
  const votes = new Map<Entity, { female: number; male: number }>()
  const bySentence = new Map<number, Mention[]>()
  for (const m of mentions) {
    if (m.entity.kind !== 'person') continue
    const list = bySentence.get(m.sentence) ?? []
    list.push(m)
    bySentence.set(m.sentence, list)
  }
  for (const [sentence, list] of bySentence) {
    const people = new Set(list.map((m) => m.entity))
    if (people.size !== 1) continue
    const [entity] = people
    const mention = list[0]
    if (!entity || !mention) continue
    const count = votes.get(entity) ?? { female: 0, male: 0 }
    const scan = (from: number, to: number) => {
      for (let k = from; k <= to; k++) {
        const token = body.tokens[k]
        if (token?.pos !== 'PRON') continue
        const g = wordGender(token.lower)
        if (g) count[g]++
      }
    }
    const here = body.sentences[sentence]
    if (here) scan(mention.last + 1, here.last)
    const next = body.sentences[sentence + 1]
    if (next && next.paragraph === here?.paragraph && !bySentence.has(sentence + 1)) {
      scan(next.first, next.last)
    }
    votes.set(entity, count)
  }
  for (const [entity, count] of votes) {
    if (entity.genderSource === 'text' || count.female === count.male) continue
    entity.gender = count.female > count.male ? 'female' : 'male'
    entity.genderSource = 'text'
  }
  for (const m of mentions) {
    const entity = m.entity
    if (entity.gender || entity.kind !== 'person' || entity.words.length < 2) continue
    entity.gender = firstNameGender(entity.words[0] ?? '')
    entity.genderSource = entity.gender ? 'name' : null
  }
}
