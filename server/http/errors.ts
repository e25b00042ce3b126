/**
 * HTTP errors as JSON: `{error: {code, message, field?}}`. Handlers throw HttpError; the
 * error middleware turns it, or anything unexpected, into a response without a stack trace.
 */
import { STATUS_CODES } from 'node:http'
import type { ErrorRequestHandler, RequestHandler } from 'express'
import { errorField, type Logger } from '../log/logger'

export class HttpError extends Error {
  override name = 'HttpError'
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** More the client can act on, sent beside code and message (e.g. `existingId`). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
  }
}

export function notFound(what: string): HttpError {
  return new HttpError(404, 'not_found', `${what} not found`)
}

/** Unknown API routes answer JSON, not the client's index.html. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `no route ${req.method} ${req.path}`))
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (err instanceof HttpError) {
      res.status(err.status).json({
        error: {
          ...err.details,
          code: err.code,
          message: err.message,
          ...(err.field ? { field: err.field } : {}),
        },
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
