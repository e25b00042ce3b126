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

/** How far back, in paragraphs, a mention still makes someone a candidate. */
const PARAGRAPH_REACH = 3

/** What a pronoun can stand for: a person of a fitting sex, or for "it" an organisation. */
export type PronounTarget = Gender | 'neuter' | null

function compatible(entity: Entity, target: PronounTarget): boolean {
  if (target === 'neuter') return entity.kind === 'organisation'
  if (entity.kind !== 'person') return false
  return target === null || entity.gender === null || entity.gender === target
}

/** Resolves pronouns against the mentions of one body. */
export class Discourse {
  readonly #tagged: TaggedBody
  /** Names and descriptions, and the narrative's own "he" and "she" once resolved. */
  readonly #mentions: Mention[] = []

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
   * Merges the name mentions with the narrative's subject pronouns, each resolved in reading
   * order against what came before it: in "Steenburgen had spent years on it. She was nervous.
   * “It was terrifying,” she said." the second "she" continues the first, which continues
   * Steenburgen.
   */
  #followPronouns(mentions: readonly Mention[]): void {
    const { tokens } = this.#tagged
    let next = 0
    const none: ChainState = { speaker: null, paragraph: -1 }
    for (let k = 0; k < tokens.length; k++) {
      while (next < mentions.length && (mentions[next]?.first ?? 0) <= k) {
        this.#mentions.push(mentions[next] as Mention)
        next++
      }
      const token = tokens[k]
      const target = token?.pos === 'PRON' ? SUBJECT_PRONOUNS[token.lower] : undefined
      if (!token || !target || !['VERB', 'AUX', 'ADV'].includes(tokens[k + 1]?.pos ?? '')) continue
      const reading = this.resolve(k, target, none)
      if (!reading || reading.confidence < 0.6) continue
      this.#mentions.push({
        entity: reading.entity,
        first: k,
        last: k,
        sentence: token.sentence,
        paragraph: token.paragraph,
        subject: true,
      })
    }
    while (next < mentions.length) this.#mentions.push(mentions[next++] as Mention)
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
  resolve(at: number, gender: PronounTarget, chain: ChainState): PronounReading | null {
    const token = this.#tagged.tokens[at]
    if (!token) return null
    const scores = new Map<Entity, number>()
    const add = (entity: Entity, score: number) =>
      scores.set(entity, Math.max(scores.get(entity) ?? 0, score))
    for (let i = this.#firstAtOrAfter(at) - 1; i >= 0; i--) {
      const mention = this.#mentions[i]
      if (!mention) continue
      if (token.paragraph - mention.paragraph > PARAGRAPH_REACH) break
      if (!compatible(mention.entity, gender)) continue
      const sentences =
        (this.#narrativeIndex[token.sentence] ?? 0) - (this.#narrativeIndex[mention.sentence] ?? 0)
      const sameParagraph = mention.paragraph === token.paragraph
      let score = sentences === 0 ? 3 : sentences === 1 ? 2.5 : sentences <= 3 ? 1.5 : 1
      // The subject of this sentence or the one before is who a pronoun most often continues.
      if (mention.subject) score += sentences <= 1 && sameParagraph ? 4 : 1
      if (sameParagraph) score += 0.5
      // A person the text shows to be of the pronoun's sex beats one it says nothing about.
      if (gender !== null && gender !== 'neuter' && mention.entity.gender === gender) score += 0.5
      add(mention.entity, score)
    }
    const chained = chain.speaker
    if (chained && compatible(chained, gender) && token.paragraph - chain.paragraph <= 1) {
      add(chained, (scores.get(chained) ?? 0) + 3)
    }
    const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1])
    const [best, second] = ranked
    if (!best) return null
    const margin = best[1] - (second?.[1] ?? 0)
    const known = gender !== null && best[0].gender === gender
    let confidence = !second ? 0.9 : margin >= 3 ? 0.85 : margin >= 1.5 ? 0.75 : 0.6
    if (!known && gender !== null) confidence -= 0.1
    return { entity: best[0], confidence, alternative: second?.[0] ?? null }
  }
}
