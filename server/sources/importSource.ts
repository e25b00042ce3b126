/**
 * The single entry point for adding a source: pasted text, an uploaded file or a URL in; the
 * imported document and its extracted quotations out. Everything format-specific is behind it.
 */

import { extractQuotations } from '../../shared/quotes/extract'
import type {
  ExtractedQuote,
  ExtractedTerm,
  ImportedDocument,
  SourceKind,
  SourcePerson,
} from '../../shared/sources/types'
import { decodeText } from './decodeText'
import { importDocx } from './docxImporter'
import { SourceImportError } from './errors'
import { type FetchUrlOptions, fetchUrl } from './fetchUrl'
import { detectFileType } from './fileType'
import { importHtml } from './html/htmlImporter'
import { importPdf } from './pdfImporter'
import { importText } from './textImporter'

/** What to import. `kind` overrides kind detection. */
export type ImportInput =
  | { type: 'text'; text: string; kind?: SourceKind }
  | { type: 'file'; filename: string; bytes: Uint8Array; kind?: SourceKind }
  | { type: 'url'; url: string; kind?: SourceKind }

/** Limits of an import. */
export interface ImportOptions {
  fetch?: FetchUrlOptions
  /** Largest pasted text or file accepted. Default 10 MiB. */
  maxBytes?: number
}

/** An imported document with the quotations found in it. */
export interface ImportResult extends ImportedDocument {
  quotes: ExtractedQuote[]
  /** Titles and terms in quotation marks that are not offered as quotations. */
  terms: ExtractedTerm[]
  /** The people the text names: the list a speaker is confirmed or corrected from. */
  people: SourcePerson[]
}

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024

async function importBytes(
  bytes: Uint8Array,
  filename: string,
  options: { kind?: SourceKind; url?: string | null; charset?: string | null },
): Promise<ImportedDocument> {
  const type = await detectFileType(filename, bytes)
  switch (type) {
    case 'pdf':
      return importPdf(bytes, filename, options)
    case 'docx':
      return importDocx(bytes, filename, options)
    case 'html':
      return importHtml(decodeText(bytes, filename, { charset: options.charset, html: true }), {
        pageUrl: options.url ?? null,
        kind: options.kind,
      })
    case 'text':
      return importText(decodeText(bytes, filename, { charset: options.charset }), {
        kind: options.kind,
        known: { url: options.url ?? null },
      })
  }
}

/** The file name a fetched resource is treated as, from its content type. */
function nameForContentType(contentType: string): string {
  if (contentType === 'application/pdf') return 'download.pdf'
  if (contentType.includes('wordprocessingml')) return 'download.docx'
  return contentType === 'text/plain' ? 'download.txt' : 'download.html'
}

async function importDocument(
  input: ImportInput,
  options: ImportOptions,
): Promise<ImportedDocument> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  switch (input.type) {
    case 'text':
      if (typeof input.text !== 'string')
        throw new SourceImportError('empty', 'Pasted text is missing')
      if (input.text.length > maxBytes) {
        throw new SourceImportError(
          'too-large',
          `Pasted text of ${input.text.length} characters is over the ${maxBytes} limit`,
        )
      }
      return importText(input.text, { kind: input.kind })
    case 'file':
      if (input.bytes.length > maxBytes) {
        throw new SourceImportError(
          'too-large',
          `${input.filename} (${input.bytes.length} bytes) is over the ${maxBytes}-byte limit`,
        )
      }
      return importBytes(input.bytes, input.filename, { kind: input.kind })
    case 'url': {
      const fetched = await fetchUrl(input.url, options.fetch)
      return importBytes(fetched.bytes, nameForContentType(fetched.contentType), {
        kind: input.kind,
        url: fetched.url,
        charset: fetched.charset,
      })
    }
  }
}

/** Imports a source and extracts its quotations. Throws SourceImportError or SourceFetchError. */
export async function importSource(
  input: ImportInput,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const document = await importDocument(input, options)
  if (document.paragraphs.length === 0) {
    const what =
      input.type === 'file' ? input.filename : input.type === 'url' ? input.url : 'The pasted text'
    throw new SourceImportError('empty', `${what} has no readable text`)
  }
  const { quotes, terms, people } = extractQuotations({
    paragraphs: document.paragraphs,
    kind: document.kind,
    context: document.title ? [document.title] : [],
  })
  return { ...document, quotes, terms, people }
}
