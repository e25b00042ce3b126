/**
 * REST: importing sources into a briefing. The server fetches or parses the input, extracts
 * its quotations and adds the source to the briefing's Y.Doc, from where it syncs live to
 * every collaborator; the response carries the same source.
 */
import express, { Router } from 'express'
import type { ErrorCode } from '../../../shared/api/errors'
import { importSourceRequest } from '../../../shared/api/sources'
import { SourceFetchError, SourceImportError } from '../../sources/errors'
import { type ImportInput, importSource } from '../../sources/importSource'
import { ImportPoolError } from '../../sources/worker/errors'
import type { ImportPool } from '../../sources/worker/importPool'
import { type AppContext, actorOf } from '../context'
import { HttpError, snakeCase } from '../errors'
import { ImportsPerUser } from '../importsPerUser'
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
}

export function sourcesRouter(ctx: AppContext, options: SourcesRouterOptions): Router {
  const router = Router()
  // Files travel base64-encoded in JSON; this route alone takes bodies that large.
  const largeJson = express.json({ limit: Math.ceil((MAX_SOURCE_FILE_BYTES * 4) / 3) + 64 * 1024 })
  const perUser = new ImportsPerUser(IMPORTS_PER_USER)
  const { sources } = ctx.services

  router.get('/:id/sources', async (req, res) => {
    res.json({ sources: await sources.list(actorOf(req, res), req.params.id) })
  })

  router.post('/:id/sources', largeJson, async (req, res) => {
    const actor = actorOf(req, res)
    const { briefing } = await sources.mayAdd(actor, req.params.id)
    const body = parseInput(importSourceRequest, req.body, 'body')
    // The dialog's Cancel closes the request; an import the user cancelled must not land.
    let cancelled = false
    const abandoned = new AbortController()
    res.on('close', () => {
      if (res.writableFinished) return
      cancelled = true
      abandoned.abort()
    })
    const input: ImportInput =
      body.type === 'file'
        ? {
            type: 'file',
            filename: body.filename,
            bytes: decodeBase64(body.contentBase64),
            kind: body.kind,
          }
        : body
    const release = perUser.take(actor.auth.user.id)
    if (!release) {
      res.set('Retry-After', '5')
      throw new HttpError(
        429,
        'too_many_imports',
        `you already have ${IMPORTS_PER_USER} imports in progress; add this one when one of them is done`,
      )
    }
    const imported = await importSource(input, {
      fetch: { allowLoopback: options.allowLoopbackFetch },
      maxBytes: MAX_SOURCE_FILE_BYTES,
      parse: options.imports.parse,
      signal: abandoned.signal,
    })
      .catch((err) => toHttpError(err, res, ctx))
      .finally(release)
    if (cancelled) return
    res.status(201).json({ source: await sources.add(actor, briefing, imported, body.type) })
  })

  /** The server's own verdict on every quote block, as export will see it. */
  router.get('/:id/quotes/verification', async (req, res) => {
    res.json({ quotes: await sources.verification(actorOf(req, res), req.params.id) })
  })

  return router
}

function decodeBase64(value: string): Uint8Array {
  const bytes = Buffer.from(value, 'base64')
  // Node skips characters that are not base64, so a decode as long as the text promises had
  // none. Only a shorter one (whitespace, or garbage) needs the full check: a 15 MiB file's
  // regex pass costs the event loop ~40 ms that every upload would otherwise pay.
  if (
    bytes.byteLength !== Buffer.byteLength(value, 'base64') &&
    !/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(value)
  ) {
    throw new HttpError(
      400,
      'invalid_input',
      'body field "contentBase64": must be base64',
      'contentBase64',
    )
  }
  if (bytes.byteLength > MAX_SOURCE_FILE_BYTES) {
    throw new HttpError(
      413,
      'too_large',
      `file is over the ${MAX_SOURCE_FILE_BYTES / 1024 / 1024} MiB limit`,
    )
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

function toHttpError(err: unknown, res: express.Response, ctx: AppContext): never {
  if (err instanceof SourceFetchError)
    throw new HttpError(FETCH_STATUS[err.code], snakeCase(err.code), err.message)
  if (err instanceof SourceImportError)
    throw new HttpError(IMPORT_STATUS[err.code], snakeCase(err.code), err.message)
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
