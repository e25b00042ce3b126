/**
 * The last step every importer shares: from raw paragraphs and the metadata found so far to an
 * ImportedDocument. Cuts at a press-release end mark, drops boilerplate (taking the publisher
 * from a copyright line on the way), drops a repeated title or byline at the top of the body,
 * and settles the kind.
 */

import type { ImportedDocument, SourceKind, SourceMetadata } from '../../shared/sources/types'
import { isBoilerplate, isEndMark, publisherFromCopyright } from './boilerplate'
import { findDate } from './dates'
import { bylineNames } from './header'
import { detectKind } from './kind'
import { normaliseParagraph } from './paragraphs'

/** Raw material for a document. */
export interface DocumentParts {
  paragraphs: readonly string[]
  metadata: SourceMetadata
  /** The kind the caller asked for, overriding detection. */
  kind?: SourceKind
  /** The kind to assume when nothing in the text says otherwise. */
  fallbackKind: SourceKind
  statement?: boolean
}

/** How many leading body paragraphs may repeat the title, byline or date. */
const LEADING_WINDOW = 3

function sameText(a: string, b: string | null): boolean {
  return (
    b !== null &&
    a.toLowerCase().replace(/\W+/g, ' ').trim() === b.toLowerCase().replace(/\W+/g, ' ').trim()
  )
}

/** A short paragraph that only restates the byline or the date. */
function isBylineOrDate(paragraph: string): boolean {
  if (paragraph.length > 160) return false
  if (/^by\s+\p{Lu}/iu.test(paragraph)) return true
  const date = findDate(paragraph)
  return (
    date !== null &&
    paragraph
      .replace(/[^\p{L}]+/gu, ' ')
      .trim()
      .split(' ').length <= 6
  )
}

/** Builds the document: clean body, metadata, kind. */
export function assembleDocument(parts: DocumentParts): ImportedDocument {
  const metadata = { ...parts.metadata }
  let statement = parts.statement ?? false
  const body: string[] = []
  for (const raw of parts.paragraphs) {
    const paragraph = normaliseParagraph(raw)
    if (paragraph === '') continue
    if (isEndMark(paragraph)) {
      statement = true
      break
    }
    if (isBoilerplate(paragraph)) {
      metadata.publisher ??= publisherFromCopyright(paragraph)
      continue
    }
    if (
      body.length < LEADING_WINDOW &&
      (sameText(paragraph, metadata.title) || isBylineOrDate(paragraph))
    ) {
      if (/^by\s/i.test(paragraph)) metadata.byline ??= bylineNames(paragraph)
      metadata.publishedAt ??= findDate(paragraph)?.iso ?? null
      continue
    }
    body.push(paragraph)
  }
  const kind =
    parts.kind ??
    detectKind({
      paragraphs: body,
      title: metadata.title,
      byline: metadata.byline,
      statement,
      fallback: parts.fallbackKind,
    })
  return { ...metadata, kind, paragraphs: body }
}
