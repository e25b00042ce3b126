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

import type { ExtractedQuote, ExtractedTerm, QuoteKind, SourcePerson } from '../../sources/types'
import { type Attributed, attributeGroup, lastResolved } from './attribution/attributeGroup'
import type { ChainState } from './attribution/discourse'
import { CONFIDENT_SPEAKER, type Finding, settle } from './attribution/finding'
import { speakerOfNarrative } from './attribution/narrative'
import { speakerName } from './attribution/resolve'
import { analyseBody, type BodyAnalysis, type ExtractionInput, makeQuote } from './documentAnalysis'
import type { Entity } from './entities/registry'
import type { QuoteSpan } from './quoteSpans'
import { turnQuotes } from './turnQuotes'

export { CONFIDENT_SPEAKER } from './attribution/finding'
export type { ExtractionInput } from './documentAnalysis'

/** What extraction finds in a body: its quotations, the spans that are not, and its people. */
export interface Extraction {
  quotes: ExtractedQuote[]
  /** Titles and terms in quotation marks, not offered as anybody's words. */
  terms: ExtractedTerm[]
  /** The people (and speaking organisations) the text names, in order of first mention. */
  people: SourcePerson[]
}

/** All quotations of the body, ordered by position. */
export function extractQuotes(input: ExtractionInput): ExtractedQuote[] {
  return extractQuotations(input).quotes
}

/** Quotations, terms and people of a body. */
export function extractQuotations(input: ExtractionInput): Extraction {
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
  const marked = markedQuotes(body)
  const quotes = [...marked.quotes, ...turnQuotes(body)].sort(
    (a, b) => a.start - b.start || b.end - a.end,
  )
  return { quotes, terms: marked.terms, people: peopleOf(body, marked.speakers) }
}

/**
 * The people a reader would pick a speaker from: everyone the text shows to be a person, and any
 * organisation or unsure name a quotation was attributed to.
 */
function peopleOf(body: BodyAnalysis, speakers: ReadonlySet<Entity>): SourcePerson[] {
  const people: SourcePerson[] = []
  const seen = new Set<string>()
  for (const entity of body.entities.registry.entities) {
    const person = entity.kind === 'person' && entity.evidence === 'strong' && !entity.described
    if (!person && !speakers.has(entity)) continue
    const name = entity.described ? entity.name : speakerName(entity)
    if (seen.has(name)) continue
    seen.add(name)
    people.push({ name, role: entity.described ? null : entity.role })
  }
  return people
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
function markedQuotes(body: BodyAnalysis): {
  quotes: ExtractedQuote[]
  terms: ExtractedTerm[]
  speakers: Set<Entity>
} {
  const terms: ExtractedTerm[] = []
  const speakers = new Set<Entity>()
  // Quotations are made once every speaker is known: a person first met as "Sonya Zoghlin" and
  // later as "Sonya A. Zoghlin" is named the same way on all their quotations.
  const pending: { group: QuoteSpan[]; kind: QuoteKind; finding: Finding }[] = []
  const chain: ChainState = { speaker: null, paragraph: -1 }
  const paragraphSpeakers: (Finding | null)[] = []
  body.paragraphs.forEach((_, p) => {
    const attributed: Attributed[] = []
    for (const span of body.spansByParagraph[p] ?? []) {
      if (body.titles.has(span)) terms.push(termOf(body, span, 'title'))
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
      if (result.term) terms.push(termOf(body, span, 'term'))
      else pending.push({ group, kind: result.kind, finding: result.finding })
    }
    const lastAttributed = lastResolved(attributed)
    paragraphSpeakers[p] =
      lastAttributed?.finding ?? speakerOfNarrative(body, p, Number.POSITIVE_INFINITY, chain)
  })
  attributeRepeats(body, pending)
  const quotes: ExtractedQuote[] = []
  for (const { group, kind, finding } of pending) {
    const attribution = settle(body, finding)
    if (attribution.speaker && finding.resolved?.entity) speakers.add(finding.resolved.entity)
    for (const piece of group) {
      const range = { from: piece.contentStart, to: piece.contentEnd }
      const quote = makeQuote(body, piece.paragraph, range, kind, attribution)
      if (quote) quotes.push(quote)
    }
  }
  return { quotes, terms, speakers }
}

/** A span listed as a title or a term, with its body offsets. */
function termOf(body: BodyAnalysis, span: QuoteSpan, kind: ExtractedTerm['kind']): ExtractedTerm {
  const raw = (body.paragraphs[span.paragraph] ?? '').slice(span.contentStart, span.contentEnd)
  const lead = raw.length - raw.trimStart().length
  const text = raw.trim().replace(/\s*[,;:]$/, '')
  const start = (body.offsets[span.paragraph] ?? 0) + span.contentStart + lead
  return { text, kind, start, end: start + text.length, paragraph: span.paragraph + 1 }
}

/** How many words in a row make a passage recognisable when it is quoted again. */
const REPEAT_WORDS = 6

function shingles(text: string, limit = Number.POSITIVE_INFINITY): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  const out: string[] = []
  for (let i = 0; i + REPEAT_WORDS <= words.length && out.length < limit; i++)
    out.push(words.slice(i, i + REPEAT_WORDS).join(' '))
  return out
}

/** Methods that read the quotation's own cue, not the chain around it. */
const EXPLICIT = new Set(['after', 'before', 'introducer', 'according-to', 'label'])

/**
 * A pull quote or a quotation repeated later (a summary quoting the body) says the same words
 * as one the text attributes where it first gives them: it takes that speaker, rather than the
 * speaker of the paragraph it happens to stand beside.
 */
function attributeRepeats(
  body: BodyAnalysis,
  pending: { group: QuoteSpan[]; finding: Finding }[],
): void {
  const text = (group: QuoteSpan[]) =>
    group
      .map((s) => (body.paragraphs[s.paragraph] ?? '').slice(s.contentStart, s.contentEnd))
      .join(' ')
  const attributed = new Map<string, Finding>()
  for (const item of pending) {
    if (!EXPLICIT.has(item.finding.method) || !item.finding.resolved) continue
    for (const shingle of shingles(text(item.group)))
      if (!attributed.has(shingle)) attributed.set(shingle, item.finding)
  }
  for (const item of pending) {
    if (EXPLICIT.has(item.finding.method)) continue
    const first = shingles(text(item.group), 1)[0]
    const source = first ? attributed.get(first) : undefined
    if (source && source !== item.finding) {
      item.finding = {
        ...source,
        method: 'repeated',
        cue: null,
        confidence: Math.min(source.confidence, 0.9),
      }
    }
  }
}
