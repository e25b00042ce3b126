/**
 * HTTP errors as JSON: `{error: {code, message, field?}}`. Handlers throw HttpError; the
 * error middleware turns it, or anything unexpected, into a response without a stack trace.
 */
import { STATUS_CODES } from 'node:http'
import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { ErrorCode } from '../../shared/api/errors'
import { ActionForbidden, BriefingNotVisible } from '../auth/accessErrors'
import { errorField, type Logger } from '../log/logger'
import { type Refusal, ServiceError } from '../services/errors'

export class HttpError extends Error {
  override name = 'HttpError'
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

/** `a-kebab-code` as the API's `a_kebab_code`, typed: the lower layers name errors in kebab case. */
export type SnakeCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}_${SnakeCase<Tail>}`
  : S

export function snakeCase<S extends string>(code: S): SnakeCase<S> {
  return code.replaceAll('-', '_') as SnakeCase<S>
}

/** The HTTP status for each kind of refusal a service raises. */
const REFUSAL_STATUS: Record<Refusal, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
}

/** The HttpError a service's refusal answers as. */
function refusalError(err: ServiceError): HttpError {
  return new HttpError(REFUSAL_STATUS[err.refusal], err.code, err.message, err.field)
}

export function notFound(what: string): HttpError {
  return new HttpError(404, 'not_found', `${what} not found`)
}

/** Unknown API routes answer JSON, not the client's index.html. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `no route ${req.method} ${req.path}`))
}

/** The HTTP form of an error another layer raised on purpose; null for any other error. */
export function httpErrorFor(err: unknown): HttpError | null {
  if (err instanceof HttpError) return err
  if (err instanceof ServiceError) return refusalError(err)
  if (err instanceof BriefingNotVisible) return notFound('briefing')
  if (err instanceof ActionForbidden) return new HttpError(403, 'forbidden', err.message)
  return null
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (raised, req, res, _next) => {
    const err = httpErrorFor(raised) ?? raised
    if (err instanceof HttpError) {
      res.status(err.status).json({
        error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) },
      })
      return
    }
    // Errors raised by body-parser carry a status and a type; surface them as client errors.
    const status = typeof err?.status === 'number' ? err.status : 500
    if (status >= 400 && status < 500) {
      const code = err.type === 'entity.too.large' ? 'body_too_large' : 'bad_request'
      // Only a parse failure is about JSON; a bad charset or an undecodable path is not.
      const message =
        code === 'body_too_large'
          ? 'request body is too large'
          : err.type === 'entity.parse.failed'
            ? 'request body is not valid JSON'
            : (STATUS_CODES[status] ?? 'bad request').toLowerCase()
      res.status(status).json({ error: { code, message } })
      return
    }
    log.error('request failed', { method: req.method, path: req.path, error: errorField(err) })
    res.status(500).json({ error: { code: 'internal', message: 'internal server error' } })
  }
}
