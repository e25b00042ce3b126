/**
 * The people and organisations of one article, and how later mentions refer back to them.
 *
 * News writing names a person in full once ("Hori Parata", "Lee Jae-myung") and then by surname
 * ("Parata"), by first name where two people share a surname ("Te Kaurinui"), with a title
 * ("Mr. McHugh") or by a role ("the professor"). Each entity keeps the fullest name the text
 * gives, the role given at introduction, the role nouns that can stand for it, and the sex the
 * text tells, if it tells one.
 */

import type { Gender } from './gender'

export type EntityKind = 'person' | 'organisation' | 'unknown'

/** One person or organisation of the article. */
export interface Entity {
  id: number
  kind: EntityKind
  /** The fullest name the text gives ("Te Kaurinui Robert Parata"). */
  name: string
  words: string[]
  /** The role the text gives first ("Tunisia country director for Amnesty International"). */
  role: string | null
  /** Lower-case nouns that can stand for the entity ("professor", "minister", "president"). */
  roleNouns: Set<string>
  gender: Gender | null
  /**
   * Where `gender` comes from: what the text says (an honorific, a gendered noun, the pronouns
   * that follow the person) or, weaker, the first name alone. Text overrides a name.
   */
  genderSource: 'text' | 'name' | null
  /**
   * How sure the registry is that a `person` is one: `strong` for a title, role, age, first name
   * or "who"; `weak` when only a verb of saying or acting next to the name says so, which an
   * organisation or a programme can also have ("Big Machine denied", "Newsbeat said").
   */
  evidence: 'strong' | 'weak'
  /** Body offsets of the first mention. */
  introduced: { start: number; end: number }
  /** An acronym the text gives it ("NOAA"). */
  acronym: string | null
  /** A described person named by no name ("the waiter"): `name` is the description. */
  described: boolean
}

const lower = (words: readonly string[]) => words.map((w) => w.toLowerCase())

/** Whether `short` appears in `long` in order (same first and last word when both have several). */
function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let i = 0
  for (const word of long) if (word === short[i]) i++
  return i === short.length
}

/** The entities of one article. */
export class EntityRegistry {
  readonly entities: Entity[] = []
  /**
   * Each entity's words lower-cased, by its `words` array (replaced, never changed in place, when
   * a fuller name upgrades it): every mention is looked up against every entity.
   */
  readonly #lowerCase = new WeakMap<readonly string[], { words: string[]; key: string }>()
  /** The entity a bare word last referred to, so a shared surname keeps pointing at one person. */
  readonly #lastReferent = new Map<string, Entity>()

  /** The entity a name refers to, or null. `words` are the name's words as written. */
  lookup(words: readonly string[]): Entity | null {
    const wanted = lower(words)
    if (wanted.length === 0) return null
    const key = wanted.join(' ')
    const named = this.entities.filter((e) => !e.described)
    const exact = named.find((e) => this.#lowered(e).key === key)
    if (exact) return exact
    if (wanted.length === 1) return this.#lookupWord(wanted[0] ?? '', named)
    const first = wanted[0]
    const last = wanted.at(-1)
    const candidates = named.filter((e) => {
      const have = this.#lowered(e).words
      return (
        (have[0] === first && have.at(-1) === last) ||
        isSubsequence(wanted, have) ||
        // "Kauri (Te Kaurinui Robert) Parata" and "Te Kaurinui Parata" share their words.
        isSubsequence(have, wanted)
      )
    })
    return candidates[0] ?? null
  }

  #lowered(entity: Entity): { words: string[]; key: string } {
    let lowered = this.#lowerCase.get(entity.words)
    if (!lowered) {
      const words = lower(entity.words)
      lowered = { words, key: words.join(' ') }
      this.#lowerCase.set(entity.words, lowered)
    }
    return lowered
  }

  #lookupWord(word: string, named: Entity[]): Entity | null {
    const remembered = this.#lastReferent.get(word)
    if (remembered) return remembered
    const acronym = named.find((e) => e.acronym?.toLowerCase() === word)
    if (acronym) return acronym
    // A surname first; the first person introduced with it, since a writer who introduces a
    // second person of that name calls them something else (a first name).
    const bySurname = named.find(
      (e) => e.words.length > 1 && this.#lowered(e).words.at(-1) === word,
    )
    if (bySurname) return bySurname
    // A first name, or the family name of a name written family-name first ("Lee Jae-myung").
    const byFirst = named.filter((e) => e.words.length > 1 && this.#lowered(e).words[0] === word)
    if (byFirst.length === 1) return byFirst[0] ?? null
    return null
  }

  /** Notes that the bare word `word` referred to `entity` here. */
  remember(word: string, entity: Entity): void {
    this.#lastReferent.set(word.toLowerCase(), entity)
  }

  /**
   * Adds a mention of a name: the entity it refers to, merged with what the registry knows, or a
   * new one. A fuller name upgrades an entity first met by one word ("Fiona", then "Fiona Parry").
   */
  addName(words: readonly string[], kind: EntityKind, at: { start: number; end: number }): Entity {
    const known = this.lookup(words)
    if (known) {
      if (words.length > known.words.length && isSubsequence(lower(known.words), lower(words))) {
        known.words = [...words]
        known.name = words.join(' ')
      }
      if (known.kind === 'unknown') known.kind = kind
      return known
    }
    const upgrade =
      words.length > 1
        ? this.entities.find(
            (e) =>
              !e.described &&
              e.words.length === 1 &&
              (e.words[0]?.toLowerCase() === words.at(-1)?.toLowerCase() ||
                e.words[0]?.toLowerCase() === words[0]?.toLowerCase()),
          )
        : undefined
    if (upgrade) {
      upgrade.words = [...words]
      upgrade.name = words.join(' ')
      if (upgrade.kind === 'unknown') upgrade.kind = kind
      return upgrade
    }
    return this.#create(words.join(' '), [...words], kind, at, false)
  }

  /** Adds a person the text describes without a name ("the waiter"), or finds the one it did. */
  addDescribed(
    description: string,
    head: string,
    at: { start: number; end: number },
    kind: EntityKind = 'person',
  ): Entity {
    const known = this.entities.find((e) => e.described && e.roleNouns.has(head) && e.kind === kind)
    if (known) return known
    const entity = this.#create(description, description.split(' '), kind, at, true)
    entity.roleNouns.add(head)
    return entity
  }

  #create(
    name: string,
    words: string[],
    kind: EntityKind,
    at: { start: number; end: number },
    described: boolean,
  ): Entity {
    const entity: Entity = {
      id: this.entities.length,
      kind,
      name,
      words,
      role: null,
      roleNouns: new Set(),
      gender: null,
      genderSource: null,
      evidence: described ? 'strong' : 'weak',
      introduced: at,
      acronym: null,
      described,
    }
    this.entities.push(entity)
    return entity
  }

  /** The named person introduced before `position` whose role includes `noun`, latest first. */
  byRoleNoun(noun: string, position: number): Entity | null {
    let found: Entity | null = null
    for (const entity of this.entities) {
      if (entity.introduced.start >= position) continue
      if (entity.roleNouns.has(noun) && (!found || !entity.described || found.described))
        found = entity
    }
    return found
  }
}
