/**
 * Turns the phrase an attribution points at ("Marta Solberg, the group's lead negotiator",
 * "he", "A European Commission spokesperson") into a speaker: a registered person, the last
 * person named before a pronoun, or, for an unnamed source, the description the text gives.
 */

import { ORGANISATION_WORDS, PERSONAL_PRONOUNS, ROLE_NOUNS, TITLE_WORDS } from './lexicon'
import { appositiveRole, capitalisedRuns, isOrganisation, splitRoleAndName } from './names'
import type { MentionIndex, PersonRegistry } from './persons'

/** Who said a quotation, as far as the text tells. */
export interface Speaker {
  name: string
  role: string | null
}

/** What resolving a phrase needs to know about the document. */
export interface SpeakerContext {
  registry: PersonRegistry
  mentions: MentionIndex
}

const MAX_DESCRIPTION_WORDS = 8

function describesSomeone(phrase: string): boolean {
  return phrase.split(/[\s-]+/).some((word) => {
    const bare = word.replace(/['’]s?$/, '')
    const lower = bare.toLowerCase()
    return ROLE_NOUNS.has(lower) || ORGANISATION_WORDS.has(lower) || TITLE_WORDS.has(bare)
  })
}

/**
 * An unnamed speaker's description, as the text words it. "A"/"one" add nothing and are
 * dropped; "the" is kept, since "the Prime Minister" points at one particular person.
 */
function description(phrase: string): Speaker | null {
  // The noun phrase ends where its verb starts: "The environment secretary has defended ...".
  const cut =
    phrase.split(
      /\s+(?:who|which|that|speaking|said|says|has|have|had|is|was|were|are|will|would|did|does|can|could|should|may|might|must)\b/,
    )[0] ?? ''
  const words = cut
    .replace(/^(?:a|an|one|another)\s+/i, '')
    .trim()
    .split(/\s+/)
  if (words.length === 0 || words.length > MAX_DESCRIPTION_WORDS) return null
  const text = words.join(' ')
  if (!describesSomeone(text) || !/^\p{L}/u.test(text)) return null
  return { name: text, role: null }
}

/** A capitalised run read as a person's name, with how sure the reading is. */
interface NameReading {
  speaker: Speaker
  /** 2: a registered person; 1: an unregistered multi-word name; 0: one unknown word. */
  confidence: number
}

function readName(head: string, context: SpeakerContext, apposition: string | null): NameReading[] {
  const readings: NameReading[] = []
  for (const run of capitalisedRuns(head)) {
    const { name, role } = splitRoleAndName(run.tokens)
    if (!name || isOrganisation(run.tokens)) continue
    // In "a spokesman for Anton Reyes" the spokesman speaks, not Reyes.
    if (/\b(?:for|of|to|with|from|at|by|on)\s+$/i.test(head.slice(0, run.start))) continue
    const known = context.registry.lookup(context.registry.expand(name))
    if (known)
      readings.push({ speaker: { name: known.name, role: known.role ?? role }, confidence: 2 })
    else
      readings.push({
        speaker: { name, role: role ?? apposition },
        confidence: name.includes(' ') ? 1 : 0,
      })
  }
  return readings
}

/**
 * The speaker a phrase names. `position` is the body offset of the phrase, used to resolve
 * "he"/"she" to the last person named before it.
 */
export function resolveSpeakerPhrase(
  phrase: string,
  position: number,
  context: SpeakerContext,
): Speaker | null {
  const trimmed = phrase.trim().replace(/^(?:and|but|while)\s+/i, '')
  const comma = trimmed.search(/,\s/)
  const head = comma >= 0 ? trimmed.slice(0, comma) : trimmed
  const words = head.split(/\s+/)
  if (words.length === 1 && PERSONAL_PRONOUNS.has(words[0]?.toLowerCase() ?? '')) {
    const person = context.mentions.lastBefore(position)
    return person ? { name: person.name, role: person.role } : null
  }
  // "a senior EU diplomat" describes someone; it never names them.
  if (/^(?:a|an|one|another)\s/i.test(head)) return description(head)
  const apposition = comma >= 0 ? appositiveRole(trimmed, comma) : null
  const readings = readName(head, context, apposition)
  const best = [...readings].sort((a, b) => b.confidence - a.confidence)[0]
  // After "the", one unknown capitalised word ("the EU official") is part of a description.
  if (best && !(best.confidence === 0 && /^the\s/i.test(head))) return best.speaker
  return description(head)
}
