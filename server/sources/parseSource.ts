/**
 * The parsing half of an import: bytes or text in, the document and its quotations out. It
 * is all CPU and no I/O, which is why the server runs it in a worker thread
 * (worker/importPool.ts); the CLI and the evaluation run it in-process. Every cap of
 * limits.ts is checked here before the parser that it protects runs.
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
import { detectFileType } from './fileType'
import { importHtml } from './html/htmlImporter'
import { checkHtmlShape } from './htmlShape'
import type { ImportLimits } from './limits'
import { importPdf } from './pdfImporter'
import { importText } from './textImporter'
import { readUploadBody, UploadBodyError } from './uploadBody'

/** One thing to parse, already within the byte limits, with the caps it is held to. */
export type ParseJob = (
  | { type: 'text'; text: string }
  /** An import request's JSON body, too large to read on the event loop (uploadBody.ts). */
  | { type: 'upload'; body: Uint8Array; maxBytes: number }
  | {
      type: 'file'
      filename: string
      bytes: Uint8Array
      /** Where a fetched file came from, and the charset its response declared. */
      url?: string | null
      charset?: string | null
    }
) & {
  kind?: SourceKind
  /** How messages name the input: a file name, a URL or "The pasted text". */
  what: string
  limits: ImportLimits
}

/** An imported document with the quotations found in it. */
export interface ImportResult extends ImportedDocument {
  quotes: ExtractedQuote[]
  /** Titles and terms in quotation marks that are not offered as quotations. */
  terms: ExtractedTerm[]
  /** The people the text names: the list a speaker is confirmed or corrected from. */
  people: SourcePerson[]
  /** For an `upload` job: what its body held (the source records how it was added). */
  uploaded?: 'text' | 'file'
}

/** Runs a ParseJob somewhere: in this thread (parseSource) or in a worker (ImportPool). */
export type SourceParser = (job: ParseJob, signal?: AbortSignal) => Promise<ImportResult>

async function importFile(job: Extract<ParseJob, { type: 'file' }>): Promise<ImportedDocument> {
  const { bytes, filename, kind, limits } = job
  const url = job.url ?? null
  switch (await detectFileType(filename, bytes)) {
    case 'pdf':
      return importPdf(bytes, filename, { kind, url, limits })
    case 'docx':
      return importDocx(bytes, filename, { kind, url, limits })
    case 'html': {
      const html = decodeText(bytes, filename, { charset: job.charset, html: true })
      checkHtmlShape(html, job.what, limits)
      return importHtml(html, { pageUrl: url, kind })
    }
    case 'text':
      return importText(decodeText(bytes, filename, { charset: job.charset }), {
        kind,
        known: { url },
      })
  }
}

/** Parses `job` in this thread. Throws SourceImportError, or UploadBodyError for an upload. */
export async function parseSource(job: ParseJob): Promise<ImportResult> {
  if (job.type === 'upload') return parseUpload(job)
  const document =
    job.type === 'text' ? importText(job.text, { kind: job.kind }) : await importFile(job)
  if (document.paragraphs.length === 0) {
    throw new SourceImportError('empty', `${job.what} has no readable text`)
  }
  const { quotes, terms, people } = extractQuotations({
    paragraphs: document.paragraphs,
    kind: document.kind,
    context: document.title ? [document.title] : [],
  })
  return { ...document, quotes, terms, people }
}

/** Reads an upload's body, then parses the text or file it holds like any other. */
async function parseUpload(job: Extract<ParseJob, { type: 'upload' }>): Promise<ImportResult> {
  const input = readUploadBody(job.body, job.maxBytes)
  if (input.type === 'url') {
    // Only padding makes a URL import's body this large; its address is at most 4 KiB.
    throw new UploadBodyError(
      400,
      'invalid_input',
      'body field "url": body too large for a URL import',
      'url',
    )
  }
  if (input.type === 'text' && input.text.length > job.maxBytes) {
    throw new SourceImportError(
      'too-large',
      `Pasted text of ${input.text.length} characters is over the ${job.maxBytes} limit`,
    )
  }
  const { limits } = job
  const parsed: ParseJob =
    input.type === 'text'
      ? { type: 'text', text: input.text, kind: input.kind, what: 'The pasted text', limits }
      : {
          type: 'file',
          filename: input.filename,
          bytes: input.bytes,
          kind: input.kind,
          what: input.filename,
          limits,
        }
  return { ...(await parseSource(parsed)), uploaded: input.type }
}
