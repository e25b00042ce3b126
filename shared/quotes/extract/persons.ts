/**
 * The people a document names, and where it names them.
 *
 * A capitalised run counts as a person only on evidence: a title before it, a verb of saying
 * next to it, or a role in apposition. Place and organisation names ("Black Sea", "Halden
 * Institute") never get that evidence, so "he said" is not resolved to a sea. Later mentions
 * by surname ("Achebe said") map back to the full name, and each mention's position lets a
 * pronoun be resolved to the last person named before it.
 */

import { SPEECH_VERBS, VERB_MODIFIERS } from './lexicon'
import {
  appositiveRole,
  capitalisedRuns,
  isOrganisation,
  roleBefore,
  roleBeforeComma,
  splitRoleAndName,
} from './names'

/** A person named in the document, with the role the text gives them if any. */
export interface Person {
  name: string
  role: string | null
}

const VERBS = [...SPEECH_VERBS].join('|')
const MODIFIERS = [...VERB_MODIFIERS].join('|')
const VERB_AFTER = new RegExp(`^(?:,[^,.;]{1,160},)?,?\\s+(?:(?:${MODIFIERS})\\s+)*(?:${VERBS})\\b`)
const VERB_BEFORE = new RegExp(`\\b(?:${VERBS}|according to)\\s+$`, 'i')

function surname(name: string): string {
  return (name.split(' ').at(-1) ?? name).toLowerCase()
}

/** The people of one document, looked up by full name or by surname. */
export class PersonRegistry {
  /** Keyed by lower-cased full name; insertion order is the order of first mention. */
  readonly #people = new Map<string, Person>()
  /**
   * Multi-word names seen without evidence, keyed by lower-cased surname. Not people yet: they
   * only let a later "Berg added" be recognised as the "Anna Berg" written earlier.
   */
  readonly #candidates = new Map<string, string>()

  /** Notes a multi-word capitalised name that may turn out to be a person. */
  noteCandidate(name: string): void {
    if (name.includes(' ')) this.#candidates.set(surname(name), name)
  }

  /** The full name a bare surname stands for, if the text wrote one earlier. */
  expand(name: string): string {
    if (name.includes(' ')) return name
    return this.lookup(name)?.name ?? this.#candidates.get(name.toLowerCase()) ?? name
  }

  /** Records a person, filling in a role the registry did not know yet. */
  add(name: string, role: string | null): Person {
    const known = this.lookup(name)
    if (known) {
      if (!known.role && role) known.role = role
      return known
    }
    // A bare surname recorded earlier ("Lahti" from a transcript label) is this person.
    const bare = this.#people.get(surname(name))
    if (bare && name.includes(' ')) this.#people.delete(surname(name))
    const person: Person = { name, role: role ?? bare?.role ?? null }
    this.#people.set(name.toLowerCase(), person)
    return person
  }

  /**
   * The person with this full name, or else the last person added whose name ends with it,
   * since later mentions use the surname alone.
   */
  lookup(name: string): Person | null {
    const wanted = name.toLowerCase()
    const exact = this.#people.get(wanted)
    if (exact) return exact
    // "Berg" for "Anna Berg"; "De Vries" for "Marieke de Vries".
    const matches = (person: Person) =>
      name.includes(' ')
        ? person.name.toLowerCase().endsWith(` ${wanted}`)
        : surname(person.name) === wanted
    let found: Person | null = null
    for (const person of this.#people.values()) if (matches(person)) found = person
    return found
  }

  get size(): number {
    return this.#people.size
  }
}

/** A named person's appearance at a body offset. */
export interface Mention {
  position: number
  person: Person
  /**
   * A name never shown to be a person's ("Anna Berg met Jonas Weber"). It may be a place, so
   * it only counts for a pronoun close behind it.
   */
  weak?: boolean
}

/** How far back, in characters, a weak mention can still be what "he"/"she" refers to. */
const WEAK_MENTION_REACH = 300

/** Mentions of registered people in document order, for resolving pronouns. */
export class MentionIndex {
  readonly #mentions: Mention[]

  constructor(mentions: Mention[]) {
    this.#mentions = [...mentions].sort((a, b) => a.position - b.position)
  }

  /** The last person named before `position`. */
  lastBefore(position: number): Person | null {
    let found: Person | null = null
    for (const mention of this.#mentions) {
      if (mention.position >= position) break
      if (!mention.weak || position - mention.position <= WEAK_MENTION_REACH) found = mention.person
    }
    return found
  }
}

/** Verbs whose subject at the start of a sentence is a person, not a place. */
const PERSON_VERB =
  /^\s+(?:runs|ran|works|worked|lives|lived|owns|owned|leads|led|heads|headed|founded|grew up|moved|joined|remembers|recalls|believes|thinks|hopes|fears|wants|knows|spent|teaches|taught|farms|fled)\b/
const AGE_APPOSITION = /^,\s+\d{1,3},/

/** Notes every multi-word name in a masked text as a candidate (see PersonRegistry). */
export function noteCandidates(text: string, registry: PersonRegistry): void {
  for (const run of capitalisedRuns(text)) {
    const { name } = splitRoleAndName(run.tokens)
    if (name && !isOrganisation(run.tokens)) registry.noteCandidate(name)
  }
}

/**
 * Adds to `registry` every person a text names with evidence. Texts are masked (quotations
 * blanked) so names inside quoted speech are not collected.
 */
export function collectPeople(text: string, registry: PersonRegistry): void {
  for (const run of capitalisedRuns(text)) {
    const { name, role } = splitRoleAndName(run.tokens)
    if (!name) continue
    const after = text.slice(run.end)
    const appositive = appositiveRole(text, run.end)
    const before = roleBefore(text, run.start) ?? roleBeforeComma(text, run.start, run.end)
    const nearVerb = VERB_AFTER.test(after) || VERB_BEFORE.test(text.slice(0, run.start))
    const sentenceSubject =
      /(?:^|[.!?]\s+)$/.test(text.slice(0, run.start)) && PERSON_VERB.test(after)
    const evidence =
      role || appositive || before || nearVerb || sentenceSubject || AGE_APPOSITION.test(after)
    if (!evidence) continue
    // "Berg added" is the "Anna Berg" named earlier, even if she was named without evidence.
    const full = registry.expand(name)
    if (full.includes(' ') || role || registry.lookup(full))
      registry.add(full, role ?? appositive ?? before)
  }
}

/** Place-like context: "the Black Sea", "in Northern Corridor", "from New Town". */
const PLACE_BEFORE = /\b(?:the|of|in|at|from|to|on|near|into|across)\s+$/i

/**
 * Every mention of a person in `text`, with positions offset by `base`: registered people, and
 * as weak mentions other two- or three-word names not in a place-like context.
 */
export function findMentions(text: string, base: number, registry: PersonRegistry): Mention[] {
  const mentions: Mention[] = []
  for (const run of capitalisedRuns(text)) {
    if (isOrganisation(run.tokens)) continue
    const { name } = splitRoleAndName(run.tokens)
    if (!name) continue
    const person = registry.lookup(name)
    const position = base + run.start
    if (person) mentions.push({ position, person })
    else if (/^\S+(?: \S+){1,2}$/.test(name) && !PLACE_BEFORE.test(text.slice(0, run.start))) {
      mentions.push({ position, person: { name, role: null }, weak: true })
    }
  }
  return mentions
}
