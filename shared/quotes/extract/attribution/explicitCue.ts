/**
 * The explicit cue of a quotation: the words around it that say who spoke (see cues.ts),
 * tried after the closing mark first, then before the opening mark, then in a sentence ending
 * in a colon before it; resolved to a speaker.
 */

import { type BodyAnalysis, neighbourSpan } from '../documentAnalysis'
import { SPEECH_LEMMAS } from '../lexicon'
import type { QuoteSpan } from '../quoteSpans'
import { type Cue, type CueContext, cueAfter, cueBefore, cueOfIntroducer } from './cues'
import type { ChainState } from './discourse'
import { type Finding, found, NONE } from './finding'
import { resolvePhrase } from './resolve'
import { clauseStartToken, contexts, endPunctuation, markToken } from './spanContext'

/** The explicit cue of a quotation group, resolved; null if the text gives none. */
export function explicitCue(
  body: BodyAnalysis,
  group: readonly QuoteSpan[],
  chain: ChainState,
): Finding | null {
  const ctx = contexts(body)
  const first = group[0] as QuoteSpan
  const last = group.at(-1) as QuoteSpan
  const tokens = body.tagged.tokens
  const open = markToken(body, first.paragraph, first.open)
  if (last.closed) {
    const close = markToken(body, last.paragraph, last.contentEnd)
    const next = neighbourSpan(body, last, 1)
    const limit = next
      ? markToken(body, last.paragraph, next.open)
      : (body.tagged.paragraphStart[last.paragraph + 1] ?? tokens.length)
    const punct = endPunctuation(body, last)
    const after = cueAfterFor(ctx.cue, close, punct, limit)
    const resolved = after ? resolvePhrase(ctx.resolve, after.phrase, chain) : null
    if (after && resolved) return found(resolved, after.method, after)
    // "“Is it signed?” one asked.": the text says someone it does not name spoke; nobody else
    // may be given the quotation.
    const verb = speechRightAfter(ctx.cue, close, limit)
    if (verb >= 0)
      return {
        ...NONE,
        method: 'after',
        cue: { phrase: null, method: 'after', speech: true, first: close + 1, last: verb },
      }
  }
  const from = clauseStartToken(body, first, open)
  const before = cueBefore(ctx.cue, from, open)
  if (before) {
    const resolved = resolvePhrase(ctx.resolve, before.phrase, chain)
    if (resolved) return found(resolved, before.method, before)
  }
  // A quotation opening its sentence after one that ends in a colon.
  if (from === open) {
    const sentence = tokens[open]?.sentence ?? 0
    const previous = tokens[open - 1]
    if (previous && previous.text === ':') {
      const cue = cueOfIntroducer(ctx.cue, previous.sentence)
      const resolved = cue ? resolvePhrase(ctx.resolve, cue.phrase, chain) : null
      if (cue && resolved) return found(resolved, 'introducer', cue)
    } else if (sentence > 0) {
      const cue = cueOfIntroducer(ctx.cue, sentence - 1)
      const resolved = cue ? resolvePhrase(ctx.resolve, cue.phrase, chain) : null
      if (cue && resolved && body.tagged.sentences[sentence - 1]?.last === open - 1)
        return found(resolved, 'introducer', cue)
    }
  }
  return null
}

/**
 * The cue after a closing mark, as the punctuation that ended the quotation allows: after a
 * comma or dash the sentence goes on, so any verb reports it; after a question or exclamation
 * mark only a short clause ("…?" Rothman asked) does; after a full stop a new sentence begins,
 * and only a bare "X said." belongs to the quotation.
 */
function cueAfterFor(ctx: CueContext, close: number, punct: string, limit: number): Cue | null {
  const tokens = ctx.tagged.tokens
  const next = tokens[close + 1]
  if (!next || next.paragraph !== tokens[close]?.paragraph) return null
  if (punct === '.' || punct === '?' || punct === '!') {
    let end = close + 1
    while (end < limit && !['.', '!', '?'].includes(tokens[end]?.text ?? '')) end++
    const ended = end < limit
    const short = end - close <= (punct === '.' ? 5 : 10) && (ended || punct !== '.')
    const continues = /^\p{Ll}/u.test(next.text)
    if (!short && !continues) return null
    return cueAfter(ctx, close, punct !== '.' || continues, limit)
  }
  return cueAfter(
    ctx,
    close,
    punct === ',' || punct === '—' || punct === '–' || punct === '-',
    limit,
  )
}

/** A verb of saying right after a closing mark whose subject is nobody in particular ("“…?” one asked"), or -1. */
function speechRightAfter(ctx: CueContext, close: number, limit: number): number {
  const tokens = ctx.tagged.tokens
  let k = close + 1
  if (tokens[k]?.text === ',') k++
  const subject = tokens[k]
  if (!subject || k >= limit || !INDEFINITE_SPEAKERS.has(subject.lower)) return -1
  const verb = tokens[k + 1]
  return verb?.pos === 'VERB' && SPEECH_LEMMAS.has(verb.lemma) ? k + 1 : -1
}

/** Words for a speaker the text leaves unnamed. */
const INDEFINITE_SPEAKERS = new Set(['one', 'another', 'someone', 'somebody', 'anyone', 'none'])
