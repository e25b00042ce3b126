/**
 * A sourceQuote block for export, with its verification verdict. Every quote is checked
 * against its source with the same `verifyQuote` the editor runs, at export time: a quote
 * whose words were changed by a raw Y.Doc edit, or whose source is gone or was altered,
 * is exported marked UNVERIFIED with the reason, never as if it were faithful. So is a quote
 * whose speaker nobody confirmed or a person changed from the source's (shared/quotes/status).
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { type QuoteStatus, quoteStatus, speakerProblem } from '../../../shared/quotes/status'
import type {
  QuoteDifference,
  QuoteToVerify,
  QuoteVerification,
} from '../../../shared/quotes/verify'
import type { Source } from '../../../shared/sources/types'
import type { QuoteBlock } from '../model'
import type { NoteTracker } from './noteTracker'

/** What the quote builder needs besides the node. */
export interface QuoteContext {
  notes: NoteTracker
  getSource(sourceId: string): Source | undefined
  verify(source: Source | undefined, quote: QuoteToVerify): QuoteVerification
}

export function quoteBlock(node: ProseMirrorNode, context: QuoteContext): QuoteBlock {
  const attrs = node.attrs as Record<string, unknown>
  const sourceId = typeof attrs.sourceId === 'string' ? attrs.sourceId : null
  const source = sourceId ? context.getSource(sourceId) : undefined
  const text = typeof attrs.text === 'string' ? attrs.text : ''
  const words = context.verify(source, {
    text,
    selector: (attrs.selector as QuoteToVerify['selector']) ?? null,
    position: (attrs.position as QuoteToVerify['position']) ?? null,
  })
  const verdict = quoteStatus(words, source, attrs)
  const paragraph = quotedParagraph(verdict, attrs.position)
  return {
    type: 'quote',
    quoteId: typeof attrs.quoteId === 'string' ? attrs.quoteId : '',
    text,
    speaker: nonBlank(attrs.speaker),
    role: nonBlank(attrs.speakerRole),
    sourceTitle: source?.title ?? null,
    note: context.notes.cite(sourceId, paragraph),
    paragraph,
    status: verdict.status,
    problem: verdict.status === 'verified' ? null : describeProblem(verdict),
  }
}

/** The paragraph the verifier anchored the quote to, else the one stored with it. */
function quotedParagraph(verdict: QuoteStatus, position: unknown): number | null {
  if (verdict.status !== 'source-missing' && verdict.anchor) return verdict.anchor.paragraph
  const stored = (position as { paragraph?: unknown } | null)?.paragraph
  return typeof stored === 'number' && Number.isSafeInteger(stored) && stored >= 1 ? stored : null
}

function nonBlank(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

const REASONS: Record<QuoteDifference['reason'], (segment: string) => string> = {
  'not-found': (s) => `the words “${s}” do not appear in the source`,
  'out-of-order': (s) => `“${s}” appears in the source, but in a different order`,
  'outside-anchor': (s) => `“${s}” appears elsewhere in the source, not in the quoted passage`,
  'mid-word': (s) => `“${s}” cuts a word of the source in two`,
  unanchored: () => 'the passage it was taken from can no longer be found in the source',
  empty: () => 'the quote contains no words from the source',
  malformed: () => 'the quote’s stored data is malformed',
}

const MAX_SEGMENT = 60

/** One sentence a reader understands, from the verifier's findings. */
export function describeProblem(verdict: Exclude<QuoteStatus, { status: 'verified' }>) {
  if (verdict.status === 'speaker-unconfirmed' || verdict.status === 'speaker-changed') {
    return speakerProblem(verdict) ?? ''
  }
  if (verdict.status === 'source-missing') {
    return 'its source is missing from the briefing, or the source text changed after it was added'
  }
  const [first, ...rest] = verdict.differences
  if (!first) return 'the quote does not match its source'
  const segment =
    first.segment.length > MAX_SEGMENT ? `${first.segment.slice(0, MAX_SEGMENT)}…` : first.segment
  const more =
    rest.length === 0 ? '' : ` (and ${rest.length} more difference${rest.length === 1 ? '' : 's'})`
  return REASONS[first.reason](segment) + more
}
