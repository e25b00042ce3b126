/**
 * Quote extraction: every quotation in a body, with its offsets, kind, speaker and the evidence
 * for the speaker.
 *
 * Pure and free of Node APIs so the client can run it too. After the body is analysed
 * (documentAnalysis: quotation spans, the tagged narrative, the people it names), each
 * quotation is attributed from an explicit cue around it (cues.ts: "…," said X; X told
 * reporters: "…"; "according to X"), resolved to a person of the article (resolve.ts); failing
 * that, from the attribution chain: the other half of its sentence, the paragraph's speaker, or
 * for a paragraph that is only a quotation, the previous paragraph's speaker. Each step has a
 * confidence; below CONFIDENT_SPEAKER the speaker is left null with the best candidate as a
 * suggestion, never a confident wrong name. Titles of works and scare quotes are not offered.
 * In transcripts the named speakers' turns are quotations too (turnQuotes).
 */

import type { AttributionMethod, ExtractedQuote, QuoteKind } from '../../sources/types'
import { type Cue, type CueContext, cueAfter, cueBefore, cueOfIntroducer } from './attribution/cues'
import type { ChainState } from './attribution/discourse'
import {
  type ResolveContext,
  type Resolved,
  resolvePhrase,
  speakerName,
} from './attribution/resolve'
import {
  type Attribution,
  analyseBody,
  type BodyAnalysis,
  clauseAfter,
  clauseBefore,
  type ExtractionInput,
  makeQuote,
  neighbourSpan,
  tokenAt,
} from './documentAnalysis'
import { SPEECH_LEMMAS } from './lexicon'
import { quoteKind } from './quoteKind'
import type { QuoteSpan } from './quoteSpans'
import { isTerm, wordCount } from './terms'
import { turnQuotes } from './turnQuotes'
import { looksLikeTitle } from './workTitles'

export type { ExtractionInput } from './documentAnalysis'

/** Below this confidence a speaker is offered as a suggestion only. */
export const CONFIDENT_SPEAKER = 0.5

/** How much each way of finding a speaker is worth, before the phrase's own reading. */
const METHOD_STRENGTH: Readonly<Record<AttributionMethod, number>> = {
  after: 1,
  before: 1,
  'according-to': 1,
  introducer: 0.9,
  label: 1,
  'same-sentence': 0.95,
  paragraph: 0.85,
  'previous-paragraph': 0.8,
  context: 0.6,
  none: 0,
}

/** A quotation's speaker as found, before the threshold is applied. */
interface Finding {
  resolved: Resolved | null
  method: AttributionMethod
  cue: Cue | null
  confidence: number
}

/** A quotation attributed so far in the current paragraph. */
interface Attributed {
  span: QuoteSpan
  last: QuoteSpan
  finding: Finding
  kind: QuoteKind
  term: boolean
}

/** All quotations of the body, ordered by position. */
export function extractQuotes(input: ExtractionInput): ExtractedQuote[] {
  // The client calls this with paragraphs out of a synced document, so check before trusting.
  const bad = Array.isArray(input?.paragraphs)
    ? input.paragraphs.findIndex((p) => typeof p !== 'string')
    : -2
  if (bad === -2)
    throw new TypeError(
      `extractQuotes needs an array of paragraphs, not ${typeof input?.paragraphs}`,
    )
  if (bad >= 0) {
    throw new TypeError(`Paragraph ${bad + 1} is ${typeof input.paragraphs[bad]}, not a string`)
  }
  const body = analyseBody(input)
  const quotes = [...markedQuotes(body), ...turnQuotes(body)]
  return quotes.sort((a, b) => a.start - b.start || b.end - a.end)
}

/** The span and the spans in following paragraphs that continue it. */
function continuationGroup(body: BodyAnalysis, first: QuoteSpan): QuoteSpan[] {
  const group = [first]
  let current = first
  while (current.continuesToNext) {
    const next = body.spansByParagraph[current.paragraph + 1]?.[0]
    if (!next) break
    group.push(next)
    current = next
  }
  return group
}

/** Quotations set off by quotation marks, attributed. */
function markedQuotes(body: BodyAnalysis): ExtractedQuote[] {
  // Quotations are made once every speaker is known: a person first met as "Sonya Zoghlin" and
  // later as "Sonya A. Zoghlin" is named the same way on all their quotations.
  const pending: { group: QuoteSpan[]; kind: QuoteKind; finding: Finding }[] = []
  const chain: ChainState = { speaker: null, paragraph: -1 }
  const paragraphSpeakers: (Finding | null)[] = []
  body.paragraphs.forEach((_, p) => {
    const attributed: Attributed[] = []
    for (const span of body.spansByParagraph[p] ?? []) {
      if (span.continuesFromPrevious || body.titles.has(span)) continue
      const group = continuationGroup(body, span)
      const last = group.at(-1) as QuoteSpan
      const result = attributeGroup(body, group, attributed, chain, paragraphSpeakers)
      if (!result) continue
      attributed.push({ span, last, ...result })
      if (result.finding.resolved?.entity && result.finding.confidence >= CONFIDENT_SPEAKER) {
        chain.speaker = result.finding.resolved.entity
        chain.paragraph = last.paragraph
      }
      if (!result.term) pending.push({ group, kind: result.kind, finding: result.finding })
    }
    const lastAttributed = lastResolved(attributed)
    paragraphSpeakers[p] =
      lastAttributed?.finding ?? speakerOfNarrative(body, p, Number.POSITIVE_INFINITY, chain)
  })
  const quotes: ExtractedQuote[] = []
  for (const { group, kind, finding } of pending) {
    const attribution = settle(body, finding)
    for (const piece of group) {
      const range = { from: piece.contentStart, to: piece.contentEnd }
      const quote = makeQuote(body, piece.paragraph, range, kind, attribution)
      if (quote) quotes.push(quote)
    }
  }
  return quotes
}

/** Applies the threshold: a confident speaker is named, a doubtful one only suggested. */
function settle(body: BodyAnalysis, finding: Finding): Attribution {
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
const ANY_VERB_STRENGTH = 0.85

function found(
  resolved: Resolved | null,
  method: AttributionMethod,
  cue: Cue | null,
): Finding | null {
  if (!resolved) return null
  const verb = cue && !cue.speech && method === 'after' ? ANY_VERB_STRENGTH : 1
  const confidence = METHOD_STRENGTH[method] * resolved.confidence * verb
  return { resolved, method, cue, confidence }
}

const NONE: Finding = { resolved: null, method: 'none', cue: null, confidence: 0 }

function contexts(body: BodyAnalysis): { cue: CueContext; resolve: ResolveContext } {
  return {
    cue: { tagged: body.tagged, mentionAt: body.entities.mentionAt },
    resolve: { tagged: body.tagged, registry: body.entities.registry, discourse: body.discourse },
  }
}

/** The token of the mark at paragraph `p`'s character `index`. */
function markToken(body: BodyAnalysis, p: number, index: number): number {
  return tokenAt(body, (body.offsets[p] ?? 0) + index)
}

/** The last character of a span's words, ignoring space: what punctuation ended it. */
function endPunctuation(body: BodyAnalysis, span: QuoteSpan): string {
  const text = (body.paragraphs[span.paragraph] ?? '').slice(span.contentStart, span.contentEnd)
  return text.trimEnd().at(-1) ?? ''
}

/** The explicit cue of a quotation group, resolved; null if the text gives none. */
function explicitCue(
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

/** The token where the clause before a span starts: its sentence, a previous span or a label. */
function clauseStartToken(body: BodyAnalysis, span: QuoteSpan, open: number): number {
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

/**
 * Who speaks in paragraph `p`'s narrative before token `before`: the subject of its last verb
 * of saying, else the person the paragraph is about (its last subject).
 */
function speakerOfNarrative(
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

/** A fragment this short, attributed to nobody, reads as a term or a scare quote. */
const MAX_TERM_WORDS_UNATTRIBUTED = 4

/** Whether nothing but the narrative of one sentence stands between two spans. */
function sameSentenceSpan(body: BodyAnalysis, previous: QuoteSpan, next: QuoteSpan): boolean {
  if (previous.paragraph !== next.paragraph) return false
  const between = (body.masked[next.paragraph] ?? '').slice(previous.close, next.open)
  return !/[.!?]/.test(between) && !/[.!?]$/.test(endPunctuation(body, previous))
}

/** Whether a title span stands right before this one in its sentence ("“X,” or “Y”"). */
function titleBefore(body: BodyAnalysis, span: QuoteSpan): boolean {
  const spans = body.spansByParagraph[span.paragraph] ?? []
  const index = body.spanIndex.get(span) ?? 0
  const previous = index > 0 ? spans[index - 1] : undefined
  return (
    previous !== undefined && body.titles.has(previous) && sameSentenceSpan(body, previous, span)
  )
}

/** The last quotation of a paragraph so far that has a speaker (searched from the end). */
function lastResolved(attributed: readonly Attributed[]): Attributed | undefined {
  for (let i = attributed.length - 1; i >= 0; i--) {
    if (attributed[i]?.finding.resolved) return attributed[i]
  }
  return undefined
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

/** How many sentences back a paragraph's narrative is searched for who speaks in it. */
const NARRATIVE_SENTENCES = 6

/** Index of the first mention starting at or after token `k` (mentions are in token order). */
function mentionBefore(mentions: readonly { first: number }[], k: number): number {
  let lo = 0
  let hi = mentions.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((mentions[mid]?.first ?? 0) < k) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Whether a paragraph reads as a caption or a subhead: no sentence ends in it. */
function isCaptionLike(body: BodyAnalysis, p: number): boolean {
  const text = (body.paragraphs[p] ?? '').trim()
  return !/[.!?:"”’]$/.test(text) && (body.spansByParagraph[p]?.length ?? 0) === 0
}

/**
 * Kind and speaker of a quotation (one span, or several continuing over paragraphs), or null
 * for a quotation not to offer (an unattributed one inside a transcript turn). `term` marks a
 * scare quote: a fragment nobody is said to have said.
 */
function attributeGroup(
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
    const term =
      weak && (title || (kind === 'partial' && wordCount(text) <= MAX_TERM_WORDS_UNATTRIBUTED))
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
