/**
 * What a quote block says about its verification: the tone, the status line, and one
 * sentence per difference. A misquote is the worst error a briefing can carry, so an altered
 * quote spells out each departure from the source in plain words.
 */
import { isWordChar } from '../../../../shared/quotes/normalize'
import type { QuoteStatus, SpeakerCheck } from '../../../../shared/quotes/status'
import type { QuoteDifference, QuoteVerification } from '../../../../shared/quotes/verify'
import { type Source, sourceBody } from '../../../../shared/sources'
import { type WordChange, wordChange } from './wordChange'

/** One difference: a sentence saying it, and the changed words where there are some. */
export interface DifferenceView {
  sentence: string
  change: WordChange | null
}

/** The block's status, ready to render. */
export type VerificationView =
  | { tone: 'verified'; label: string; detail?: string }
  | { tone: 'unconfirmed'; label: string; detail: string; probable: string | null }
  | {
      tone: 'changed'
      label: string
      detail: string
      /** The source's speaker, to put back. */
      importer: { speaker: string; speakerRole: string | null }
      /** Whether a person made (or confirmed) the change. */
      checked: boolean
    }
  | { tone: 'altered'; label: string; differences: DifferenceView[] }
  | { tone: 'missing'; label: string; detail: string }

const quoted = (text: string) => `\u201C${text}\u201D`

/**
 * The source's wording where a quote departs from it, widened to whole words: verification
 * reports as many characters as the quote has, which can stop mid-word ("hospita").
 */
export function sourceWording(body: string, sourceText: string, near: number): string {
  let start = body.indexOf(sourceText, Math.max(0, near - sourceText.length))
  if (start === -1) start = body.indexOf(sourceText)
  if (start === -1) return sourceText
  let end = start + sourceText.length
  while (end < body.length && isWordChar(body[end - 1]) && isWordChar(body[end])) end++
  return body.slice(start, end)
}

/**
 * One sentence for one difference between a quote and its source. `wording` turns the
 * source text verification reports into what is shown (see `sourceWording`).
 */
export function describeDifference(
  difference: QuoteDifference,
  wording: (sourceText: string) => string = (text) => text,
): string {
  const segment = quoted(difference.segment)
  switch (difference.reason) {
    case 'not-found':
      return difference.sourceText
        ? `${segment} is not in the source, which says ${quoted(wording(difference.sourceText))}.`
        : `${segment} is not in the source.`
    case 'out-of-order':
      return `${segment} is in the source, but not in this order.`
    case 'outside-anchor':
      return `${segment} comes from another part of the source, not the quoted passage.`
    case 'mid-word':
      return `${segment} cuts a word of the source in half.`
    case 'unanchored':
      return 'The quoted passage can no longer be found in the source.'
    case 'empty':
      return 'The quote has no quoted words left.'
    case 'malformed':
      return 'The quote block’s stored data is damaged.'
  }
}

/** "Ada Lovelace on 7 Dec 2026", or just the name when the time is unknown. */
export function checkedByLine(check: SpeakerCheck): string {
  const at = check.at ? new Date(check.at) : null
  if (!at || Number.isNaN(at.getTime())) return check.by
  const day = at.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })
  return `${check.by} on ${day}`
}

/**
 * The view of `result` for a quote of `source` (undefined when the briefing does not have
 * it, which tells a source that never arrived from one whose text fails its fingerprint).
 * A words-only verification (no speaker status) reads as verified words.
 */
export function verificationView(
  result: QuoteStatus | QuoteVerification,
  source: Source | undefined,
): VerificationView {
  switch (result.status) {
    case 'verified': {
      const label = `Verified against source, para. ${result.anchor.paragraph}`
      const check = 'checked' in result ? result.checked : null
      return check
        ? { tone: 'verified', label, detail: `Speaker confirmed by ${checkedByLine(check)}` }
        : { tone: 'verified', label }
    }
    case 'speaker-unconfirmed':
      return {
        tone: 'unconfirmed',
        label: 'Speaker unconfirmed',
        detail: result.probable
          ? `The words match the source, para. ${result.anchor.paragraph}, but it does not say for certain who said them: probably ${result.probable}.`
          : `The words match the source, para. ${result.anchor.paragraph}, but it does not say who said them.`,
        probable: result.probable,
      }
    case 'speaker-changed':
      return {
        tone: 'changed',
        label: `Speaker changed from ${result.from}`,
        detail: result.checked
          ? `Changed by ${checkedByLine(result.checked)}. The words match the source, para. ${result.anchor.paragraph}.`
          : `The source attributes these words to ${result.from}; nobody recorded who changed it.`,
        importer: result.importer,
        checked: result.checked !== null,
      }
    case 'altered': {
      const body = source ? sourceBody(source.paragraphs) : ''
      const near = result.anchor?.start ?? 0
      return {
        tone: 'altered',
        label: 'ALTERED \u2014 does not match the source',
        differences: result.differences.map((difference) => {
          const wording = (text: string) => sourceWording(body, text, near)
          return {
            sentence: describeDifference(difference, wording),
            change: difference.sourceText
              ? wordChange(difference.segment, wording(difference.sourceText))
              : null,
          }
        }),
      }
    }
    case 'source-missing':
      return {
        tone: 'missing',
        label: 'Source missing \u2014 this quote cannot be checked',
        detail: source
          ? 'The source’s text no longer matches the fingerprint taken when it was added, so it cannot be trusted.'
          : 'The source this quote came from is not in this briefing. Add it again to check the quote.',
      }
  }
}
