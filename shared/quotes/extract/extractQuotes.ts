/**
 * Quote extraction: every quotation in a body, with its offsets, kind and speaker.
 *
 * Pure and free of Node APIs so the client can run it too. After the body is analysed
 * (documentAnalysis), each quotation is attributed from, in order: the text after it ("...,
 * said X"), the clause before it ("X said the plan was '...'"), a colon-ended sentence
 * introducing it, the previous quotation of the same sentence or paragraph, and, for a
 * paragraph that opens with a quotation, the previous paragraph's speaker. A quotation running
 * over several paragraphs is attributed once for all its pieces. In transcripts the named
 * speakers' turns are quotations too (turnQuotes).
 */

import type { ExtractedQuote, QuoteKind } from '../../sources/types'
import { introducerPhrase, phraseAfter, phrasesBefore, type SpeakerPhrase } from './attribution'
import {
  analyseBody,
  type BodyAnalysis,
  clauseAfter,
  clauseBefore,
  type ExtractionInput,
  makeQuote,
} from './documentAnalysis'
import { quoteKind } from './quoteKind'
import type { QuoteSpan } from './quoteSpans'
import { sentenceStartBefore } from './sentences'
import { resolveSpeakerPhrase, type Speaker } from './speakerPhrase'
import { turnQuotes } from './turnQuotes'

export type { ExtractionInput } from './documentAnalysis'

/** A quotation attributed so far in the current paragraph. */
interface Attributed {
  span: QuoteSpan
  speaker: Speaker | null
  kind: QuoteKind
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

/** Quotations set off by quotation marks, attributed. */
function markedQuotes(body: BodyAnalysis): ExtractedQuote[] {
  const quotes: ExtractedQuote[] = []
  let previousParagraphSpeaker: Speaker | null = null
  body.paragraphs.forEach((_, p) => {
    const attributed: Attributed[] = []
    for (const span of body.spansByParagraph[p] ?? []) {
      if (span.continuesFromPrevious || body.titles.has(span)) continue
      const group = continuationGroup(body, span)
      const result = attributeGroup(body, group, attributed, previousParagraphSpeaker)
      if (!result) continue
      attributed.push({ span, ...result })
      for (const piece of group) {
        const range = { from: piece.contentStart, to: piece.contentEnd }
        const quote = makeQuote(body, piece.paragraph, range, result.kind, result.speaker)
        if (quote) quotes.push(quote)
      }
    }
    previousParagraphSpeaker = lastSpeakerOf(body, p, attributed)
  })
  return quotes
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

function resolve(body: BodyAnalysis, phrase: SpeakerPhrase | null, base: number): Speaker | null {
  return phrase ? resolveSpeakerPhrase(phrase.phrase, base + phrase.offset, body) : null
}

/** Of several candidate phrases, the first naming a known person; else the first resolving. */
function resolveBest(body: BodyAnalysis, phrases: SpeakerPhrase[], base: number): Speaker | null {
  const speakers = phrases.map((p) => resolve(body, p, base)).filter((s): s is Speaker => !!s)
  return speakers.find((s) => body.registry.lookup(s.name)) ?? speakers[0] ?? null
}

/**
 * Kind and speaker of a quotation (one span, or several continuing over paragraphs), or null
 * for a quotation not to offer (an unattributed one inside a transcript turn).
 */
function attributeGroup(
  body: BodyAnalysis,
  group: readonly QuoteSpan[],
  earlier: readonly Attributed[],
  previousParagraphSpeaker: Speaker | null,
): { speaker: Speaker | null; kind: QuoteKind } | null {
  const first = group[0] as QuoteSpan
  const last = group.at(-1) as QuoteSpan
  const p = first.paragraph
  const text = (body.paragraphs[p] ?? '').slice(first.contentStart, first.contentEnd).trim()
  const pre = clauseBefore(body, first)
  const previous = earlier.at(-1)
  const sameSentence = previous !== undefined && pre.start === previous.span.close
  let kind = quoteKind(text, pre.text)
  // The second half of a split sentence: "We came," she said, "with a plan."
  if (kind === 'partial' && sameSentence && previous.kind === 'full' && /,\s*$/.test(pre.text)) {
    kind = 'full'
  }

  const afterBase = (body.offsets[last.paragraph] ?? 0) + last.close
  const explicit =
    resolve(body, phraseAfter(clauseAfter(body, last)), afterBase) ??
    resolveBest(body, phrasesBefore(pre.text), (body.offsets[p] ?? 0) + pre.start)
  // Inside a transcript turn, unattributed quotation marks are the turn speaker's own words.
  if (body.inTurn[p]) return explicit ? { speaker: explicit, kind } : null
  if (explicit) return { speaker: explicit, kind }

  const introduced = introducingSpeaker(body, first, pre)
  if (introduced) return { speaker: introduced, kind }
  if (sameSentence && previous.speaker) return { speaker: previous.speaker, kind }
  if (kind === 'full') {
    const inParagraph = [...earlier].reverse().find((a) => a.speaker)
    if (inParagraph) return { speaker: inParagraph.speaker, kind }
    const opensParagraph = pre.start === 0 && pre.text.trim() === ''
    if (opensParagraph) return { speaker: previousParagraphSpeaker, kind }
  }
  return { speaker: null, kind }
}

/** The speaker of a sentence ending in a colon that introduces this quotation. */
function introducingSpeaker(
  body: BodyAnalysis,
  span: QuoteSpan,
  pre: { start: number; text: string },
): Speaker | null {
  if (pre.text.trim() !== '') return null
  let p = span.paragraph
  let end = pre.start
  if ((body.masked[p] ?? '').slice(0, end).trim() === '') {
    if (p === 0) return null
    p -= 1
    end = body.masked[p]?.length ?? 0
  }
  const before = (body.masked[p] ?? '').slice(0, end).trimEnd()
  if (!before.endsWith(':')) return null
  const start = sentenceStartBefore(body.sentences[p] ?? [], before.length - 1)
  return resolve(body, introducerPhrase(before.slice(start)), (body.offsets[p] ?? 0) + start)
}

/**
 * Who last spoke in a paragraph, for a following paragraph that is only a quotation: the
 * speaker of its last attributed quotation, else the subject of its last verb of saying.
 */
function lastSpeakerOf(body: BodyAnalysis, p: number, attributed: Attributed[]): Speaker | null {
  if (attributed.length > 0) return attributed.at(-1)?.speaker ?? null
  return resolveBest(body, phrasesBefore(body.masked[p] ?? ''), body.offsets[p] ?? 0)
}
