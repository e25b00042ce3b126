/**
 * What the extractor knows about one body before attributing anything: paragraph offsets,
 * quotation spans and the masked narrative around them, the narrative's tokens and sentences
 * (wink-nlp), transcript labels, the people and organisations it names and where, and which
 * spans are titles of works. Built once per extraction and read by every later step; nothing
 * here is shared between extractions.
 */

import {
  type ExtractedQuote,
  PARAGRAPH_SEPARATOR,
  type QuoteAttribution,
  type QuoteKind,
  type SourceKind,
} from '../../sources/types'
import { Discourse } from './attribution/discourse'
import { collectEntities, type Entities } from './entities/collect'
import { maskQuotations, type QuoteSpan, scanQuoteSpans } from './quoteSpans'
import { sentenceEndAfter, sentenceStartBefore, sentenceStarts } from './sentences'
import { type TaggedBody, tagBody } from './text/tagger'
import {
  looksLikeTranscript,
  nameFromLabel,
  parseSpeakerLabel,
  type SpeakerLabel,
} from './transcript'
import { isWorkTitle } from './workTitles'

/** What to extract quotations from. */
export interface ExtractionInput {
  paragraphs: readonly string[]
  /** When omitted, a transcript is recognised by its speaker labels. */
  kind?: SourceKind
  /** Text outside the body that may name speakers (the title); never quoted from. */
  context?: readonly string[]
}

/** The analysed body. */
export interface BodyAnalysis {
  paragraphs: readonly string[]
  /** Per paragraph: the text with quoted passages blanked out. */
  masked: string[]
  /** Per paragraph: where the sentences of its masked text start (character offsets). */
  sentenceStarts: number[][]
  /** Per paragraph: its offset in the body. */
  offsets: number[]
  spansByParagraph: QuoteSpan[][]
  /** Each span's index in its paragraph's list. */
  spanIndex: Map<QuoteSpan, number>
  /** Per paragraph: the speaker label opening it, in a transcript. */
  labels: (SpeakerLabel | null)[]
  /** Per paragraph: whether it is part of a speaker's turn (labelled or continuing one). */
  inTurn: boolean[]
  /** Spans that quote a work's title: not quotations, and not clause breaks either. */
  titles: Set<QuoteSpan>
  tagged: TaggedBody
  entities: Entities
  discourse: Discourse
}

function paragraphOffsets(paragraphs: readonly string[]): number[] {
  const offsets: number[] = []
  let offset = 0
  for (const p of paragraphs) {
    offsets.push(offset)
    offset += p.length + PARAGRAPH_SEPARATOR.length
  }
  return offsets
}

function isTitleCased(text: string): boolean {
  const words = text.match(/[\p{L}][\p{L}'’-]{3,}/gu) ?? []
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length
  return words.length >= 3 && capitalised >= words.length * 0.7
}

function turnMembership(labels: readonly (SpeakerLabel | null)[]): boolean[] {
  let inTurn = false
  return labels.map((label) => {
    if (label) inTurn = true
    return inTurn
  })
}

/**
 * The masked body for the tagger: transcript labels become "Name said:" in effect by staying as
 * written; the context (a title) is tagged separately so its names join the registry.
 */
function entitiesOf(
  context: readonly string[],
  masked: readonly string[],
  offsets: readonly number[],
  labels: readonly (SpeakerLabel | null)[],
): { tagged: TaggedBody; entities: Entities } {
  const maskedContext = context.map((text) => maskQuotations(text, scanQuoteSpans([text])))
  // A headline in title case ("Apple CEO Tim Cook On Being ...") runs its capitals together,
  // so only the clear personal names in it are read (see collectEntities).
  const contextEntities =
    maskedContext.length > 0
      ? collectEntities(
          tagBody(maskedContext, paragraphOffsets(maskedContext), PARAGRAPH_SEPARATOR),
          undefined,
          { headline: context.some(isTitleCased) },
        )
      : null
  const tagged = tagBody(masked, offsets, PARAGRAPH_SEPARATOR)
  const entities = collectEntities(tagged, contextEntities?.registry)
  for (const label of labels) {
    if (label?.kind !== 'speaker') continue
    const { name, role } = nameFromLabel(label.label)
    if (!name) continue
    const entity = entities.registry.addName(name.split(' '), 'person', { start: 0, end: 0 })
    entity.kind = 'person'
    entity.role ??= role ?? label.description?.toLowerCase() ?? null
  }
  return { tagged, entities }
}

/** Analyses a body for extraction. */
export function analyseBody(input: ExtractionInput): BodyAnalysis {
  const { paragraphs } = input
  const offsets = paragraphOffsets(paragraphs)
  const spans = scanQuoteSpans(paragraphs)
  const spansByParagraph: QuoteSpan[][] = paragraphs.map(() => [])
  for (const span of spans) spansByParagraph[span.paragraph]?.push(span)
  const masked = paragraphs.map((p, i) => maskQuotations(p, spansByParagraph[i] ?? []))
  const transcript =
    input.kind === 'transcript' || (input.kind === undefined && looksLikeTranscript(paragraphs))
  const labels = paragraphs.map((p) => (transcript ? parseSpeakerLabel(p) : null))
  // A turn's label is read by the transcript rules, not as narrative naming someone.
  labels.forEach((label, i) => {
    if (label) masked[i] = ' '.repeat(label.end) + (masked[i] ?? '').slice(label.end)
  })
  const { tagged, entities } = entitiesOf(input.context ?? [], masked, offsets, labels)
  const body: BodyAnalysis = {
    paragraphs,
    masked,
    sentenceStarts: masked.map(sentenceStarts),
    offsets,
    spansByParagraph,
    spanIndex: new Map(spansByParagraph.flatMap((list) => list.map((s, i) => [s, i] as const))),
    labels,
    inTurn: turnMembership(labels),
    titles: new Set(),
    tagged,
    entities,
    discourse: new Discourse(tagged, entities.mentions),
  }
  for (const span of spans) {
    const text = (paragraphs[span.paragraph] ?? '').slice(span.contentStart, span.contentEnd)
    if (span.closed && isWorkTitle(text, clauseBefore(body, span).text, clauseAfter(body, span))) {
      body.titles.add(span)
    }
  }
  return body
}

/** The index of the first token starting at or after body offset `offset`. */
export function tokenAt(body: BodyAnalysis, offset: number): number {
  const { tokens } = body.tagged
  let lo = 0
  let hi = tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((tokens[mid]?.start ?? 0) < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The nearest span before (`-1`) or after (`1`) this one in its paragraph that is no title. */
export function neighbourSpan(
  body: BodyAnalysis,
  span: QuoteSpan,
  direction: -1 | 1,
): QuoteSpan | null {
  const spans = body.spansByParagraph[span.paragraph] ?? []
  for (
    let i = (body.spanIndex.get(span) ?? 0) + direction;
    i >= 0 && i < spans.length;
    i += direction
  ) {
    const s = spans[i] as QuoteSpan
    if (!body.titles.has(s)) return s
  }
  return null
}

/** The narrative clause before a span: back to the sentence start, a previous span or a label. */
export function clauseBefore(body: BodyAnalysis, span: QuoteSpan): { start: number; text: string } {
  const masked = body.masked[span.paragraph] ?? ''
  const previousClose = neighbourSpan(body, span, -1)?.close ?? 0
  const start = Math.max(
    sentenceStartBefore(body.sentenceStarts[span.paragraph] ?? [], span.open),
    previousClose,
    body.labels[span.paragraph]?.end ?? 0,
  )
  return { start, text: masked.slice(start, span.open) }
}

/** The rest of a span's sentence after its closing mark, stopping at the next quotation. */
export function clauseAfter(body: BodyAnalysis, span: QuoteSpan): string {
  if (!span.closed) return ''
  const masked = body.masked[span.paragraph] ?? ''
  const next = neighbourSpan(body, span, 1)
  const starts = body.sentenceStarts[span.paragraph] ?? []
  const end = Math.min(sentenceEndAfter(masked, starts, span.close), next?.open ?? masked.length)
  return masked.slice(span.close, Math.max(end, span.close))
}

/** Who said a quotation, as attribution settled it. */
export interface Attribution {
  speaker: string | null
  role: string | null
  details: QuoteAttribution
}

/**
 * The extracted quotation for paragraph `p` from `from` to `to`, trimmed; null if nothing
 * quotable is left.
 */
export function makeQuote(
  body: BodyAnalysis,
  p: number,
  range: { from: number; to: number },
  kind: QuoteKind,
  attribution: Attribution,
): ExtractedQuote | null {
  const raw = (body.paragraphs[p] ?? '').slice(range.from, range.to)
  const lead = raw.length - raw.trimStart().length
  // A comma before the closing mark is the reporter's punctuation, not the speaker's words.
  const text = raw.trim().replace(/\s*,$/, '')
  if (!/[\p{L}\p{N}]/u.test(text)) return null
  const start = (body.offsets[p] ?? 0) + range.from + lead
  return {
    text,
    speaker: attribution.speaker,
    speakerRole: attribution.role,
    kind,
    start,
    end: start + text.length,
    paragraph: p + 1,
    attribution: attribution.details,
  }
}
