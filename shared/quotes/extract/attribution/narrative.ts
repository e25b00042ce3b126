/** Who speaks in a paragraph's narrative, for quotations that no cue of their own attributes. */

import type { BodyAnalysis } from '../documentAnalysis'
import { cueBefore } from './cues'
import type { ChainState } from './discourse'
import { type Finding, found } from './finding'
import { type Resolved, resolvePhrase } from './resolve'
import { contexts, mentionBefore } from './spanContext'

/** How many sentences back a paragraph's narrative is searched for who speaks in it. */
const NARRATIVE_SENTENCES = 6

/**
 * Who speaks in paragraph `p`'s narrative before token `before`: the subject of its last verb
 * of saying, else the person the paragraph is about (its last subject).
 */
export function speakerOfNarrative(
  body: BodyAnalysis,
  p: number,
  before: number,
  chain: ChainState,
): Finding | null {
  const ctx = contexts(body)
  const { tokens, sentences, paragraphStart } = body.tagged
  // Only the last few sentences before the quotation: a speaker named further back is left to
  // the chain, and the search stays linear in the length of the paragraph.
  const end = Math.min(before, paragraphStart[p + 1] ?? tokens.length) - 1
  const start = paragraphStart[p] ?? 0
  let s = end >= start ? (tokens[end]?.sentence ?? -1) : -1
  for (let seen = 0; s >= 0 && seen < NARRATIVE_SENTENCES; s--, seen++) {
    const sentence = sentences[s]
    if (!sentence || sentence.paragraph !== p) break
    const cue = cueBefore(ctx.cue, sentence.first, Math.min(sentence.last, end) + 1)
    if (cue && cue.method === 'before') {
      const resolved = resolvePhrase(ctx.resolve, cue.phrase, chain)
      if (resolved?.entity) return found(resolved, 'paragraph', cue)
    }
  }
  // The person the paragraph is about: its last subject, else the last person it names.
  const mentions = body.entities.mentions
  let subject: (typeof mentions)[number] | undefined
  let named: (typeof mentions)[number] | undefined
  for (let i = mentionBefore(mentions, end + 1) - 1; i >= 0 && !subject; i--) {
    const mention = mentions[i]
    if (!mention || mention.paragraph !== p) break
    if (mention.entity.kind !== 'person') continue
    named ??= mention
    if (mention.subject) subject = mention
  }
  const focus = subject ?? named
  if (!focus) return null
  const { entity } = focus
  const reading: Resolved = {
    entity,
    name: entity.name,
    role: entity.role,
    confidence: subject ? 0.95 : 0.85,
    alternative: null,
  }
  return found(reading, 'context', null)
}
