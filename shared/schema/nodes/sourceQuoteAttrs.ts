/**
 * The attributes of a sourceQuote block and their validation. Everything a quote block
 * knows lives in these attributes (the quoted words are an attribute, not editable text),
 * and each one is checked where it enters: by commands, and by the schema's `check()`,
 * which the server runs on documents peers send.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../../quotes/selectors'
import type { QuoteKind } from '../../sources/types'

/** The node's name in the schema and in the Y.Doc. */
export const SOURCE_QUOTE = 'sourceQuote'

/** A quote block's attributes. */
export interface SourceQuoteAttrs {
  /** Unique within the document; comments and verification results refer to it. */
  quoteId: string
  sourceId: string
  /** The quote as shown, possibly with `…` elisions and `[bracketed]` clarifications. */
  text: string
  /** The original region in the source, with context; re-anchors first. */
  selector: TextQuoteSelector
  /** The same region by body offsets; the fallback anchor. */
  position: TextPositionSelector
  speaker: string | null
  speakerRole: string | null
  /**
   * The speaker the importer gave the passage when the block was made (named, or only
   * suggested), kept as a record of what a person later confirmed or changed. The status
   * itself reads the source's attribution (shared/quotes/status).
   */
  attributedSpeaker: string | null
  /** Who (user name) confirmed or set the speaker and role; null while nobody has. */
  speakerCheckedBy: string | null
  /** ISO 8601 time of that confirmation or change; null while nobody has. */
  speakerCheckedAt: string | null
  kind: QuoteKind
  /** User id (or name where there are no accounts) of who inserted it. */
  insertedBy: string
  /** ISO 8601. */
  insertedAt: string
}

/** Attributes a block may be created without: generated, or null (nobody said, nobody checked). */
type OptionalAttr =
  | 'quoteId'
  | 'insertedAt'
  | 'speaker'
  | 'speakerRole'
  | 'attributedSpeaker'
  | 'speakerCheckedBy'
  | 'speakerCheckedAt'

/** What `insertSourceQuote` needs; the id and time are generated when absent. */
export type SourceQuoteInput = Omit<SourceQuoteAttrs, OptionalAttr> &
  Partial<Pick<SourceQuoteAttrs, OptionalAttr>>

/** The speaker part of a quote block, as the speaker form and the status read it. */
export type QuoteSpeakerAttrs = Pick<
  SourceQuoteAttrs,
  'speaker' | 'speakerRole' | 'attributedSpeaker' | 'speakerCheckedBy' | 'speakerCheckedAt'
>

/** Size limits, so a single block cannot carry a whole article or an oversized id. */
export const SOURCE_QUOTE_LIMITS = {
  maxTextLength: 10_000,
  maxContextLength: 256,
  maxIdLength: 200,
  maxNameLength: 500,
} as const

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/
// biome-ignore lint/suspicious/noControlCharactersInRegex: ids must not hold control characters
const CONTROL = /[\u0000-\u001f\u007f]/

function fail(name: string, value: unknown, expected: string): never {
  const shown = JSON.stringify(value)
  throw new RangeError(
    `Invalid sourceQuote attribute ${name}: ${shown === undefined ? String(value) : shown.slice(0, 80)} (expected ${expected})`,
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function checkId(name: string, value: unknown): void {
  if (typeof value !== 'string' || value === '' || value.length > SOURCE_QUOTE_LIMITS.maxIdLength) {
    fail(name, value, `a non-empty string of at most ${SOURCE_QUOTE_LIMITS.maxIdLength} characters`)
  }
  if (CONTROL.test(value)) fail(name, value, 'no control characters')
}

function checkName(name: string, value: unknown): void {
  if (value === null) return
  if (typeof value !== 'string' || value.length > SOURCE_QUOTE_LIMITS.maxNameLength) {
    fail(name, value, `null or a string of at most ${SOURCE_QUOTE_LIMITS.maxNameLength} characters`)
  }
}

function checkTime(name: string, value: unknown, nullable: boolean): void {
  if (nullable && value === null) return
  if (typeof value !== 'string' || !ISO_8601.test(value) || Number.isNaN(Date.parse(value))) {
    fail(name, value, nullable ? 'null or an ISO 8601 date-time' : 'an ISO 8601 date-time')
  }
}

function checkText(value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '') fail('text', value, 'a non-empty string')
  if (value.length > SOURCE_QUOTE_LIMITS.maxTextLength) {
    fail('text', value, `at most ${SOURCE_QUOTE_LIMITS.maxTextLength} characters`)
  }
}

function checkSelector(value: unknown): void {
  if (!isRecord(value)) fail('selector', value, 'an object {exact, prefix, suffix}')
  const { exact, prefix, suffix } = value
  if (typeof exact !== 'string' || exact.trim() === '')
    fail('selector.exact', exact, 'a non-empty string')
  if (exact.length > SOURCE_QUOTE_LIMITS.maxTextLength) {
    fail('selector.exact', exact, `at most ${SOURCE_QUOTE_LIMITS.maxTextLength} characters`)
  }
  for (const [key, context] of [
    ['prefix', prefix],
    ['suffix', suffix],
  ] as const) {
    if (typeof context !== 'string' || context.length > SOURCE_QUOTE_LIMITS.maxContextLength) {
      fail(
        `selector.${key}`,
        context,
        `a string of at most ${SOURCE_QUOTE_LIMITS.maxContextLength} characters`,
      )
    }
  }
}

function checkPosition(value: unknown): void {
  if (!isRecord(value)) fail('position', value, 'an object {start, end, paragraph}')
  const { start, end, paragraph } = value
  if (!Number.isSafeInteger(start) || (start as number) < 0)
    fail('position.start', start, 'an integer >= 0')
  if (!Number.isSafeInteger(end) || (end as number) <= (start as number)) {
    fail('position.end', end, `an integer greater than start (${start})`)
  }
  if (!Number.isSafeInteger(paragraph) || (paragraph as number) < 1) {
    fail('position.paragraph', paragraph, 'an integer >= 1')
  }
}

/** One validator per attribute, used by the schema (`validate`) and by the whole-object check. */
export const sourceQuoteAttrValidators: {
  readonly [K in keyof SourceQuoteAttrs]: (value: unknown) => void
} = {
  quoteId: (v) => checkId('quoteId', v),
  sourceId: (v) => checkId('sourceId', v),
  text: checkText,
  selector: checkSelector,
  position: checkPosition,
  speaker: (v) => checkName('speaker', v),
  speakerRole: (v) => checkName('speakerRole', v),
  attributedSpeaker: (v) => checkName('attributedSpeaker', v),
  speakerCheckedBy: (v) => {
    if (v !== null) checkId('speakerCheckedBy', v)
  },
  speakerCheckedAt: (v) => checkTime('speakerCheckedAt', v, true),
  kind: (v) => {
    if (v !== 'full' && v !== 'partial') fail('kind', v, "'full' or 'partial'")
  },
  insertedBy: (v) => {
    checkId('insertedBy', v)
  },
  insertedAt: (v) => checkTime('insertedAt', v, false),
}

const ATTR_NAMES = Object.keys(sourceQuoteAttrValidators) as (keyof SourceQuoteAttrs)[]

/**
 * Returns `attrs` as SourceQuoteAttrs, or throws a RangeError naming the first bad value
 * (including unknown attribute names, which would otherwise be dropped silently).
 */
export function validateSourceQuoteAttrs(attrs: unknown): SourceQuoteAttrs {
  if (!isRecord(attrs)) fail('attrs', attrs, 'an object')
  for (const key of Object.keys(attrs)) {
    if (!(ATTR_NAMES as string[]).includes(key)) fail(key, attrs[key], 'no such attribute')
  }
  for (const key of ATTR_NAMES) sourceQuoteAttrValidators[key](attrs[key])
  return attrs as unknown as SourceQuoteAttrs
}

/** The attribution line for a quote: "Speaker, Role", "Speaker", or '' when unattributed. */
export function quoteAttribution(attrs: Pick<SourceQuoteAttrs, 'speaker' | 'speakerRole'>): string {
  return [attrs.speaker, attrs.speakerRole].filter((part) => part?.trim()).join(', ')
}
