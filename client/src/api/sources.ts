/**
 * The sources API: `POST /api/briefings/:id/sources` imports pasted text, an uploaded file
 * or a web page, extracts its quotes, and adds the source to the briefing's Y.Doc, from
 * where it reaches every open editor. The response carries the same source.
 *
 * Sent with XMLHttpRequest rather than fetch because fetch cannot report upload progress,
 * and a 15 MB PDF on a slow link is the one part of an import the user waits on visibly.
 */
import { assertSource, type Source, type SourceKind } from '../../../shared/sources'
import { ApiError, ClientErrorCode } from './apiError'
import { isRecord, requestJson, SESSION_ENDED_EVENT } from './http'

/** What to import: one of the three ways in. */
export type NewSourceRequest =
  | { type: 'text'; text: string; kind?: SourceKind }
  | { type: 'url'; url: string }
  | { type: 'file'; filename: string; contentBase64: string }

/** How far a request has got: still sending the body, or waiting while the server imports. */
export type ImportProgress =
  | { phase: 'sending'; loaded: number; total: number }
  | { phase: 'importing' }

/** Options for `addSource`. */
export interface AddSourceOptions {
  /** Aborting rejects with a DOMException named `AbortError`. */
  signal?: AbortSignal
  onProgress?: (progress: ImportProgress) => void
}

/** Imports a source into the briefing and returns it as stored. Rejects with an ApiError. */
export function addSource(
  briefingId: string,
  request: NewSourceRequest,
  { signal, onProgress }: AddSourceOptions = {},
): Promise<Source> {
  return new Promise<Source>((resolve, reject) => {
    if (signal?.aborted) return reject(abortError())
    const xhr = new XMLHttpRequest()
    const onAbort = () => xhr.abort()
    signal?.addEventListener('abort', onAbort, { once: true })
    const settle = () => signal?.removeEventListener('abort', onAbort)

    xhr.upload.onprogress = (event) => {
      onProgress?.({ phase: 'sending', loaded: event.loaded, total: event.total })
    }
    xhr.upload.onload = () => onProgress?.({ phase: 'importing' })
    xhr.onabort = () => {
      settle()
      reject(abortError())
    }
    xhr.onerror = () => {
      settle()
      reject(
        new ApiError(0, ClientErrorCode.Network, 'Cannot reach the server. Check your connection.'),
      )
    }
    xhr.onload = () => {
      settle()
      try {
        resolve(sourceFromResponse(xhr.status, xhr.statusText, xhr.responseText))
      } catch (err) {
        reject(err)
      }
    }
    xhr.open('POST', `/api/briefings/${encodeURIComponent(briefingId)}/sources`)
    xhr.setRequestHeader('Content-Type', 'application/json')
    xhr.send(JSON.stringify(request))
    onProgress?.({ phase: 'sending', loaded: 0, total: 0 })
  })
}

/** What a person may correct on a source; blank byline or publisher clears it. */
export interface SourceCorrection {
  title?: string
  byline?: string | null
  publisher?: string | null
  /** YYYY, YYYY-MM or YYYY-MM-DD, or null for none. */
  publishedAt?: string | null
}

/** Corrects a source's title, byline, publisher or date; resolves with the source as stored. */
export function correctSource(
  briefingId: string,
  sourceId: string,
  changes: SourceCorrection,
): Promise<Source> {
  return requestJson('PATCH', sourcePath(briefingId, sourceId), parseSourceBody, changes)
}

/**
 * Removes a source nothing cites. While a quote block or citation uses it the server refuses
 * with 409 `source_in_use`, whose message names each place.
 */
export function removeSource(briefingId: string, sourceId: string): Promise<void> {
  return requestJson('DELETE', sourcePath(briefingId, sourceId), () => undefined)
}

/** The existing source a 409 `duplicate_source` names, or null for any other error. */
export function duplicateOf(err: unknown): string | null {
  if (!(err instanceof ApiError) || err.code !== 'duplicate_source') return null
  return typeof err.details.existingId === 'string' ? err.details.existingId : null
}

function sourcePath(briefingId: string, sourceId: string): string {
  return `/api/briefings/${encodeURIComponent(briefingId)}/sources/${encodeURIComponent(sourceId)}`
}

function parseSourceBody(json: unknown): Source {
  if (!isRecord(json)) throw new Error('body is not an object')
  assertSource(json.source)
  return json.source
}

/**
 * The source in a response, or the ApiError it stands for. Exported for tests: this is the
 * whole contract between the dialog and the server.
 */
export function sourceFromResponse(status: number, statusText: string, text: string): Source {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  if (status < 200 || status >= 300) throw errorFromBody(status, statusText, json)
  if (!isRecord(json)) throw badResponse(status, 'body is not JSON')
  try {
    assertSource(json.source)
  } catch (err) {
    throw badResponse(status, err instanceof Error ? err.message : String(err))
  }
  return json.source
}

function errorFromBody(status: number, statusText: string, json: unknown): ApiError {
  const error = isRecord(json) && isRecord(json.error) ? json.error : undefined
  if (status === 401 && error?.code === 'unauthenticated' && typeof window !== 'undefined') {
    window.dispatchEvent(new Event(SESSION_ENDED_EVENT))
  }
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    const { code, message, field, ...details } = error
    const named = typeof field === 'string' ? field : undefined
    return new ApiError(status, code as string, sentence(message as string), named, details)
  }
  // A proxy's own error page (e.g. 413 from nginx) has no JSON body.
  return new ApiError(
    status,
    `http_${status}`,
    `The server answered ${status} ${statusText}`.trim(),
  )
}

function sentence(message: string): string {
  const text = message.trim()
  if (!text) return 'The server refused the request.'
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1)
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`
}

function badResponse(status: number, detail: string): ApiError {
  return new ApiError(
    status,
    ClientErrorCode.BadResponse,
    `Unexpected answer from the server (${detail}).`,
  )
}

function abortError(): DOMException {
  return new DOMException('The import was cancelled', 'AbortError')
}
