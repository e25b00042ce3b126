/**
 * Plain text: pasted wire copy, transcripts, statements, and the text recovered from PDF and
 * DOCX files. The header lines become metadata; the rest is the body.
 */

import type { ImportedDocument, SourceKind, SourceMetadata } from '../../shared/sources/types'
import { assembleDocument } from './assemble'
import { readHeader } from './header'
import { blockParagraphs, textBlocks } from './paragraphs'

/** Options for importing text. */
export interface TextImportOptions {
  kind?: SourceKind
  /** Metadata the container already knows (a PDF's info dictionary, the URL fetched). */
  known?: Partial<SourceMetadata>
  /** The kind to assume when the text does not say. */
  fallbackKind?: SourceKind
}

/** Imports plain text. */
export function importText(text: string, options: TextImportOptions = {}): ImportedDocument {
  const blocks = textBlocks(text)
  const header = readHeader(blocks.flat())
  // The header used whole lines from the top; what remains of its last block is body.
  let skip = header.linesUsed
  const bodyBlocks: string[][] = []
  for (const block of blocks) {
    const used = Math.min(skip, block.length)
    skip -= used
    if (used < block.length) bodyBlocks.push(block.slice(used))
  }
  const paragraphs = [...header.leftover, ...bodyBlocks.flatMap(blockParagraphs)]
  const known = options.known ?? {}
  return assembleDocument({
    paragraphs,
    metadata: {
      title: header.title ?? known.title ?? null,
      byline: header.byline ?? known.byline ?? null,
      publisher: header.publisher ?? known.publisher ?? null,
      publishedAt: header.publishedAt ?? known.publishedAt ?? null,
      url: known.url ?? null,
    },
    kind: options.kind,
    fallbackKind: options.fallbackKind ?? 'document',
    statement: header.statement,
  })
}
