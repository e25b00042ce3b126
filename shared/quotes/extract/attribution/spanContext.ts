/**
 * Where a quotation stands in the analysed body: the tokens of its marks, the punctuation it
 * ended with, the clause before it, its neighbours, and the contexts cue finding and
 * resolution read.
 */

import { type BodyAnalysis, neighbourSpan, tokenAt } from '../documentAnalysis'
import type { QuoteSpan } from '../quoteSpans'
import type { CueContext } from './cues'
import type { ResolveContext } from './resolve'

export function contexts(body: BodyAnalysis): { cue: CueContext; resolve: ResolveContext } {
  return {
    cue: { tagged: body.tagged, mentionAt: body.entities.mentionAt },
    resolve: { tagged: body.tagged, registry: body.entities.registry, discourse: body.discourse },
  }
}

/** The token of the mark at paragraph `p`'s character `index`. */
export function markToken(body: BodyAnalysis, p: number, index: number): number {
  return tokenAt(body, (body.offsets[p] ?? 0) + index)
}

/** The last character of a span's words, ignoring space: what punctuation ended it. */
export function endPunctuation(body: BodyAnalysis, span: QuoteSpan): string {
  const text = (body.paragraphs[span.paragraph] ?? '').slice(span.contentStart, span.contentEnd)
  return text.trimEnd().at(-1) ?? ''
}

/** The token where the clause before a span starts: its sentence, a previous span or a label. */
export function clauseStartToken(body: BodyAnalysis, span: QuoteSpan, open: number): number {
  const tokens = body.tagged.tokens
  const sentence = body.tagged.sentences[tokens[open]?.sentence ?? 0]
  let from = sentence?.first ?? open
  if ((tokens[open]?.paragraph ?? -1) !== span.paragraph) from = open
  const previous = neighbourSpan(body, span, -1)
  if (previous) from = Math.max(from, markToken(body, span.paragraph, previous.close))
  const label = body.labels[span.paragraph]
  if (label) from = Math.max(from, markToken(body, span.paragraph, label.end))
  return Math.min(from, open)
}

/** Whether nothing but the narrative of one sentence stands between two spans. */
export function sameSentenceSpan(
  body: BodyAnalysis,
  previous: QuoteSpan,
  next: QuoteSpan,
): boolean {
  if (previous.paragraph !== next.paragraph) return false
  const between = (body.masked[next.paragraph] ?? '').slice(previous.close, next.open)
  return !/[.!?]/.test(between) && !/[.!?]$/.test(endPunctuation(body, previous))
}

/** Whether a title span stands right before this one in its sentence ("“X,” or “Y”"). */
export function titleBefore(body: BodyAnalysis, span: QuoteSpan): boolean {
  const spans = body.spansByParagraph[span.paragraph] ?? []
  const index = body.spanIndex.get(span) ?? 0
  const previous = index > 0 ? spans[index - 1] : undefined
  return (
    previous !== undefined && body.titles.has(previous) && sameSentenceSpan(body, previous, span)
  )
}

/** Whether a paragraph reads as a caption or a subhead: no sentence ends in it. */
export function isCaptionLike(body: BodyAnalysis, p: number): boolean {
  const text = (body.paragraphs[p] ?? '').trim()
  return !/[.!?:"”’]$/.test(text) && (body.spansByParagraph[p]?.length ?? 0) === 0
}

/** Index of the first mention starting at or after token `k` (mentions are in token order). */
export function mentionBefore(mentions: readonly { first: number }[], k: number): number {
  let lo = 0
  let hi = mentions.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((mentions[mid]?.first ?? 0) < k) lo = mid + 1
    else hi = mid
  }
  return lo
}
