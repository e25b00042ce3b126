/**
 * The single entry point for adding a source: pasted text, an uploaded file or a URL in; the
 * imported document and its extracted quotations out. Everything format-specific is behind it.
 * Size checks and the URL fetch (I/O) happen here; the parsing (CPU) is handed to a
 * SourceParser, which the server points at its worker threads.
 */

import type { SourceKind } from '../../shared/sources/types'
import { SourceImportError } from './errors'
import { type FetchUrlOptions, fetchUrl } from './fetchUrl'
import { type ImportLimits, importLimits } from './limits'
import { type ImportResult, type ParseJob, parseSource, type SourceParser } from './parseSource'

export type { ImportResult } from './parseSource'

/** What to import. `kind` overrides kind detection. */
export type ImportInput =
  | { type: 'text'; text: string; kind?: SourceKind }
  | { type: 'file'; filename: string; bytes: Uint8Array; kind?: SourceKind }
  | { type: 'url'; url: string; kind?: SourceKind }
  /** An import request's JSON body, read by the parser (uploadBody.ts); byte limits apply. */
  | { type: 'upload'; body: Uint8Array }

/** Limits of an import, and where it is parsed. */
export interface ImportOptions {
  fetch?: FetchUrlOptions
  /** Largest pasted text or file accepted. Default 10 MiB. */
  maxBytes?: number
  /** Caps on what the parsers are asked to do (limits.ts); unset fields keep their defaults. */
  limits?: Partial<ImportLimits>
  /** Where parsing runs; default: in this thread. */
  parse?: SourceParser
  /** Aborts an import still waiting for a parser (the request that asked for it went away). */
  signal?: AbortSignal
}

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024

/** The file name a fetched resource is treated as, from its content type. */
function nameForContentType(contentType: string): string {
  if (contentType === 'application/pdf') return 'download.pdf'
  if (contentType.includes('wordprocessingml')) return 'download.docx'
  return contentType === 'text/plain' ? 'download.txt' : 'download.html'
}

/**
 * How messages about an upload name it before its body is read: the file name if the JSON
 * gives it near either end (where clients put it, beside the long base64), else "The upload".
 */
export function uploadName(body: Uint8Array): string {
  const ends = [body.subarray(0, 4096), body.subarray(Math.max(0, body.byteLength - 4096))]
  for (const end of ends) {
    const match = /"filename"\s*:\s*("(?:[^"\\]|\\.){1,255}")/.exec(
      Buffer.from(end).toString('utf8'),
    )
    if (!match?.[1]) continue
    try {
      return JSON.parse(match[1]) as string
    } catch {
      // A broken string: the thread will say what is wrong with the body.
    }
  }
  return 'The upload'
}

/** Checks the input's size and fetches a URL: what is left is a job for a parser. */
async function parseJob(input: ImportInput, options: ImportOptions): Promise<ParseJob> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const limits = importLimits(options.limits)
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
      return { type: 'text', text: input.text, kind: input.kind, what: 'The pasted text', limits }
    case 'file':
      if (input.bytes.length > maxBytes) {
        throw new SourceImportError(
          'too-large',
          `${input.filename} (${input.bytes.length} bytes) is over the ${maxBytes}-byte limit`,
        )
      }
      return { ...input, what: input.filename, limits }
    case 'upload':
      // The transport already capped the body at what base64 of `maxBytes` takes; the
      // decoded file and text are checked against `maxBytes` where the body is read.
      return { type: 'upload', body: input.body, maxBytes, what: uploadName(input.body), limits }
    case 'url': {
      const fetched = await fetchUrl(input.url, options.fetch)
      return {
        type: 'file',
        filename: nameForContentType(fetched.contentType),
        bytes: fetched.bytes,
        url: fetched.url,
        charset: fetched.charset,
        kind: input.kind,
        what: input.url,
        limits,
      }
    }
  }
}

/**
 * Imports a source and extracts its quotations. Throws SourceImportError or SourceFetchError,
 * or whatever the parser raises (ImportPoolError from the worker pool).
 */
export async function importSource(
  input: ImportInput,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const job = await parseJob(input, options)
  return (options.parse ?? parseSource)(job, options.signal)
}
