/**
 * What kind of source a document is. A transcript is recognised by its speaker labels whatever
 * the container; a statement by its header or end mark; an article by a byline or a dateline.
 */

import { looksLikeTranscript } from '../../shared/quotes/extract'
import type { SourceKind } from '../../shared/sources/types'

/** What the importer noticed that bears on the kind. */
export interface KindSignals {
  paragraphs: readonly string[]
  title: string | null
  byline: string | null
  /** A release label or end mark was seen. */
  statement: boolean
  /** The container says what it usually holds (a web page usually holds an article). */
  fallback: SourceKind
}

const DATELINE = /^[\p{Lu}][\p{Lu} .,'’-]{1,40}(?:\([^)]*\))?\s+[—–-]\s/u
const STATEMENT_TITLE =
  /^(?:joint\s+|press\s+)?statement\b|\bstatement (?:by|from|on)\b|^press release\b|^readout\b|^remarks (?:by|of)\b/i

/** The kind of a document, from the signals its importer gathered. */
export function detectKind(signals: KindSignals): SourceKind {
  if (looksLikeTranscript(signals.paragraphs)) return 'transcript'
  if (signals.statement || (signals.title && STATEMENT_TITLE.test(signals.title)))
    return 'statement'
  if (signals.byline || DATELINE.test(signals.paragraphs[0] ?? '')) return 'article'
  return signals.fallback
}
