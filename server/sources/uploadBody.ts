/**
 * The JSON body of a source import, read: pasted text, a URL, or a file sent base64. A large
 * body (a file, a long paste) is read in an import thread rather than on the event loop: the
 * JSON parse and base64 decode of a 7 MiB upload held every editing session for ~30 ms, and a
 * hostile user can send one after another (issue 16; BENCHMARKS.md, "Hostile imports").
 */
import type { ErrorCode } from '../../shared/api/errors'
import { importSourceRequest } from '../../shared/api/sources'
import type { SourceKind } from '../../shared/sources/types'
import { describeIssue } from '../http/zodIssue'

/** What an import body asks for, decoded. */
export type UploadedInput =
  | { type: 'text'; text: string; kind?: SourceKind }
  | { type: 'url'; url: string; kind?: SourceKind }
  | { type: 'file'; filename: string; bytes: Uint8Array; kind?: SourceKind }

/** A body that is not a valid import request: the HTTP status, code and field to answer with. */
export class UploadBodyError extends Error {
  override readonly name = 'UploadBodyError'

  constructor(
    readonly status: 400 | 413,
    readonly code: ErrorCode,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message)
  }
}

/** Reads an import request body (UTF-8 JSON). Throws UploadBodyError. */
export function readUploadBody(body: Uint8Array, maxFileBytes: number): UploadedInput {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'))
  } catch {
    // The same answer the API's JSON parser gives every other route.
    throw new UploadBodyError(400, 'bad_request', 'request body is not valid JSON')
  }
  const parsed = importSourceRequest.safeParse(value ?? {})
  if (!parsed.success) {
    const { field, message } = describeIssue(parsed.error, 'body')
    throw new UploadBodyError(400, 'invalid_input', message, field)
  }
  const request = parsed.data
  if (request.type !== 'file') return request
  const { contentBase64, ...file } = request
  return { ...file, bytes: decodeBase64(contentBase64, maxFileBytes) }
}

function decodeBase64(value: string, maxFileBytes: number): Uint8Array {
  const bytes = Buffer.from(value, 'base64')
  // Node skips characters that are not base64, so a decode as long as the text promises had
  // none. Only a shorter one (whitespace, or garbage) needs the full check: a 15 MiB file's
  // regex pass costs ~40 ms.
  if (
    bytes.byteLength !== Buffer.byteLength(value, 'base64') &&
    !/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(value)
  ) {
    throw new UploadBodyError(
      400,
      'invalid_input',
      'body field "contentBase64": must be base64',
      'contentBase64',
    )
  }
  if (bytes.byteLength > maxFileBytes) {
    throw new UploadBodyError(
      413,
      'too_large',
      `file is over the ${maxFileBytes / 1024 / 1024} MiB limit`,
    )
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
