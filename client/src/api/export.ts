/**
 * The export API: `GET /api/briefings/:id/export?format=...` answers the briefing as a file
 * (an attachment named after the title) with two headers the user must hear about:
 * `X-Unverified-Quotes: N`, the quotes printed marked UNVERIFIED, and `X-Export-Warnings`, an
 * ASCII JSON array of what was not exported as written. Errors are the usual `{error}` JSON.
 */
import { filenameFromContentDisposition } from '../export/contentDisposition'
import { ApiError, ClientErrorCode } from './apiError'
import { responseError } from './http'

/** The formats the server exports to (server/export/formats.ts; a unit test keeps them equal). */
export const EXPORT_FORMATS = ['pdf', 'docx', 'md', 'html'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** An exported briefing, ready to save. */
export interface ExportedFile {
  blob: Blob
  filename: string
  /** Quotes that failed verification and are marked UNVERIFIED in the file. */
  unverifiedQuotes: number
  /** What was not exported as written, in the server's words. */
  warnings: string[]
}

/** Options for `fetchExport`. */
export interface FetchExportOptions {
  /** Aborting rejects with the DOMException fetch raises (`AbortError`). */
  signal?: AbortSignal
  /** DOCX only: open comment threads as real Word comments. */
  comments?: boolean
}

/** Exports the briefing as `format`. Rejects with an ApiError the user can be shown. */
export async function fetchExport(
  briefingId: string,
  format: ExportFormat,
  { signal, comments = false }: FetchExportOptions = {},
): Promise<ExportedFile> {
  const path = `/api/briefings/${encodeURIComponent(briefingId)}/export?format=${format}${comments ? '&comments=1' : ''}`
  let response: Response
  try {
    response = await fetch(path, { credentials: 'same-origin', signal })
  } catch (err) {
    if (signal?.aborted) throw err
    throw new ApiError(
      0,
      ClientErrorCode.Network,
      'Cannot reach the server. Check your connection.',
    )
  }
  if (!response.ok) throw await responseError(response)
  let blob: Blob
  try {
    blob = await response.blob()
  } catch (err) {
    if (signal?.aborted) throw err
    throw new ApiError(
      0,
      ClientErrorCode.Network,
      'The connection broke while the file was downloading. Try again.',
    )
  }
  const headers = readExportHeaders(response.headers)
  return {
    blob,
    filename:
      filenameFromContentDisposition(response.headers.get('Content-Disposition')) ??
      `briefing.${format}`,
    ...headers,
  }
}

/**
 * The unverified-quote count and the warnings an export response carries. A header that
 * cannot be read is itself reported as a warning rather than read as "all is well".
 */
export function readExportHeaders(headers: Pick<Headers, 'get'>): {
  unverifiedQuotes: number
  warnings: string[]
} {
  const warnings: string[] = []
  const count = headers.get('X-Unverified-Quotes')
  let unverifiedQuotes = 0
  if (count !== null) {
    if (/^\s*\d+\s*$/.test(count)) unverifiedQuotes = Number(count)
    else {
      warnings.push(
        `The server’s count of unverified quotes could not be read (${JSON.stringify(count.slice(0, 40))}); look for quotes marked UNVERIFIED in the file.`,
      )
    }
  }
  const list = headers.get('X-Export-Warnings')
  if (list !== null) {
    const parsed = parseWarningList(list)
    if (parsed) warnings.push(...parsed)
    else warnings.push('The server reported export warnings this page could not read.')
  }
  return { unverifiedQuotes, warnings }
}

/** The strings of a JSON array of strings, or null when `text` is not one. */
function parseWarningList(text: string): string[] | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return null
  return value.filter((item) => item.trim() !== '')
}
