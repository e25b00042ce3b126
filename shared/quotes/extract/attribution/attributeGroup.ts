/**
 * Kind and speaker of one quotation group (a quotation, or one continuing over paragraphs):
 * first whether it is a term or a title rather than speech, then its explicit cue, then the
 * attribution chain (the other half of its sentence, the paragraph's speaker, the previous
 * paragraph's speaker for a paragraph that is only a quotation).
 */

import type { AttributionMethod, QuoteKind } from '../../../sources/types'
import { type BodyAnalysis, clauseAfter, clauseBefore } from '../documentAnalysis'
import { quoteKind } from '../quoteKind'
import type { QuoteSpan } from '../quoteSpans'
import { isTerm, wordCount } from '../terms'
import { looksLikeTitle } from '../workTitles'
import type { ChainState } from './discourse'
import { explicitCue } from './explicitCue'
import { type Finding, METHOD_STRENGTH, NONE } from './finding'
import { speakerOfNarrative } from './narrative'
import {
  endPunctuation,
  isCaptionLike,
  markToken,
  sameSentenceSpan,
  titleBefore,
} from './spanContext'

/** A quotation attributed so far in the current paragraph. */
export interface Attributed {
  span: QuoteSpan
  last: QuoteSpan
  finding: Finding
  kind: QuoteKind
  term: boolean
}

/** A fragment this short, attributed to nobody, reads as a term or a scare quote. */
const MAX_TERM_WORDS_UNATTRIBUTED = 4

/** The last quotation of a paragraph so far that has a speaker (searched from the end). */
export function lastResolved(attributed: readonly Attributed[]): Attributed | undefined {
  for (let i = attributed.length - 1; i >= 0; i--) {
    if (attributed[i]?.finding.resolved) return attributed[i]
  }
  return undefined
}

/**
 * Kind and speaker of a quotation (one span, or several continuing over paragraphs), or null
 * for a quotation not to offer (an unattributed one inside a transcript turn). `term` marks a
 * scare quote: a fragment nobody is said to have said.
 */
export function attributeGroup(
  body: BodyAnalysis,
  group: readonly QuoteSpan[],
  earlier: readonly Attributed[],
  chain: ChainState,
  paragraphSpeakers: readonly (Finding | null)[],
): { finding: Finding; kind: QuoteKind; term: boolean } | null {
  const first = group[0] as QuoteSpan
  const p = first.paragraph
  const text = (body.paragraphs[p] ?? '').slice(first.contentStart, first.contentEnd).trim()
  const pre = clauseBefore(body, first)
  const previous = earlier.at(-1)
  const sameSentence =
    previous !== undefined &&
    pre.start === previous.last.close &&
    !/[.!?]$/.test(endPunctuation(body, previous.last))
  const afterTerm =
    previous !== undefined && sameSentenceSpan(body, previous.last, first) && previous.term
  const lastSpan = group.at(-1) as QuoteSpan
  const next = lastSpan.closed
    ? body.tagged.tokens[markToken(body, lastSpan.paragraph, lastSpan.contentEnd) + 1]
    : undefined
  const surroundings = {
    text,
    pre: pre.text,
    post: clauseAfter(body, lastSpan),
    afterTerm: afterTerm || titleBefore(body, first),
    nextPos: next && next.paragraph === lastSpan.paragraph ? next.pos : null,
  }
  let kind = quoteKind(text, pre.text)
  // The second half of a split sentence: "We came," she said, "with a plan."
  if (kind === 'partial' && sameSentence && previous.kind === 'full' && /,\s*$/.test(pre.text)) {
    kind = 'full'
  }
  if (isTerm(surroundings)) return { finding: NONE, kind: 'partial', term: true }
  const explicit = explicitCue(body, group, chain)
  // Inside a transcript turn, unattributed quotation marks are the turn speaker's own words.
  if (body.inTurn[p]) return explicit ? { finding: explicit, kind, term: false } : null
  const title = looksLikeTitle(text)
  if (explicit) {
    // A short fragment next to a verb that does not report speech, or a name that may be a
    // place ("its “surge prices,” including those seen during the Sydney crisis"), is a term;
    // so is a title nobody is said to have said.
    const weak = !explicit.cue?.speech || explicit.resolved?.entity?.kind === 'unknown'
    // "140 million “businesses”, according to the company": the source vouches for the claim,
    // and a word or two in quotation marks inside it is the writer's scare quote.
    const scare = kind === 'partial' && wordCount(text) <= 2 && explicit.method === 'according-to'
    const term =
      scare ||
      (weak && (title || (kind === 'partial' && wordCount(text) <= MAX_TERM_WORDS_UNATTRIBUTED)))
    return { finding: term ? NONE : explicit, kind, term }
  }

  const inherit = (from: Finding, method: AttributionMethod): Finding => ({
    ...from,
    method,
    cue: null,
    confidence: Math.min(from.confidence, METHOD_STRENGTH[method]),
  })
  if (title) return { finding: NONE, kind: 'partial', term: true }
  if (sameSentence && previous.finding.resolved)
    return { finding: inherit(previous.finding, 'same-sentence'), kind, term: false }
  // A short fragment nobody is said to have said is a scare quote or a term, not a quotation.
  if (kind === 'partial' && wordCount(text) <= MAX_TERM_WORDS_UNATTRIBUTED)
    return { finding: NONE, kind, term: true }
  const inParagraph = lastResolved(earlier)
  if (inParagraph) return { finding: inherit(inParagraph.finding, 'paragraph'), kind, term: false }
  const open = markToken(body, p, first.open)
  const narrative = speakerOfNarrative(body, p, open, chain)
  if (narrative) {
    const method = narrative.method === 'context' ? 'context' : 'paragraph'
    return { finding: inherit(narrative, method), kind, term: false }
  }
  const opensParagraph = pre.start === 0 && pre.text.trim() === ''
  if (opensParagraph) {
    let q = p - 1
    while (q >= 0 && isCaptionLike(body, q)) q--
    const before = q >= 0 ? paragraphSpeakers[q] : null
    if (before) {
      const method = before.method === 'context' ? 'context' : 'previous-paragraph'
      return { finding: inherit(before, method), kind, term: false }
    }
  }
  return { finding: NONE, kind, term: false }
}
