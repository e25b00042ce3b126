/**
 * Checks on what the user gives the Add-source dialog, made before anything is sent, and the
 * words for an import that failed. The server checks everything again; these exist so a
 * 40 MB video or a typo in a URL is refused at once, with a reason, instead of after an upload.
 */
import type { ErrorCode } from '../../../shared/api/errors'
import { ApiError, ClientErrorCode } from '../api/apiError'

/** Largest file the server imports. */
export const MAX_SOURCE_FILE_BYTES = 15 * 1024 * 1024

/** File types the importers read, as the file input's `accept` list. */
export const SOURCE_FILE_EXTENSIONS = ['.html', '.htm', '.txt', '.pdf', '.docx'] as const

/** "2.4 MB", "830 KB", "12 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** Why `file` cannot be imported, or null when it may be sent. */
export function fileProblem(file: { name: string; size: number }): string | null {
  const name = file.name.toLowerCase()
  if (!SOURCE_FILE_EXTENSIONS.some((ext) => name.endsWith(ext))) {
    return `${file.name} is not a file Briefing can read. Use a web page (.html), text (.txt), PDF or Word (.docx) file.`
  }
  if (file.size === 0) return `${file.name} is empty.`
  if (file.size > MAX_SOURCE_FILE_BYTES) {
    return `${file.name} is ${formatBytes(file.size)}; files can be at most ${formatBytes(MAX_SOURCE_FILE_BYTES)}.`
  }
  return null
}

/** The address to fetch, with `https://` added when no scheme was typed, or why it is not one. */
export function checkSourceUrl(raw: string): { url: string } | { error: string } {
  const text = raw.trim()
  if (!text) return { error: 'Enter the address of the page to import.' }
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return { error: 'That does not look like a web address.' }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { error: 'Only http:// and https:// pages can be imported.' }
  }
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') {
    return { error: 'That does not look like a web address.' }
  }
  return { url: url.href }
}

/** A failed import, as a headline and the detail under it. */
export interface ImportFailure {
  title: string
  detail: string
}

const TITLES: Partial<Record<ErrorCode, string>> = {
  blocked_address: 'That address cannot be fetched',
  bad_scheme: 'That address cannot be fetched',
  too_large: 'The source is too large',
  timeout: 'The site took too long to answer',
  bad_content_type: 'That page is not a document Briefing can read',
  http_status: 'The site refused the request',
  too_many_redirects: 'The address redirects too many times',
  network: 'The site could not be reached',
  unsupported_format: 'Briefing cannot read this file',
  unreadable: 'The file could not be read',
  empty: 'No readable text was found',
  too_complex: 'The file is too complex to import',
  import_timeout: 'The file took too long to import',
  import_out_of_memory: 'The source is too large',
  import_busy: 'The server is busy importing other sources',
  import_crashed: 'The import failed on the server',
  server_stopping: 'The server is restarting',
  too_many_imports: 'Wait for your other imports to finish',
}

/** 413s whose message is the server's own reason (a cap it names), not a proxy's refusal. */
const SERVER_SIZE_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'too_large',
  'import_out_of_memory',
])

/** The headline and detail to show for an import error. */
export function importFailure(err: unknown): ImportFailure {
  if (err instanceof ApiError) {
    if (err.status === 403) return { title: 'Only editors can add sources', detail: err.message }
    if (err.status === 413 && !SERVER_SIZE_CODES.has(err.code)) {
      return {
        title: TITLES.too_large!,
        detail: `Files can be at most ${formatBytes(MAX_SOURCE_FILE_BYTES)}.`,
      }
    }
    if (err.code === ClientErrorCode.Network) {
      return { title: 'Cannot reach the Briefing server', detail: err.message }
    }
    return {
      title: TITLES[err.code as ErrorCode] ?? 'The source could not be added',
      detail: err.message,
    }
  }
  return {
    title: 'The source could not be added',
    detail: err instanceof Error ? err.message : 'Something went wrong.',
  }
}
