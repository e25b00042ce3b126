/**
 * The sources API: `POST /api/briefings/:id/sources` imports pasted text, an uploaded file
 * or a web page, extracts its quotes, and adds the source to the briefing's Y.Doc, from
 * where it reaches every open editor. The response carries the same source.
 *
 * Sent with XMLHttpRequest rather than fetch because fetch cannot report upload progress,
 * and a 15 MB PDF on a slow link is the one part of an import the user waits on visibly.
 */
import { type ImportSourceRequest, sourceResponse } from '../../../shared/api/sources'
import type { Source } from '../../../shared/sources'
import { ApiError, ClientErrorCode } from './apiError'
import { announceSessionEnded, badResponse, errorFromBody, parseWith } from './http'

/** What to import: one of the three ways in (shared/api/sources.ts). */
export type NewSourceRequest = ImportSourceRequest

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
  if (status < 200 || status >= 300) {
    const error = errorFromBody(status, statusText, json)
    if (status === 401 && error.code === 'unauthenticated') announceSessionEnded()
    throw error
  }
  if (json === undefined) throw badResponse(status, 'body is not JSON')
  try {
    return readSource(json).source
  } catch (err) {
    throw badResponse(status, err instanceof Error ? err.message : String(err))
  }
}

const readSource = parseWith(sourceResponse, 'response')

function abortError(): DOMException {
  return new DOMException('The import was cancelled', 'AbortError')
}
