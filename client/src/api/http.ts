/**
 * A typed JSON fetch wrapper. Every failure, whether the network, an error status or a body
 * that is not JSON, becomes an `ApiError` with a message fit to show, so pages never have to
 * guess what went wrong.
 */
import { ApiError, ClientErrorCode } from './apiError'

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * Fired on `window` when the server answers 401 `unauthenticated`: the session cookie no longer
 * signs anyone in. The auth layer listens and asks the user to sign in again; a window event
 * (like navigation's) keeps this module free of shared mutable state.
 */
export const SESSION_ENDED_EVENT = 'briefing:session-ended'

/**
 * Sends a request and returns the parsed JSON body (`undefined` for 204). `parse` checks the
 * body's shape; its errors are reported as a bad response rather than crashing a page later.
 */
export async function requestJson<T>(
  method: Method,
  path: string,
  parse: (body: unknown) => T,
  body?: unknown,
): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    })
  } catch {
    throw new ApiError(
      0,
      ClientErrorCode.Network,
      'Cannot reach the server. Check your connection.',
    )
  }
  if (!response.ok) throw await responseError(response)
  if (response.status === 204) return parse(undefined)
  const json = await readJson(response)
  try {
    return parse(json)
  } catch (err) {
    throw badResponse(response, err instanceof Error ? err.message : String(err))
  }
}

/**
 * The ApiError a failed response stands for, worded from its `{error}` body when it has one.
 * A 401 `unauthenticated` also announces that the session ended. Exported for requests whose
 * success is not JSON (exported files).
 */
export async function responseError(response: Response): Promise<ApiError> {
  const error = await errorFromResponse(response)
  if (error.status === 401 && error.code === 'unauthenticated') announceSessionEnded()
  return error
}

function announceSessionEnded(): void {
  // Unit tests run this module in Node, where there is no window to tell.
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(SESSION_ENDED_EVENT))
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  const json = await readJson(response).catch(() => undefined)
  const error = isRecord(json) && isRecord(json.error) ? json.error : undefined
  if (error && typeof error.message === 'string' && typeof error.code === 'string') {
    const { code, message, field, ...details } = error
    return new ApiError(
      response.status,
      code as string,
      asSentence(message as string),
      typeof field === 'string' ? field : undefined,
      details,
    )
  }
  // A proxy or a crashed server answers without our error body; say what we know.
  return new ApiError(
    response.status,
    `http_${response.status}`,
    `The server answered ${response.status} ${response.statusText}`.trim(),
  )
}

// Server messages are terse lower-case phrases ("sign in first"); shown alone they read as a
// sentence, so give them a capital and a full stop.
function asSentence(message: string): string {
  const text = message.trim()
  if (!text) return 'The server refused the request.'
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1)
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  try {
    return JSON.parse(text)
  } catch {
    throw badResponse(response, 'body is not JSON')
  }
}

function badResponse(response: Response, detail: string): ApiError {
  return new ApiError(
    response.status,
    ClientErrorCode.BadResponse,
    `Unexpected answer from the server (${detail}).`,
  )
}

/** True for plain JSON objects. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
