/**
 * REST: importing sources into a briefing. The server fetches or parses the input, extracts
 * its quotations and adds the source to the briefing's Y.Doc, from where it syncs live to
 * every collaborator; the response carries the same source.
 */
import express, { type RequestHandler, Router } from 'express'
import type { ErrorCode } from '../../../shared/api/errors'
import { correctSourceRequest } from '../../../shared/api/sources'
import { SourceFetchError, SourceImportError } from '../../sources/errors'
import { type ImportInput, importSource } from '../../sources/importSource'
import { readUploadBody, UploadBodyError } from '../../sources/uploadBody'
import { ImportPoolError } from '../../sources/worker/errors'
import type { ImportPool } from '../../sources/worker/importPool'
import { type AppContext, actorOf } from '../context'
import { HttpError, snakeCase } from '../errors'
import { ImportRate } from '../importRate'
import { ImportsPerUser } from '../importsPerUser'
import type { Tarpit } from '../tarpit'
import { parseInput } from '../validate'

/** Largest file accepted, before base64. */
export const MAX_SOURCE_FILE_BYTES = 15 * 1024 * 1024

/** Imports one user may have parsing or waiting at once (429 past it). */
export const IMPORTS_PER_USER = 2

/** HTTP status for each import failure: the caller's input (4xx) or the remote site (502). */
const FETCH_STATUS: Record<SourceFetchError['code'], number> = {
  'blocked-address': 400,
  'bad-scheme': 400,
  'too-large': 413,
  timeout: 504,
  'bad-content-type': 415,
  'http-status': 502,
  'too-many-redirects': 502,
  network: 502,
}
const IMPORT_STATUS: Record<SourceImportError['code'], number> = {
  'unsupported-format': 415,
  unreadable: 422,
  empty: 422,
  'too-large': 413,
  'too-complex': 422,
}
/**
 * The import threads' refusals (docs/API.md): a full queue is the server's momentary capacity
 * (503 with Retry-After, not 429: the caller did nothing wrong); an import past its time or
 * memory limit is the input's doing (422, 413), a crashed thread the server's (500).
 */
const POOL_ERRORS: Record<ImportPoolError['code'], { status: number; code: ErrorCode }> = {
  busy: { status: 503, code: 'import_busy' },
  closed: { status: 503, code: 'server_stopping' },
  'timed-out': { status: 422, code: 'import_timeout' },
  'out-of-memory': { status: 413, code: 'import_out_of_memory' },
  crashed: { status: 500, code: 'import_crashed' },
  aborted: { status: 400, code: 'cancelled' },
}

export interface SourcesRouterOptions {
  /** Test-only: lets the URL importer reach 127.0.0.1 (BRIEFING_ALLOW_LOOPBACK_FETCH=1). */
  allowLoopbackFetch: boolean
  /** Where imports are parsed: never on the event loop every editing session shares. */
  imports: ImportPool
  /** Holds refusals of callers over a limit (shared with the API rate limit). */
  tarpit: Tarpit
}

export function sourcesRouter(ctx: AppContext, options: SourcesRouterOptions): Router {
  const router = Router()
  // Files travel base64-encoded in JSON; this route alone takes bodies that large. It reads
  // the bytes only: a large body is parsed in an import thread (uploadBody.ts).
  const rawJson = express.raw({
    type: 'application/json',
    limit: Math.ceil((MAX_SOURCE_FILE_BYTES * 4) / 3) + 64 * 1024,
  })
  // This router is mounted before the API's general JSON parser, so it parses its own.
  const smallJson = express.json({ limit: 64 * 1024 })
  const perUser = new ImportsPerUser(IMPORTS_PER_USER)
  const rate = new ImportRate(ctx.limits.importsPerMinute)
  const { sources } = ctx.services

  /**
   * Admits an import before its body is read: a user over the import rate, or with imports
   * already in flight, costs the event loop no body at all. The in-flight slot is given back
   * when the response ends or the caller goes away.
   */
  const admitImport: RequestHandler<{ id: string }> = (req, res, next) => {
    const userId = actorOf(req, res).auth.user.id
    // Refusals are held a moment (tarpit.ts): answered at once, they invite the next request.
    const refuse = (retryAfter: number, message: string) => {
      res.set('Retry-After', String(retryAfter))
      options.tarpit.refuse(userId, res, () =>
        next(new HttpError(429, 'too_many_imports', message)),
      )
    }
    const wait = rate.take(userId)
    if (wait > 0) {
      refuse(wait, `you may start ${rate.perMinute} imports a minute; try again in ${wait} s`)
      return
    }
    const release = perUser.take(userId)
    if (!release) {
      refuse(
        5,
        `you already have ${IMPORTS_PER_USER} imports in progress; add this one when one of them is done`,
      )
      return
    }
    res.on('close', release)
    next()
  }

  router.get('/:id/sources', async (req, res) => {
    res.json({ sources: await sources.list(actorOf(req, res), req.params.id) })
  })

  router.post('/:id/sources', admitImport, rawJson, async (req, res) => {
    const actor = actorOf(req, res)
    const { briefing } = await sources.mayAdd(actor, req.params.id)
    // Another content type leaves no bytes: answered like an empty JSON object.
    const bytes: Uint8Array =
      Buffer.isBuffer(req.body) && req.body.byteLength > 0 ? req.body : EMPTY_OBJECT
    const input: ImportInput =
      bytes.byteLength >= READ_IN_THREAD_FROM ? { type: 'upload', body: bytes } : readOnLoop(bytes)
    // The dialog's Cancel closes the request; an import the user cancelled must not land.
    let cancelled = false
    const abandoned = new AbortController()
    res.on('close', () => {
      if (res.writableFinished) return
      cancelled = true
      abandoned.abort()
    })
    const { uploaded, ...imported } = await importSource(input, {
      fetch: { allowLoopback: options.allowLoopbackFetch },
      maxBytes: MAX_SOURCE_FILE_BYTES,
      parse: options.imports.parse,
      signal: abandoned.signal,
    }).catch((err) => toHttpError(err, res, ctx))
    if (cancelled) return
    const type = input.type === 'upload' ? (uploaded ?? 'file') : input.type
    res.status(201).json({ source: await sources.add(actor, briefing, imported, type) })
  })

  /** Corrects what a citation prints of a source: title, byline, publisher, date. */
  router.patch('/:id/sources/:sourceId', smallJson, async (req, res) => {
    const changes = parseInput(correctSourceRequest, req.body, 'body')
    const actor = actorOf(req, res)
    res.json({ source: await sources.correct(actor, req.params.id, req.params.sourceId, changes) })
  })

  /** Removes a source no quote block or citation uses; 409 naming the uses otherwise. */
  router.delete('/:id/sources/:sourceId', async (req, res) => {
    await sources.remove(actorOf(req, res), req.params.id, req.params.sourceId)
    res.status(204).end()
  })

  /** The server's own verdict on every quote block, as export will see it. */
  router.get('/:id/quotes/verification', async (req, res) => {
    res.json({ quotes: await sources.verification(actorOf(req, res), req.params.id) })
  })

  return router
}

/**
 * Bodies from this size on are read in an import thread. Below it (a URL, a short paste, a
 * small file) reading costs the event loop well under a millisecond, less than a thread hop.
 */
export const READ_IN_THREAD_FROM = 256 * 1024

const EMPTY_OBJECT = new TextEncoder().encode('{}')

/** A small import body, read here. */
function readOnLoop(bytes: Uint8Array): ImportInput {
  try {
    return readUploadBody(bytes, MAX_SOURCE_FILE_BYTES)
  } catch (err) {
    throw err instanceof UploadBodyError ? bodyError(err) : err
  }
}

function bodyError(err: UploadBodyError): HttpError {
  return new HttpError(err.status, err.code, err.message, err.field ?? undefined)
}

function toHttpError(err: unknown, res: express.Response, ctx: AppContext): never {
  if (err instanceof SourceFetchError)
    throw new HttpError(FETCH_STATUS[err.code], snakeCase(err.code), err.message)
  if (err instanceof SourceImportError)
    throw new HttpError(IMPORT_STATUS[err.code], snakeCase(err.code), err.message)
  if (err instanceof UploadBodyError) throw bodyError(err)
  if (err instanceof ImportPoolError) {
    const { status, code } = POOL_ERRORS[err.code]
    if (err.retryAfterSeconds !== null) res.set('Retry-After', String(err.retryAfterSeconds))
    if (err.code === 'crashed') {
      ctx.log.error('source import thread crashed', { error: err.message })
    }
    throw new HttpError(status, code, err.message)
  }
  throw err
}
