/**
 * Is a quote faithful to its source? The quote's text is split into runs of claimed words
 * (around `…` elisions and `[bracketed]` clarifications, see ./parse); it is faithful when
 * every run occurs in the source, in order, inside the region its selectors anchor to, and
 * starts and ends on word boundaries (unless a bracket sits on that side). Typography is
 * normalised away first (./normalize); anything else that differs is reported.
 *
 * Pure TypeScript with no Node or DOM APIs: the client runs it on every change and the
 * server runs the same code before export.
 */
import { sourceBody } from '../sources/body'
import { verifySourceIntegrity } from '../sources/hash'
import type { Source } from '../sources/types'
import { closestPrefix, findNeedle, type Haystack, type Needle } from './match'
import { type NormalizedText, normalizeForMatch } from './normalize'
import { quoteSegments } from './parse'
import {
  type NormalizedRegion,
  type QuoteAnchor,
  regionToAnchor,
  resolveRegion,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './selectors'

/** Why a run of quoted words does not hold up. */
export type QuoteDifferenceReason =
  /** The words occur nowhere in the source. */
  | 'not-found'
  /** The words occur in the anchored region, but not after the preceding run. */
  | 'out-of-order'
  /** The words occur in the source, but outside the region the quote is anchored to. */
  | 'outside-anchor'
  /** The words occur only as part of longer words (a cut mid-word). */
  | 'mid-word'
  /** Neither selector finds a region in the source. */
  | 'unanchored'
  /** The quote claims no words at all. */
  | 'empty'
  /** The quote's stored attributes are not well-formed (raw document tampering). */
  | 'malformed'

/** One way a quote departs from its source. */
export interface QuoteDifference {
  /** The run of quoted words concerned, as the quote shows it. */
  segment: string
  reason: QuoteDifferenceReason
  /** For 'not-found': what the source says where the run comes closest to matching. */
  sourceText?: string
}

/** The verdict on one quote. */
export type QuoteVerification =
  | { status: 'verified'; anchor: QuoteAnchor }
  | { status: 'altered'; differences: QuoteDifference[]; anchor?: QuoteAnchor }
  | { status: 'source-missing' }

/** The parts of a quote block that verification reads. */
export interface QuoteToVerify {
  text: string
  selector?: TextQuoteSelector | null
  position?: TextPositionSelector | null
}

/** A source with the work verification needs done once: its integrity and normalised body. */
interface PreparedSource {
  readonly source: Source
  readonly intact: boolean
  readonly body: string
  readonly normalized: NormalizedText
}

function prepareSource(source: Source): PreparedSource {
  // Checked first: a source tampered into a non-array body must not throw further down.
  const intact = verifySourceIntegrity(source)
  const body = intact ? sourceBody(source.paragraphs) : ''
  return { source, intact, body, normalized: normalizeForMatch(body) }
}

/**
 * Verifies `quote` against `source`: 'source-missing' if there is no source or its text no
 * longer matches its hash, 'verified' with the anchor, or 'altered' with what differs.
 */
export function verifyQuote(
  source: Source | null | undefined,
  quote: QuoteToVerify,
): QuoteVerification {
  return source ? verifyPrepared(prepareSource(source), quote) : { status: 'source-missing' }
}

/**
 * A verifier that remembers, per source object, its integrity check and normalised body,
 * so re-verifying on every keystroke does not re-hash unchanged sources. Sources are
 * immutable values (a Y.Map returns the same object until the entry is replaced), so an
 * object-keyed cache is exact. Owned by its caller, e.g. one per editor.
 */
export function createQuoteVerifier(): {
  verify(source: Source | null | undefined, quote: QuoteToVerify): QuoteVerification
} {
  const prepared = new WeakMap<Source, PreparedSource>()
  return {
    verify(source, quote) {
      if (!source) return { status: 'source-missing' }
      let entry = prepared.get(source)
      if (!entry) {
        entry = prepareSource(source)
        prepared.set(source, entry)
      }
      return verifyPrepared(entry, quote)
    },
  }
}

function verifyPrepared(prepared: PreparedSource, quote: QuoteToVerify): QuoteVerification {
  if (!prepared.intact) return { status: 'source-missing' }
  if (typeof quote.text !== 'string') {
    return { status: 'altered', differences: [{ segment: '', reason: 'malformed' }] }
  }
  const needles = quoteSegments(quote.text)
    .map((s) => ({
      raw: s.text.trim(),
      text: normalizeForMatch(s.text).text,
      freeLeft: s.left === 'clarification',
      freeRight: s.right === 'clarification',
    }))
    .filter((n) => n.text !== '')
  if (needles.length === 0) {
    return { status: 'altered', differences: [{ segment: quote.text, reason: 'empty' }] }
  }
  const { normalized, body } = prepared
  const region = resolveRegion(normalized, body.length, quote.selector, quote.position)
  if (!region) {
    return { status: 'altered', differences: [{ segment: quote.text, reason: 'unanchored' }] }
  }
  const anchor = regionToAnchor(normalized, prepared.source.paragraphs, region)
  const differences = findDifferences(prepared, region, needles)
  return differences.length === 0
    ? { status: 'verified', anchor }
    : { status: 'altered', differences, anchor }
}

function findDifferences(
  prepared: PreparedSource,
  region: NormalizedRegion,
  needles: (Needle & { raw: string })[],
): QuoteDifference[] {
  const hay: Haystack = { text: prepared.normalized.text }
  const differences: QuoteDifference[] = []
  let cursor = region.from
  for (const needle of needles) {
    const at = findNeedle(hay, needle, cursor, region.to)
    if (at !== -1) {
      cursor = at + needle.text.length
      continue
    }
    // The cursor stays put, so later runs are still checked from where this one should be.
    differences.push(describeMiss(prepared, region, needle, cursor))
  }
  return differences
}

function describeMiss(
  prepared: PreparedSource,
  region: NormalizedRegion,
  needle: Needle & { raw: string },
  cursor: number,
): QuoteDifference {
  const hay: Haystack = { text: prepared.normalized.text }
  const segment = needle.raw
  if (findNeedle(hay, needle, region.from, region.to) !== -1)
    return { segment, reason: 'out-of-order' }
  if (findNeedle(hay, needle, 0, hay.text.length) !== -1)
    return { segment, reason: 'outside-anchor' }
  if (hay.text.includes(needle.text)) return { segment, reason: 'mid-word' }
  const { starts, ends } = prepared.normalized
  const closest = closestPrefix(hay.text, needle.text, cursor, region.to)
  const last = Math.min(closest.at + needle.text.length, region.to) - 1
  const sourceText =
    last >= closest.at ? prepared.body.slice(starts[closest.at], ends[last]) : undefined
  return sourceText === undefined
    ? { segment, reason: 'not-found' }
    : { segment, reason: 'not-found', sourceText }
}
