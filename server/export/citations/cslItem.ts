/**
 * A source as a CSL-JSON item, the input citation-js formats with a CSL style. Built from
 * the stored Source fields only, so a note says exactly what the briefing knows.
 */
import type { Source, SourceKind } from '../../../shared/sources/types'

/** The subset of CSL-JSON this exporter writes. */
export interface CslItem {
  id: string
  type: string
  title?: string
  author?: { literal: string }[]
  'container-title'?: string
  publisher?: string
  issued?: { 'date-parts': number[][] }
  accessed?: { 'date-parts': number[][] }
  URL?: string
  language?: string
}

/**
 * CSL item types by source kind; articles without a publisher are plain web pages. A
 * statement is a `document` rather than a `speech` because styles print a document's
 * publisher (the issuing body), which is what identifies a statement.
 */
const TYPES: Record<SourceKind, string> = {
  article: 'article-newspaper',
  transcript: 'speech',
  statement: 'document',
  document: 'document',
}

// Title case is an English convention: a title with letters of another script is in some
// other language, and CSL styles leave titles alone when the item's language is not English.
const NON_LATIN_LETTER = /[^\p{Script=Latin}\P{L}]/u

/** Converts `source` to CSL-JSON. */
export function toCslItem(source: Source): CslItem {
  const type = source.kind === 'article' && !source.publisher ? 'webpage' : TYPES[source.kind]
  const item: CslItem = { id: source.id, type }
  if (source.title) item.title = source.title
  const authors = bylineAuthors(source.byline)
  if (authors.length > 0) item.author = authors.map((literal) => ({ literal }))
  if (source.publisher) {
    if (type === 'article-newspaper' || type === 'webpage')
      item['container-title'] = source.publisher
    else item.publisher = source.publisher
  }
  const issued = dateParts(source.publishedAt)
  if (issued) item.issued = { 'date-parts': [issued] }
  const accessed = dateParts(source.retrievedAt)
  if (accessed) item.accessed = { 'date-parts': [accessed] }
  if (source.url) item.URL = source.url
  if (source.title && NON_LATIN_LETTER.test(source.title)) item.language = 'und'
  return item
}

/**
 * Authors named in a byline ("By Jo Smith and Ana Lima"). Names are kept whole (CSL
 * `literal`): splitting them into given and family names would guess wrong for
 * organisations and for many naming conventions.
 */
export function bylineAuthors(byline: string | null): string[] {
  if (!byline) return []
  const names = byline
    .replace(/^\s*by\s+/i, '')
    .split(/\s*(?:,|;|&|\band\b)\s*/i)
    .map((name) => name.trim())
    .filter((name) => name !== '')
  return names
}

/** [year, month, day] (or fewer parts) from an ISO 8601 date or date-time; null if none. */
export function dateParts(iso: string | null): number[] | null {
  if (!iso) return null
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso)
  if (!match) return null
  return match
    .slice(1)
    .filter((part): part is string => part !== undefined)
    .map(Number)
}
