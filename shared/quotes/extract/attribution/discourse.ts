/**
 * Who "he" and "she" are at a point of the narrative. Candidates are the people mentioned
 * shortly before (named, or described as the subject of a sentence: "The waiter returns"), of a
 * sex that fits the pronoun. They are ranked the way readers rank them: the speaker of the
 * attribution chain first (the person the last quotations were attributed to), then the
 * subject of the current or previous sentence, then recency. A person of the wrong sex, a place
 * or an organisation is never a candidate.
 */

import type { Mention } from '../entities/collect'
import type { Gender } from '../entities/gender'
import type { Entity } from '../entities/registry'
import { SPEECH_LEMMAS } from '../lexicon'
import type { TaggedBody } from '../text/tagger'

/** A resolved pronoun: the person and how sure the ranking is. */
export interface PronounReading {
  entity: Entity
  confidence: number
  /** Runner-up, for evidence. */
  alternative: Entity | null
}

/** The last attributed speaker, as the chain of attributions leaves it. */
export interface ChainState {
  speaker: Entity | null
  /** Paragraph of the quotation last attributed to `speaker`. */
  paragraph: number
}

const SUBJECT_PRONOUNS: Readonly<Record<string, PronounTarget>> = { he: 'male', she: 'female' }

/** How far back, in sentences, a mention still makes someone a candidate (a long paragraph). */
const SENTENCE_REACH = 12

/** How far back, in paragraphs, a mention still makes someone a candidate. */
const PARAGRAPH_REACH = 3

/** What a pronoun can stand for: a person of a fitting sex, or for "it" an organisation. */
export type PronounTarget = Gender | 'neuter' | null

function compatible(entity: Entity, target: PronounTarget): boolean {
  // "It said" is an organisation, or a name only a verb of saying makes a speaker.
  const human =
    entity.kind === 'person' && (entity.evidence === 'strong' || entity.genderSource === 'text')
  if (target === 'neuter')
    return entity.kind !== 'person'
      ? entity.kind === 'organisation' || entity.kind === 'unknown'
      : !human
  if (!human) return false
  return target === null || entity.gender === null || entity.gender === target
}

/** Resolves pronouns against the mentions of one body. */
export class Discourse {
  readonly #tagged: TaggedBody
  /** Names and descriptions, and the narrative's own "he" and "she" once resolved. */
  readonly #mentions: Mention[] = []
  /** Per mention: how many mentions of its entity there are up to and including it. */
  readonly #seen: number[] = []
  /** The first person the article names: the story's topic, unless it turns elsewhere. */
  #lead: Entity | null = null

  /**
   * Per sentence: its number among sentences with words. A quotation standing alone ("“…?”")
   * is a sentence of the masked narrative with no words, and does not push a subject away.
   */
  readonly #narrativeIndex: number[]

  constructor(tagged: TaggedBody, mentions: readonly Mention[]) {
    this.#tagged = tagged
    let count = 0
    this.#narrativeIndex = tagged.sentences.map((s) => {
      for (let k = s.first; k <= s.last; k++) {
        if (/[\p{L}\p{N}]/u.test(tagged.tokens[k]?.text ?? '')) return count++
      }
      return count
    })
    this.#followPronouns(mentions)
  }

  /**
   * Records that the pronoun at token `at` was resolved to `entity` while attributing, so the
   * people it makes salient count for the pronouns after it.
   */
  note(at: number, entity: Entity): void {
    const token = this.#tagged.tokens[at]
    if (!token) return
    const index = this.#firstAtOrAfter(at)
    if (this.#mentions[index]?.first === at) return
    const seen = 1 + this.#seenOf(entity, index)
    this.#mentions.splice(index, 0, {
      entity,
      first: at,
      last: at,
      sentence: token.sentence,
      paragraph: token.paragraph,
      subject: true,
    })
    this.#seen.splice(index, 0, seen)
  }

  /** How many mentions of `entity` come before mention index `index` (the nearest one's count). */
  #seenOf(entity: Entity, index: number): number {
    for (let i = index - 1; i >= 0; i--)
      if (this.#mentions[i]?.entity === entity) return this.#seen[i] ?? 0
    return 0
  }

  #record(mention: Mention, counts: Map<Entity, number>): void {
    const count = (counts.get(mention.entity) ?? 0) + 1
    counts.set(mention.entity, count)
    this.#mentions.push(mention)
    this.#seen.push(count)
    if (!this.#lead && mention.entity.kind === 'person' && !mention.entity.described)
      this.#lead = mention.entity
  }

  /**
   * A definite description opening a sentence ("The Portuguese boss had been out of work") is
   * most often the person the story is about, named before: when one person stands out, the
   * mention is theirs, and the role is learnt ("the boss" will find them again).
   */
  #corefer(mention: Mention, none: ChainState): Mention {
    const entity = mention.entity
    if (!entity.described || this.#tagged.tokens[mention.first]?.lower !== 'the') return mention
    const reading = this.resolve(mention.first, entity.gender, none, 'description')
    if (!reading || reading.confidence < 0.75 || reading.entity.described) return mention
    for (const noun of entity.roleNouns) reading.entity.roleNouns.add(noun)
    return { ...mention, entity: reading.entity }
  }

  /**
   * Merges the name mentions with the narrative's subject pronouns, each resolved in reading
   * order against what came before it: in "Steenburgen had spent years on it. She was nervous.
   * “It was terrifying,” she said." the second "she" continues the first, which continues
   * Steenburgen.
   */
  #followPronouns(mentions: readonly Mention[]): void {
    const { tokens } = this.#tagged
    let next = 0
    const none: ChainState = { speaker: null, paragraph: -1 }
    const counts = new Map<Entity, number>()
    for (let k = 0; k < tokens.length; k++) {
      while (next < mentions.length && (mentions[next]?.first ?? 0) <= k) {
        this.#record(this.#corefer(mentions[next] as Mention, none), counts)
        next++
      }
      const token = tokens[k]
      const target = token?.pos === 'PRON' ? SUBJECT_PRONOUNS[token.lower] : undefined
      if (!token || !target || !['VERB', 'AUX', 'ADV'].includes(tokens[k + 1]?.pos ?? '')) continue
      // "he said" and "she added" are attribution cues: they are resolved with the chain of
      // speakers while quotations are attributed (see `note`), not blindly here.
      const verb = tokens[k + 1]
      if (verb?.pos === 'VERB' && SPEECH_LEMMAS.has(verb.lemma)) continue
      const reading = this.resolve(k, target, none)
      if (!reading || reading.confidence < 0.6) continue
      this.#record(
        {
          entity: reading.entity,
          first: k,
          last: k,
          sentence: token.sentence,
          paragraph: token.paragraph,
          subject: true,
        },
        counts,
      )
    }
    while (next < mentions.length) this.#record(mentions[next++] as Mention, counts)
  }

  /** The index of the first mention at or after token `k` (mentions are in token order). */
  #firstAtOrAfter(k: number): number {
    let lo = 0
    let hi = this.#mentions.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((this.#mentions[mid]?.first ?? 0) < k) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** The person (or for "it", organisation) a pronoun at token `at` refers to, or null. */
  resolve(
    at: number,
    gender: PronounTarget,
    chain: ChainState,
    anaphor: 'pronoun' | 'description' = 'pronoun',
  ): PronounReading | null {
    // A description ("the Portuguese boss", "the 56-year-old") names a role, not a place in the
    // sentence: it refers to the person the story is about more often than to the nearest one.
    const topic = anaphor === 'description' ? { often: 0.3, lead: 1.5 } : { often: 0.05, lead: 0.3 }
    const token = this.#tagged.tokens[at]
    if (!token) return null
    // "“…,” he told Benioff": a pronoun is not the person its own sentence names after it.
    const later = new Set<Entity>()
    for (let i = this.#firstAtOrAfter(at + 1); i < this.#mentions.length; i++) {
      const mention = this.#mentions[i]
      if (!mention || mention.sentence !== token.sentence) break
      later.add(mention.entity)
    }
    const proximity = new Map<Entity, number>()
    const topicality = new Map<Entity, number>()
    const lastParagraph = new Map<Entity, number>()
    for (let i = this.#firstAtOrAfter(at) - 1; i >= 0; i--) {
      const mention = this.#mentions[i]
      if (!mention) continue
      if (token.paragraph - mention.paragraph > PARAGRAPH_REACH) break
      if (
        (this.#narrativeIndex[token.sentence] ?? 0) -
          (this.#narrativeIndex[mention.sentence] ?? 0) >
        SENTENCE_REACH
      )
        break
      const entity = mention.entity
      if (!compatible(entity, gender) || later.has(entity)) continue
      // The story's topic stays salient: how often someone was named so far, and whether they
      // are the first person the article named.
      if (!topicality.has(entity)) {
        topicality.set(
          entity,
          topic.often * Math.min(5, this.#seen[i] ?? 1) + (entity === this.#lead ? topic.lead : 0),
        )
      }
      const sentences =
        (this.#narrativeIndex[token.sentence] ?? 0) - (this.#narrativeIndex[mention.sentence] ?? 0)
      const sameParagraph = mention.paragraph === token.paragraph
      let score = sentences === 0 ? 3 : sentences === 1 ? 2.5 : sentences <= 3 ? 1.5 : 1
      // The subject of this sentence or the one before is who a pronoun most often continues.
      if (mention.subject) score += sentences <= 1 && sameParagraph ? 4 : 1
      if (sameParagraph) score += 0.5
      // A person the text shows to be of the pronoun's sex beats one it says nothing about.
      if (gender !== null && gender !== 'neuter' && entity.gender === gender) score += 0.5
      proximity.set(entity, Math.max(proximity.get(entity) ?? 0, score))
      if (!lastParagraph.has(entity)) lastParagraph.set(entity, mention.paragraph)
    }
    const scores = new Map<Entity, number>()
    for (const [entity, score] of proximity)
      scores.set(entity, score + (topicality.get(entity) ?? 0))
    const chained = chain.speaker && !later.has(chain.speaker) ? chain.speaker : null
    // The chain holds across a paragraph of narrative that keeps naming its speaker.
    const held = chained !== null && (lastParagraph.get(chained) ?? -1) > chain.paragraph
    if (
      chained &&
      compatible(chained, gender) &&
      (token.paragraph - chain.paragraph <= 1 || (held && token.paragraph - chain.paragraph <= 2))
    ) {
      // The last speaker carries on most strongly inside their own paragraph; a new paragraph
      // that opens on someone else has moved the story on.
      scores.set(
        chained,
        (scores.get(chained) ?? 0) + (chain.paragraph === token.paragraph ? 3 : 2),
      )
    }
    const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1])
    const [best, second] = ranked
    if (!best) return null
    // Rounded: scores are sums of tenths, and 4.6 - 3.1 must count as the 1.5 it is.
    const margin = Math.round((best[1] - (second?.[1] ?? 0)) * 100) / 100
    const known = gender !== null && best[0].gender === gender
    let confidence = !second ? 0.9 : margin >= 3 ? 0.85 : margin >= 1.5 ? 0.75 : 0.6
    // Nothing in the text says the person is of the pronoun's sex; a near tie then is a guess.
    if (!known && gender !== null && gender !== 'neuter') confidence -= margin < 0.75 ? 0.15 : 0.1
    return { entity: best[0], confidence, alternative: second?.[0] ?? null }
  }
}
