/**
 * Shape checks for sources. Sources reach us from importers, from the HTTP API and from Y.Doc
 * updates written by any peer, so every entry point checks the shape here and names the
 * first field that is wrong.
 */
import { computeContentHash } from './hash'
import {
  ATTRIBUTION_METHODS,
  type AttributionMethod,
  type ExtractedQuote,
  type ImportedDocument,
  SOURCE_KINDS,
  type Source,
  type SourceKind,
  type SourcePerson,
} from './types'

const CONTENT_HASH = /^sha256:[0-9a-f]{64}$/
const METADATA_FIELDS = ['title', 'byline', 'publisher', 'publishedAt', 'url'] as const

function fail(field: string, value: unknown, expected: string): never {
  const shown = JSON.stringify(value)
  throw new RangeError(
    `Invalid source ${field}: ${shown === undefined ? String(value) : shown.slice(0, 80)} (expected ${expected})`,
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function checkQuote(quote: unknown, index: number): void {
  const field = `quotes[${index}]`
  if (!isRecord(quote)) fail(field, quote, 'an object')
  if (typeof quote.text !== 'string') fail(`${field}.text`, quote.text, 'a string')
  for (const key of ['start', 'end', 'paragraph'] as const) {
    const n = quote[key]
    if (!Number.isInteger(n) || (n as number) < 0) fail(`${field}.${key}`, n, 'an integer >= 0')
  }
  if (quote.kind !== 'full' && quote.kind !== 'partial') {
    fail(`${field}.kind`, quote.kind, "'full' or 'partial'")
  }
  for (const key of ['speaker', 'speakerRole'] as const) {
    if (quote[key] !== null && typeof quote[key] !== 'string') {
      fail(`${field}.${key}`, quote[key], 'a string or null')
    }
  }
  if (quote.attribution !== undefined) checkAttribution(quote.attribution, `${field}.attribution`)
}

function checkRange(value: unknown, field: string): void {
  if (value === null) return
  if (!isRecord(value)) fail(field, value, 'an object or null')
  for (const key of ['start', 'end'] as const) {
    const n = value[key]
    if (!Number.isInteger(n) || (n as number) < 0) fail(`${field}.${key}`, n, 'an integer >= 0')
  }
}

function checkAttribution(value: unknown, field: string): void {
  if (!isRecord(value)) fail(field, value, 'an object')
  const { confidence } = value
  if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1))
    fail(`${field}.confidence`, confidence, 'a number from 0 to 1')
  if (!ATTRIBUTION_METHODS.includes(value.method as AttributionMethod))
    fail(`${field}.method`, value.method, ATTRIBUTION_METHODS.join(', '))
  checkRange(value.cue, `${field}.cue`)
  checkRange(value.introduced, `${field}.introduced`)
  if (value.suggestion !== null && typeof value.suggestion !== 'string')
    fail(`${field}.suggestion`, value.suggestion, 'a string or null')
}

function checkPerson(value: unknown, index: number): void {
  const field = `people[${index}]`
  if (!isRecord(value)) fail(field, value, 'an object')
  if (typeof value.name !== 'string' || value.name === '')
    fail(`${field}.name`, value.name, 'a non-empty string')
  if (value.role !== null && typeof value.role !== 'string')
    fail(`${field}.role`, value.role, 'a string or null')
}

/**
 * Throws a RangeError naming the first malformed field unless `value` has the shape of a
 * Source. It does not check the hash; that is `verifySourceIntegrity`'s job, because a
 * source with a stale hash is still a source, just not a trustworthy one.
 */
export function assertSource(value: unknown): asserts value is Source {
  if (!isRecord(value)) fail('value', value, 'an object')
  for (const key of ['id', 'addedBy', 'retrievedAt'] as const) {
    if (typeof value[key] !== 'string' || value[key] === '')
      fail(key, value[key], 'a non-empty string')
  }
  if (!SOURCE_KINDS.includes(value.kind as SourceKind)) {
    fail('kind', value.kind, SOURCE_KINDS.join(' | '))
  }
  for (const key of METADATA_FIELDS) {
    if (value[key] !== null && typeof value[key] !== 'string')
      fail(key, value[key], 'a string or null')
  }
  const { paragraphs } = value
  if (!Array.isArray(paragraphs)) fail('paragraphs', paragraphs, 'an array of strings')
  paragraphs.forEach((p, i) => {
    if (typeof p !== 'string') fail(`paragraphs[${i}]`, p, 'a string')
  })
  if (typeof value.contentHash !== 'string' || !CONTENT_HASH.test(value.contentHash)) {
    fail('contentHash', value.contentHash, 'sha256: followed by 64 lowercase hex digits')
  }
  if (!Array.isArray(value.quotes)) fail('quotes', value.quotes, 'an array')
  value.quotes.forEach(checkQuote)
  if (value.people !== undefined) {
    if (!Array.isArray(value.people)) fail('people', value.people, 'an array')
    value.people.forEach(checkPerson)
  }
}

/** Non-throwing form of `assertSource`, for reading values other peers wrote. */
export function isSource(value: unknown): value is Source {
  try {
    assertSource(value)
    return true
  } catch {
    return false
  }
}

/** What `createSource` needs besides the imported document. */
export interface NewSourceInfo {
  id: string
  addedBy: string
  /** ISO 8601; defaults to now. */
  retrievedAt?: string
  quotes?: ExtractedQuote[]
  people?: SourcePerson[]
}

/** Builds a Source from an importer's output, hashing its paragraphs. */
export function createSource(imported: ImportedDocument, info: NewSourceInfo): Source {
  const source: Source = {
    id: info.id,
    kind: imported.kind,
    title: imported.title,
    byline: imported.byline,
    publisher: imported.publisher,
    publishedAt: imported.publishedAt,
    url: imported.url,
    retrievedAt: info.retrievedAt ?? new Date().toISOString(),
    addedBy: info.addedBy,
    paragraphs: [...imported.paragraphs],
    contentHash: computeContentHash(imported.paragraphs),
    quotes: info.quotes ?? [],
  }
  if (info.people) source.people = info.people
  assertSource(source)
  return source
}
