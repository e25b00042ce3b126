/** The Express application: security headers, API routes, health, and the built client. */
import fs from 'node:fs'
import path from 'node:path'
import express from 'express'
import { rateLimit } from 'express-rate-limit'
import helmet from 'helmet'
import type { Exporter } from '../export/exporter'
import type { Metrics } from '../metrics/metrics'
import type { ImportPool } from '../sources/worker/importPool'
import type { AppContext } from './context'
import { apiNotFound, errorHandler, HttpError } from './errors'
import { guardMetrics, type MetricsAccess, metricsHandler } from './metricsRoute'
import {
  csrfGuard,
  enforceReadOnlyTokens,
  identify,
  requireAuth,
} from './middleware/authentication'
import { requestLog } from './middleware/requestLog'
import { adminRouter } from './routes/admin'
import { authRouter } from './routes/auth'
import { briefingsRouter } from './routes/briefings'
import { commentsRouter, inboxRouter } from './routes/comments'
import { exportRouter } from './routes/export'
import { searchRouter } from './routes/search'
import { sourcesRouter } from './routes/sources'
import { invitesRouter, teamsRouter } from './routes/teams'
import { versionsRouter } from './routes/versions'
import { staticClient } from './staticClient'
import { Tarpit } from './tarpit'

/** Largest JSON body accepted by the API. */
export const MAX_JSON_BODY = '256kb'

export interface AppOptions {
  clientDir: string | null
  /**
   * Links /healthz reports under their name: `{ok}`, or null when not configured (Redis).
   * They do not fail the check: an instance still serves its own clients without them, and
   * failing every instance whenever a shared link blips would take the whole service down.
   */
  health?: Record<string, (() => Promise<boolean>) | null>
  metrics?: Metrics
  /** Who may read `/metrics`; `port` set means it is served there and not here. */
  metricsAccess?: MetricsAccess & { port: number | null }
  /** Test-only: lets source import fetch from 127.0.0.1. */
  allowLoopbackFetch?: boolean
  /** The exporter (and its warm typesetting thread); the server closes it on shutdown. */
  exporter?: Exporter
  /** The threads source imports are parsed in; the server closes it on shutdown. */
  imports: ImportPool
}

export function createApp(ctx: AppContext, options: AppOptions): express.Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', ctx.trustProxy)
  const helmetOptions: Parameters<typeof helmet>[0] = {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // No inline styles at all: Tiptap's CSS injection is off and carets are styled by
        // class (tests/e2e runs the client under this policy and fails on any violation).
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  }
  const pageHeaders = helmet(helmetOptions)
  // A script or stylesheet is never a document: the policies a browser applies to documents
  // (CSP, framing, opener, agent cluster, referrer, XSS filter, DNS prefetch, download and
  // cross-domain options) do nothing on it, and HSTS is the host's, learnt from any page.
  // They cost ~650 bytes on each of the 15 scripts and stylesheets the editor page loads
  // (the page-weight budget counts headers). What applies to a script stays: nosniff, so it
  // runs only as JavaScript, and the same-origin resource policy.
  const assetHeaders = helmet({
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    referrerPolicy: false,
    strictTransportSecurity: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  })
  app.use((req, res, next) =>
    (req.path.startsWith('/assets/') ? assetHeaders : pageHeaders)(req, res, next),
  )

  app.get('/healthz', async (_req, res) => {
    const store = await ctx.stores.documents.ping().then(
      () => true,
      () => false,
    )
    const extra: Record<string, { ok: boolean } | null> = {}
    for (const [name, check] of Object.entries(options.health ?? {})) {
      extra[name] = check ? { ok: await check().catch(() => false) } : null
    }
    res
      .status(store ? 200 : 503)
      .json({ ok: store, store: { backend: ctx.stores.backend, ok: store }, ...extra })
  })

  const metrics = options.metrics
  const metricsAccess = options.metricsAccess ?? { token: null, port: null }
  if (metrics && metricsAccess.port === null) {
    // Prometheus scrapes this; the bundled nginx config also keeps it off the public side.
    app.get('/metrics', guardMetrics(metricsAccess), metricsHandler(metrics))
  } else if (metrics) {
    app.get('/metrics', () => {
      throw new HttpError(404, 'not_found', 'metrics are served on METRICS_PORT')
    })
  }

  const api = express.Router()
  // One per app: the refusals of callers over a limit are held here (tarpit.ts).
  const tarpit = new Tarpit()
  api.use(requestLog(ctx.log))
  // API_RATE_LIMIT=0 switches it off (load tests); the sign-in limit lives in routes/auth.ts.
  if (ctx.limits.apiPerMinute > 0) {
    api.use(
      rateLimit({
        windowMs: 60_000,
        limit: ctx.limits.apiPerMinute,
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        handler: (req, res) => {
          tarpit.refuse(`ip:${req.ip}`, res, () => {
            res
              .status(429)
              .json({ error: { code: 'rate_limited', message: 'too many requests; slow down' } })
          })
        },
      }),
    )
  }
  api.use(identify(ctx))
  api.use(csrfGuard(ctx))
  api.use(enforceReadOnlyTokens)
  // Source import parses its own, larger bodies (uploaded files), so it comes before the
  // general JSON parser and its 256 KiB limit.
  api.use(
    '/briefings',
    requireAuth,
    sourcesRouter(ctx, {
      allowLoopbackFetch: options.allowLoopbackFetch ?? false,
      imports: options.imports,
      tarpit,
    }),
  )
  api.use(express.json({ limit: MAX_JSON_BODY }))
  api.use('/auth', authRouter(ctx))
  api.use('/invites', invitesRouter(ctx))
  api.use('/teams', requireAuth, teamsRouter(ctx))
  api.use('/briefings', requireAuth, briefingsRouter(ctx))
  api.use('/briefings', requireAuth, exportRouter(ctx, options.exporter))
  api.use('/briefings', requireAuth, commentsRouter(ctx))
  api.use('/inbox', requireAuth, inboxRouter(ctx))
  api.use('/briefings', requireAuth, versionsRouter(ctx))
  api.use('/search', requireAuth, searchRouter(ctx))
  api.use('/admin', requireAuth, adminRouter(ctx))
  api.use(apiNotFound)
  app.use('/api', api)

  if (options.clientDir && fs.existsSync(path.join(options.clientDir, 'index.html'))) {
    app.use(staticClient(options.clientDir))
  }

  app.use(errorHandler(ctx.log))
  return app
}
