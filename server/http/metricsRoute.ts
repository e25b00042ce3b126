/**
 * `/metrics` for Prometheus, and who may read it. Metrics name rooms, load and memory, which
 * is nobody's business outside the operator's network, so they are never open by default:
 * - with `METRICS_TOKEN`, a scraper sends `Authorization: Bearer <token>`, from anywhere;
 * - with `METRICS_PORT`, they are served on that port only (which the operator keeps
 *   private), and the token, if set too, is asked for there;
 * - with neither, only requests made directly from this host (loopback, no proxy headers:
 *   a reverse proxy on the same host would otherwise relay the whole internet's requests
 *   from loopback).
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import express, { type RequestHandler } from 'express'
import { bearerToken } from '../auth/authenticate'
import type { Metrics } from '../metrics/metrics'
import { HttpError } from './errors'

export interface MetricsAccess {
  token: string | null
}

/** Compared as digests, so the comparison takes as long whatever the token's length. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.')
}

function directFromLoopback(req: IncomingMessage): boolean {
  const relayed =
    req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined
  return !relayed && isLoopback(req.socket.remoteAddress ?? '')
}

/** Refuses a request for the metrics that `access` does not let through. */
export function guardMetrics(access: MetricsAccess): RequestHandler {
  return (req, res, next) => {
    if (access.token !== null) {
      const given = bearerToken(req)
      if (given !== null && sameSecret(given, access.token)) return next()
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"')
      throw new HttpError(401, 'unauthenticated', 'metrics need the bearer token in METRICS_TOKEN')
    }
    if (directFromLoopback(req)) return next()
    throw new HttpError(
      403,
      'forbidden',
      'metrics are served only to this host; set METRICS_TOKEN or METRICS_PORT to scrape them',
    )
  }
}

/** The Prometheus text exposition of `metrics`. */
export function metricsHandler(metrics: Metrics): RequestHandler {
  return async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics())
  }
}

/** A bare app serving only `/metrics`, for METRICS_PORT. */
export function metricsApp(
  metrics: Metrics,
  access: MetricsAccess,
  errorHandler: express.ErrorRequestHandler,
): express.Express {
  const app = express()
  app.disable('x-powered-by')
  if (access.token !== null) app.get('/metrics', guardMetrics(access), metricsHandler(metrics))
  else app.get('/metrics', metricsHandler(metrics))
  app.use((_req, _res, next) =>
    next(new HttpError(404, 'not_found', 'only /metrics is served here')),
  )
  app.use(errorHandler)
  return app
}
