/** One structured log line per API request: method, route, status, duration, user. */
import type { RequestHandler } from 'express'
import type { Logger } from '../../log/logger'

export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now()
    res.on('finish', () => {
      const fields = {
        method: req.method,
        // The path without the query: queries can carry tokens.
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
        user: res.locals.auth?.user.id ?? null,
        ip: req.ip,
      }
      if (res.statusCode >= 500) log.error('request', fields)
      else log.info('request', fields)
    })
    next()
  }
}
