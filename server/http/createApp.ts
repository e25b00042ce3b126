/** The Express application: security headers, API routes, health, and the built client. */
import fs from 'node:fs'
import path from 'node:path'
import express from 'express'
import { rateLimit } from 'express-rate-limit'
import helmet from 'helmet'
import type { AppContext } from './context'
import { apiNotFound, errorHandler } from './errors'
import {
  csrfGuard,
  enforceReadOnlyTokens,
  identify,
  requireAuth,
} from './middleware/authentication'
import { adminRouter } from './routes/admin'
import { authRouter } from './routes/auth'
import { briefingsRouter } from './routes/briefings'
import { invitesRouter, teamsRouter } from './routes/teams'

/** Largest JSON body accepted by the API. */
export const MAX_JSON_BODY = '256kb'

export interface AppOptions {
  clientDir: string | null
  /** Extra health checks (e.g. Redis), reported under their name. */
  health?: Record<string, () => Promise<boolean>>
}

export function createApp(ctx: AppContext, options: AppOptions): express.Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // ProseMirror and the caret labels set inline style attributes; no inline <style> blocks.
          styleSrc: ["'self'"],
          styleSrcAttr: ["'unsafe-inline'"],
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
    }),
  )

  app.get('/healthz', async (_req, res) => {
    const store = await ctx.stores.documents.ping().then(
      () => true,
      () => false,
    )
    const extra: Record<string, { ok: boolean }> = {}
    for (const [name, check] of Object.entries(options.health ?? {})) {
      extra[name] = { ok: await check().catch(() => false) }
    }
    const ok = store && Object.values(extra).every((value) => value.ok)
    res
      .status(ok ? 200 : 503)
      .json({ ok, store: { backend: ctx.stores.backend, ok: store }, ...extra })
  })

  const api = express.Router()
  api.use(
    rateLimit({ windowMs: 60_000, limit: 1200, standardHeaders: 'draft-8', legacyHeaders: false }),
  )
  api.use(express.json({ limit: MAX_JSON_BODY }))
  api.use(identify(ctx))
  api.use(csrfGuard(ctx))
  api.use(enforceReadOnlyTokens)
  api.use('/auth', authRouter(ctx))
  api.use('/invites', invitesRouter(ctx))
  api.use('/teams', requireAuth, teamsRouter(ctx))
  api.use('/briefings', requireAuth, briefingsRouter(ctx))
  api.use('/admin', requireAuth, adminRouter(ctx))
  api.use(apiNotFound)
  app.use('/api', api)

  if (options.clientDir && fs.existsSync(path.join(options.clientDir, 'index.html'))) {
    const clientDir = options.clientDir
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }))
    // Client-side routes (/b/:id, /invite/:token) all load the single-page app.
    app.get(/^\/(?!api\/|collab\/).*/, (_req, res) => {
      res.sendFile(path.join(clientDir, 'index.html'))
    })
  }

  app.use(errorHandler(ctx.log))
  return app
}
