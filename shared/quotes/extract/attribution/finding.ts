/**
 * A quotation's speaker as attribution found it, how sure that is, and how it becomes the
 * speaker a person sees: named when confident, only suggested below the threshold.
 */

import type { AttributionMethod } from '../../../sources/types'
import type { Attribution, BodyAnalysis } from '../documentAnalysis'
import type { Cue } from './cues'
import { type Resolved, speakerName } from './resolve'

export { CONFIDENT_SPEAKER } from '../../../sources/attribution'

import { CONFIDENT_SPEAKER } from '../../../sources/attribution'

/** How much each way of finding a speaker is worth, before the phrase's own reading. */
export const METHOD_STRENGTH: Readonly<Record<AttributionMethod, number>> = {
  after: 1,
  before: 1,
  'according-to': 1,
  introducer: 0.9,
  label: 1,
  repeated: 0.9,
  'same-sentence': 0.95,
  paragraph: 0.85,
  'previous-paragraph': 0.8,
  context: 0.6,
  none: 0,
}

/** A quotation's speaker as found, before the threshold is applied. */
export interface Finding {
  resolved: Resolved | null
  method: AttributionMethod
  cue: Cue | null
  confidence: number
}

/** Applies the threshold: a confident speaker is named, a doubtful one only suggested. */
export function settle(body: BodyAnalysis, finding: Finding): Attribution {
  const { resolved, cue } = finding
  const confident = resolved !== null && finding.confidence >= CONFIDENT_SPEAKER
  const tokens = body.tagged.tokens
  const entity = resolved?.entity
  const named = entity && !entity.described && entity.introduced.end > entity.introduced.start
  // A named entity is called by the fullest name the whole text gave it.
  const name = named && entity ? speakerName(entity) : (resolved?.name ?? null)
  const role = named && entity ? entity.role : (resolved?.role ?? null)
  return {
    speaker: confident ? name : null,
    role: confident ? role : null,
    details: {
      confidence: Math.round(finding.confidence * 100) / 100,
      method: finding.method,
      cue: cue ? { start: tokens[cue.first]?.start ?? 0, end: tokens[cue.last]?.end ?? 0 } : null,
      introduced: named && entity ? { ...entity.introduced } : null,
      suggestion: !confident ? name : null,
    },
  }
}

/** A verb that only happens to follow a quotation ("remembers") says less than "said". */
export const ANY_VERB_STRENGTH = 0.85

export function found(
  resolved: Resolved | null,
  method: AttributionMethod,
  cue: Cue | null,
): Finding | null {
  if (!resolved) return null
  const verb = cue && !cue.speech && method === 'after' ? ANY_VERB_STRENGTH : 1
  const confidence = METHOD_STRENGTH[method] * resolved.confidence * verb
  return { resolved, method, cue, confidence }
}

export const NONE: Finding = { resolved: null, method: 'none', cue: null, confidence: 0 }
