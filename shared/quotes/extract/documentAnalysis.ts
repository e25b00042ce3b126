/**
 * What the extractor knows about one body before attributing anything: paragraph offsets,
 * quotation spans and the masked narrative around them, sentence starts, transcript labels,
 * the people named and where, and which spans are titles of works. Built once per extraction
 * and read by every later step; nothing here is shared between extractions.
 */

import {
  type ExtractedQuote,
  PARAGRAPH_SEPARATOR,
  type QuoteKind,
  type SourceKind,
} from '../../sources/types'
import {
  collectPeople,
  findMentions,
  type Mention,
  MentionIndex,
  noteCandidates,
  PersonRegistry,
} from './persons'
import { maskQuotations, type QuoteSpan, scanQuoteSpans } from './quoteSpans'
import { sentenceEndAfter, sentenceStartBefore, sentenceStarts } from './sentences'
import type { Speaker, SpeakerContext } from './speakerPhrase'
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
export interface BodyAnalysis extends SpeakerContext {
  paragraphs: readonly string[]
  /** Per paragraph: the text with quoted passages blanked out. */
  masked: string[]
  /** Per paragraph: where the sentences of its masked text start. */
  sentences: number[][]
  /** Per paragraph: its offset in the body. */
  offsets: number[]
  spansByParagraph: QuoteSpan[][]
  /** Per paragraph: the speaker label opening it, in a transcript. */
  labels: (SpeakerLabel | null)[]
  /** Per paragraph: whether it is part of a speaker's turn (labelled or continuing one). */
  inTurn: boolean[]
  /** Spans that quote a work's title: not quotations, and not clause breaks either. */
  titles: Set<QuoteSpan>
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

function turnMembership(labels: readonly (SpeakerLabel | null)[]): boolean[] {
  let inTurn = false
  return labels.map((label) => {
    if (label) inTurn = true
    return inTurn
  })
}

/** The people named in the context and the body, and where the body names them. */
function people(
  context: readonly string[],
  masked: readonly string[],
  labels: readonly (SpeakerLabel | null)[],
  offsets: readonly number[],
): { registry: PersonRegistry; mentions: MentionIndex } {
  const registry = new PersonRegistry()
  const maskedContext = context.map((text) => maskQuotations(text, scanQuoteSpans([text])))
  for (const text of [...maskedContext, ...masked]) noteCandidates(text, registry)
  for (const text of [...maskedContext, ...masked]) collectPeople(text, registry)
  const mentions: Mention[] = []
  masked.forEach((text, i) => {
    const label = labels[i]
    const base = offsets[i] ?? 0
    if (label?.kind === 'speaker') {
      const { name, role } = nameFromLabel(label.label)
      if (name) mentions.push({ position: base, person: registry.add(name, role) })
    }
    mentions.push(...findMentions(text, base, registry))
  })
  return { registry, mentions: new MentionIndex(mentions) }
}

/** Analyses a body for extraction. */
export function analyseBody(input: ExtractionInput): BodyAnalysis {
  const { paragraphs } = input
  const offsets = paragraphOffsets(paragraphs)
  const spans = scanQuoteSpans(paragraphs)
  const spansByParagraph = paragraphs.map((_, i) => spans.filter((s) => s.paragraph === i))
  const masked = paragraphs.map((p, i) => maskQuotations(p, spansByParagraph[i] ?? []))
  const transcript =
    input.kind === 'transcript' || (input.kind === undefined && looksLikeTranscript(paragraphs))
  const labels = paragraphs.map((p) => (transcript ? parseSpeakerLabel(p) : null))
  const body: BodyAnalysis = {
    paragraphs,
    masked,
    sentences: masked.map(sentenceStarts),
    offsets,
    spansByParagraph,
    labels,
    inTurn: turnMembership(labels),
    titles: new Set(),
    ...people(input.context ?? [], masked, labels, offsets),
  }
  for (const span of spans) {
    const text = (paragraphs[span.paragraph] ?? '').slice(span.contentStart, span.contentEnd)
    if (span.closed && isWorkTitle(text, clauseBefore(body, span).text, clauseAfter(body, span))) {
      body.titles.add(span)
    }
  }
  return body
}

/** The narrative clause before a span: back to the sentence start, a previous span or a label. */
export function clauseBefore(body: BodyAnalysis, span: QuoteSpan): { start: number; text: string } {
  const masked = body.masked[span.paragraph] ?? ''
  const previous = (body.spansByParagraph[span.paragraph] ?? []).filter(
    (s) => s.close <= span.open && !body.titles.has(s),
  )
  const start = Math.max(
    sentenceStartBefore(body.sentences[span.paragraph] ?? [], span.open),
    previous.at(-1)?.close ?? 0,
    body.labels[span.paragraph]?.end ?? 0,
  )
  return { start, text: masked.slice(start, span.open) }
}

/** The rest of a span's sentence after its closing mark, stopping at the next quotation. */
export function clauseAfter(body: BodyAnalysis, span: QuoteSpan): string {
  if (!span.closed) return ''
  const masked = body.masked[span.paragraph] ?? ''
  const next = (body.spansByParagraph[span.paragraph] ?? []).find(
    (s) => s.open >= span.close && !body.titles.has(s),
  )
  const sentences = body.sentences[span.paragraph] ?? []
  const end = Math.min(sentenceEndAfter(masked, sentences, span.close), next?.open ?? masked.length)
  return masked.slice(span.close, Math.max(end, span.close))
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
  speaker: Speaker | null,
): ExtractedQuote | null {
  const raw = (body.paragraphs[p] ?? '').slice(range.from, range.to)
  const lead = raw.length - raw.trimStart().length
  // A comma before the closing mark is the reporter's punctuation, not the speaker's words.
  const text = raw.trim().replace(/\s*,$/, '')
  if (!/[\p{L}\p{N}]/u.test(text)) return null
  const start = (body.offsets[p] ?? 0) + range.from + lead
  return {
    text,
    speaker: speaker?.name ?? null,
    speakerRole: speaker?.role ?? null,
    kind,
    start,
    end: start + text.length,
    paragraph: p + 1,
  }
}
