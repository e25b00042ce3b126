/**
 * A quote block's status: whether a reader can trust it. The words must match the source
 * (./verify), and the speaker must be one the source itself confirms or a person checked.
 * One module for the editor, the verification API and export, so all three say the same:
 *
 * - `verified`: the words match, and the speaker is the one the importer attributed with
 *   confidence, or a person confirmed it.
 * - `speaker-unconfirmed`: the words match, but nothing confirms the speaker: the importer
 *   was not confident (or found nobody) and no person has confirmed one.
 * - `speaker-changed`: the words match, but the block names someone other than the
 *   importer's speaker (or gives them another role). A person may well be right, but a
 *   reader should see that the attribution is an editor's, not the source's.
 * - `altered`: the words differ from the source; `source-missing`: nothing to check against.
 *
 * Attributes written before speakers were checked are absent (null), so an old block gets
 * the status its speaker earns against the source: verified when it is the importer's
 * confident speaker, otherwise unconfirmed or changed.
 */
import { type PassageAttribution, passageAttribution, sameName } from '../sources/attribution'
import type { Source } from '../sources/types'
import type { QuoteAnchor } from './selectors'
import type { QuoteDifference, QuoteVerification } from './verify'

/** Every status, best first; the order export and the API use to rank two verdicts. */
export const QUOTE_STATUSES = [
  'verified',
  'speaker-unconfirmed',
  'speaker-changed',
  'source-missing',
  'altered',
] as const

export type QuoteStatusName = (typeof QUOTE_STATUSES)[number]

/** Who checked a speaker, and when; absent on blocks nobody checked. */
export interface SpeakerCheck {
  by: string
  /** ISO 8601, or null when a raw edit recorded who but not when. */
  at: string | null
}

/** A quote block's status with what each needs to be explained. */
export type QuoteStatus =
  | { status: 'verified'; anchor: QuoteAnchor; checked: SpeakerCheck | null }
  | {
      status: 'speaker-unconfirmed'
      anchor: QuoteAnchor
      /** Who the importer thinks said it, when it suggests anyone. */
      probable: string | null
    }
  | {
      status: 'speaker-changed'
      anchor: QuoteAnchor
      /** The importer's "Speaker, Role", or just its speaker. */
      from: string
      /** The same as fields, for putting the source's speaker back. */
      importer: { speaker: string; speakerRole: string | null }
      checked: SpeakerCheck | null
    }
  | { status: 'altered'; differences: QuoteDifference[]; anchor?: QuoteAnchor }
  | { status: 'source-missing' }

/** The speaker attributes the status reads; absent ones count as null (older blocks). */
export interface SpeakerFields {
  speaker?: unknown
  speakerRole?: unknown
  attributedSpeaker?: unknown
  speakerCheckedBy?: unknown
  speakerCheckedAt?: unknown
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null

/** Who checked the block's speaker, from its attributes. */
export function speakerCheckOf(block: SpeakerFields): SpeakerCheck | null {
  const by = text(block.speakerCheckedBy)
  return by ? { by, at: text(block.speakerCheckedAt) } : null
}

/**
 * The status of a block whose words got `verification` against `source`. The importer's
 * attribution is read from the source, for the passage the words anchored to.
 */
export function quoteStatus(
  verification: QuoteVerification,
  source: Pick<Source, 'quotes'> | null | undefined,
  block: SpeakerFields,
): QuoteStatus {
  if (verification.status !== 'verified') return verification
  const { anchor } = verification
  const importer = source ? passageAttribution(source, anchor.start, anchor.end) : null
  return speakerStatus(anchor, importer, block)
}

/** The speaker half of the status, for words that verified at `anchor`. */
export function speakerStatus(
  anchor: QuoteAnchor,
  importer: PassageAttribution | null,
  block: SpeakerFields,
): QuoteStatus {
  const speaker = text(block.speaker)
  const role = text(block.speakerRole)
  const checked = speakerCheckOf(block)
  // Without a passage the importer took for a quotation, the block's own record of what the
  // importer proposed is the only thing to compare with (it never confirms anything).
  const expected = importer?.speaker ?? (importer ? null : text(block.attributedSpeaker))
  if (expected !== null) {
    const expectedRole = importer?.speakerRole ? text(importer.speakerRole) : null
    const otherRole = role !== null && expectedRole !== null && !sameName(role, expectedRole)
    // Leaving out a speaker the importer only suggested changes nothing: it is still open.
    const leftOpen = speaker === null && !checked && !importer?.confirmed
    if ((!sameName(speaker, expected) || otherRole) && !leftOpen) {
      const from = expectedRole ? `${expected}, ${expectedRole}` : expected
      const original = { speaker: expected, speakerRole: expectedRole }
      return { status: 'speaker-changed', anchor, from, importer: original, checked }
    }
  }
  if (checked) return { status: 'verified', anchor, checked }
  if (speaker !== null && importer?.confirmed) return { status: 'verified', anchor, checked: null }
  return { status: 'speaker-unconfirmed', anchor, probable: expected }
}

/** Whether a status lets the quote be printed without a warning. */
export function isTrusted(status: QuoteStatus): boolean {
  return status.status === 'verified'
}

/** A status in a few words for a reader of an exported briefing, or null when verified. */
export function speakerProblem(status: QuoteStatus): string | null {
  switch (status.status) {
    case 'speaker-unconfirmed':
      return status.probable
        ? `speaker unconfirmed: the source does not say for certain who said this (probably ${status.probable})`
        : 'speaker unconfirmed: the source does not say who said this'
    case 'speaker-changed': {
      const who = status.checked ? ` by ${status.checked.by}${onDay(status.checked.at)}` : ''
      return `speaker changed from ${status.from}${who}`
    }
    default:
      return null
  }
}

function onDay(at: string | null): string {
  return at ? ` on ${at.slice(0, 10)}` : ''
}
