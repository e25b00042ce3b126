/** The Express application: API routes, health, and the built client. */
import fs from 'node:fs'
import path from 'node:path'
import type { Schema } from '@tiptap/pm/model'
import express from 'express'
import type { RoomRegistry } from '../collab/roomRegistry'
import type { Logger } from '../log/logger'
import type { Stores } from '../store'
import { briefingsRouter } from './briefingsRouter'
import { apiNotFound, errorHandler } from './errors'

export interface AppDeps {
  stores: Stores
  registry: RoomRegistry
  schema: Schema
  log: Logger
  clientDir: string | null
  now: () => Date
}

/** Largest JSON body accepted by the API. */
export const MAX_JSON_BODY = '256kb'

export function createApp(deps: AppDeps): express.Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  app.use(express.json({ limit: MAX_JSON_BODY }))

  app.get('/healthz', async (_req, res) => {
    try {
      await deps.stores.documents.ping()
      res.json({ ok: true, store: { backend: deps.stores.backend, ok: true } })
    } catch {
      res.status(503).json({ ok: false, store: { backend: deps.stores.backend, ok: false } })
    }
  })

  app.use('/api/briefings', briefingsRouter(deps))
  app.use('/api', apiNotFound)

  if (deps.clientDir && fs.existsSync(path.join(deps.clientDir, 'index.html'))) {
    const clientDir = deps.clientDir
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }))
    // Client-side routes (/b/:id) all load the single-page app.
    app.get(/^\/(?!api\/|collab\/).*/, (_req, res) => {
      res.sendFile(path.join(clientDir, 'index.html'))
    })
  }

  app.use(errorHandler(deps.log))
  return app
}
