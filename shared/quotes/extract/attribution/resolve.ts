/**
 * From a speaker phrase to a speaker: a named person or organisation of the registry, the
 * person a pronoun refers to, the person a role stands for ("the professor" for the professor
 * introduced earlier), or an unnamed speaker's description ("senior EU diplomat").
 */

import { singular } from '../entities/appositions'
import type { Gender } from '../entities/gender'
import type { Entity, EntityRegistry } from '../entities/registry'
import type { TaggedBody } from '../text/tagger'
import type { ChainState, Discourse } from './discourse'
import { roleGender, type SpeakerPhrase } from './speakerPhrase'

/** A speaker as attribution found it. */
export interface Resolved {
  /** The entity, when the speaker is one the article tracks. */
  entity: Entity | null
  name: string
  role: string | null
  /** How sure the reading of the phrase is (0..1), before the cue's own strength. */
  confidence: number
  /** Another reading, for the evidence shown to people. */
  alternative: string | null
}

/** What resolving needs of the body. */
export interface ResolveContext {
  tagged: TaggedBody
  registry: EntityRegistry
  discourse: Discourse
}

/** How an entity is named as a speaker: its fullest name, and an organisation's acronym too. */
export function speakerName(entity: Entity): string {
  if (entity.kind === 'organisation' && entity.acronym && !entity.name.includes(entity.acronym))
    return `${entity.name} (${entity.acronym})`
  return entity.name
}

function fromEntity(entity: Entity, confidence: number, alternative: string | null): Resolved {
  return {
    entity,
    name: speakerName(entity),
    role: entity.described ? null : entity.role,
    confidence,
    alternative,
  }
}

/** Resolves a speaker phrase read at a cue. */
export function resolvePhrase(
  ctx: ResolveContext,
  phrase: SpeakerPhrase | null,
  chain: ChainState,
): Resolved | null {
  if (!phrase) return null
  switch (phrase.kind) {
    case 'name': {
      const entity = phrase.mention.entity
      // A capitalised run with no other evidence than the cue may be a place or a thing.
      const confidence =
        entity.kind === 'organisation' ? 0.9 : entity.kind === 'unknown' ? 0.6 : 0.95
      return fromEntity(entity, confidence, null)
    }
    case 'pronoun': {
      if (phrase.plural) return null
      const reading = ctx.discourse.resolve(phrase.first, phrase.target, chain)
      if (!reading) return null
      ctx.discourse.note(phrase.first, reading.entity)
      return fromEntity(
        reading.entity,
        reading.confidence,
        reading.alternative ? speakerName(reading.alternative) : null,
      )
    }
    case 'document': {
      if (phrase.issuer) return fromEntity(phrase.issuer.entity, 0.85, null)
      // The statement speaks for whoever the text last quoted, if that was just now.
      const issuer = chain.speaker
      const token = ctx.tagged.tokens[phrase.first]
      if (!issuer || !token || token.paragraph - chain.paragraph > 1) return null
      return fromEntity(issuer, 0.7, null)
    }
    case 'group': {
      const at = ctx.tagged.tokens[phrase.first]?.start ?? 0
      const end = ctx.tagged.tokens[phrase.last]?.end ?? at
      // "the company said": the organisation the text has been talking about, if one stands out.
      if (phrase.bare) {
        const salient = ctx.discourse.resolve(phrase.first, 'neuter', chain)
        if (salient && salient.confidence >= 0.75 && salient.entity.kind !== 'person')
          return fromEntity(salient.entity, 0.8, phrase.text)
      }
      const group = ctx.registry.addDescribed(
        phrase.text,
        phrase.head,
        { start: at, end },
        'organisation',
      )
      return { ...fromEntity(group, 0.85, null), name: phrase.text }
    }
    case 'role': {
      const at = ctx.tagged.tokens[phrase.first]?.start ?? 0
      const end = ctx.tagged.tokens[phrase.last]?.end ?? at
      if (phrase.definite) {
        const named = ctx.registry.byRoleNoun(phrase.head, at)
        if (named && !named.described) return fromEntity(named, 0.8, phrase.text)
        // "said the actor", "the 56-year-old said": news refers to the person it is about by a
        // role it never gave them, so a clearly salient person is the one meant; the role is
        // learnt for the next "the actor".
        const one = singular(phrase.head) === phrase.head
        const salient = one
          ? ctx.discourse.resolve(phrase.first, roleGender(phrase.text), chain, 'description')
          : null
        if (salient && salient.confidence >= 0.75 && !salient.entity.described) {
          salient.entity.roleNouns.add(phrase.head)
          return fromEntity(salient.entity, 0.75, phrase.text)
        }
      }
      const described = ctx.registry.addDescribed(phrase.text, phrase.head, { start: at, end })
      described.gender ??= roleGender(phrase.text) as Gender | null
      return { ...fromEntity(described, 0.85, null), name: phrase.text }
    }
  }
}
