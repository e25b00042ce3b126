/**
 * A typed JSON fetch wrapper. Every failure, whether the network, an error status or a body
 * that is not JSON, becomes an `ApiError` with a message fit to show, so pages never have to
 * guess what went wrong.
 */
import type { z } from 'zod'
import { errorBody } from '../../../shared/api/errors'
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
    throw badResponse(response.status, err instanceof Error ? err.message : String(err))
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

/** Tells the auth layer the session ended (a 401 `unauthenticated`). */
export function announceSessionEnded(): void {
  // Unit tests run this module in Node, where there is no window to tell.
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(SESSION_ENDED_EVENT))
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  const json = await readJson(response).catch(() => undefined)
  return errorFromBody(response.status, response.statusText, json)
}

/**
 * The ApiError a failed response's body stands for: the contract's `{error}` body
 * (shared/api/errors.ts) worded as a sentence, or, when a proxy or a crashed server answered
 * without one, what we know. The one reader of error bodies, for fetch and XHR alike.
 */
export function errorFromBody(status: number, statusText: string, json: unknown): ApiError {
  const parsed = errorBody.safeParse(json)
  if (parsed.success) {
    const { code, message, field } = parsed.data.error
    return new ApiError(status, code, asSentence(message), field)
  }
  return new ApiError(
    status,
    `http_${status}`,
    `The server answered ${status} ${statusText}`.trim(),
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
    throw badResponse(response.status, 'body is not JSON')
  }
}

/** An answer that is not what the contract promises. */
export function badResponse(status: number, detail: string): ApiError {
  return new ApiError(
    status,
    ClientErrorCode.BadResponse,
    `Unexpected answer from the server (${detail}).`,
  )
}

/**
 * A body parser for `requestJson` from a contract schema (shared/api). Its error names the
 * first field that is wrong, from `what` (`me.teams[0].role "boss" is not one of admin, member`).
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  what: string,
): (body: unknown) => z.output<S> {
  return (body) => {
    const result = schema.safeParse(body)
    if (result.success) return result.data
    throw new Error(describeIssue(result.error.issues[0], body, what))
  }
}

function describeIssue(issue: z.core.$ZodIssue | undefined, body: unknown, what: string): string {
  if (!issue) return `${what} is not valid`
  const at = issue.path.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : `${name}.${String(key)}`),
    what,
  )
  const value = issue.path.reduce<unknown>(
    (node, key) => (isRecord(node) || Array.isArray(node) ? (node as never)[key] : undefined),
    body,
  )
  if (issue.code === 'invalid_value') {
    return `${at} ${JSON.stringify(value)} is not one of ${issue.values.map(String).join(', ')}`
  }
  if (issue.code === 'invalid_type') {
    return value === undefined ? `${at} is missing` : `${at} is not ${article(issue.expected)}`
  }
  return `${at}: ${issue.message}`
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`
}

/** True for plain JSON objects. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
