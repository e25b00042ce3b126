/**
 * REST: importing sources into a briefing. The server fetches or parses the input, extracts
 * its quotations and adds the source to the briefing's Y.Doc, from where it syncs live to
 * every collaborator; the response carries the same source.
 */
import { randomUUID } from 'node:crypto'
import express, { Router } from 'express'
import { z } from 'zod'
import { verifyDocumentQuotes } from '../../../shared/quotes'
import { addSource, createSource, listSources, SOURCE_KINDS } from '../../../shared/sources'
import { readDocument } from '../../collab/readDocument'
import { addToDocument, editDocument } from '../../collab/serverEdit'
import {
  DuplicateSourceError,
  SourceFetchError,
  SourceImportError,
  SourceInUseError,
  SourceNotFoundError,
} from '../../sources/errors'
import { type ImportInput, importSource } from '../../sources/importSource'
import { correctSource, removeUnusedSource, sourceWithContent } from '../../sources/manage'
import { ImportPoolError } from '../../sources/worker/errors'
import type { ImportPool } from '../../sources/worker/importPool'
import { type AppContext, audit, authOf } from '../context'
import { HttpError } from '../errors'
import { ImportsPerUser } from '../importsPerUser'
import { parseInput } from '../validate'

/** Largest file accepted, before base64. */
export const MAX_SOURCE_FILE_BYTES = 15 * 1024 * 1024

/** Imports one user may have parsing or waiting at once (429 past it). */
export const IMPORTS_PER_USER = 2

const kind = z.enum(SOURCE_KINDS).optional()
const importBody = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('text'), text: z.string().min(1, 'must not be empty'), kind })
    .strict(),
  z
    .object({ type: z.literal('url'), url: z.string().url('must be a URL').max(4096), kind })
    .strict(),
  z
    .object({
      type: z.literal('file'),
      filename: z.string().min(1).max(255),
      contentBase64: z.string().min(1, 'must not be empty'),
      kind,
    })
    .strict(),
])

/** A date as a citation prints it: a year, a month or a day (ISO 8601). */
const PUBLISHED_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

function isRealDate(value: string): boolean {
  const [, year, month = '01', day = '01'] = PUBLISHED_DATE.exec(value) ?? []
  if (!year) return false
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(`${year}-${month}-${day}`)
}

/** Blank text clears an optional field; anything else is kept trimmed. */
const optionalText = z
  .string()
  .max(500, 'must be at most 500 characters')
  .nullable()
  .transform((value) => (value === null || value.trim() === '' ? null : value.trim()))
  .optional()

const correctionBody = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(500, 'must be at most 500 characters')
      .optional(),
    byline: optionalText,
    publisher: optionalText,
    publishedAt: z
      .string()
      .trim()
      .refine(isRealDate, 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD')
      .nullable()
      .optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'must change at least one field')

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
const POOL_ERRORS: Record<ImportPoolError['code'], { status: number; code: string }> = {
  busy: { status: 503, code: 'import-busy' },
  closed: { status: 503, code: 'server-stopping' },
  'timed-out': { status: 422, code: 'import-timeout' },
  'out-of-memory': { status: 413, code: 'import-out-of-memory' },
  crashed: { status: 500, code: 'import-crashed' },
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
  // This router is mounted before the API's general JSON parser, so it parses its own.
  const smallJson = express.json({ limit: 64 * 1024 })
  const perUser = new ImportsPerUser(IMPORTS_PER_USER)

  router.get('/:id/sources', async (req, res) => {
    const { briefing } = await ctx.access.require(authOf(res), req.params.id, 'read')
    const sources = await readDocument(ctx.registry, ctx.stores.documents, briefing.id, listSources)
    res.json({ sources })
  })

  router.post('/:id/sources', largeJson, async (req, res) => {
    const auth = authOf(res)
    const { briefing } = await ctx.access.require(auth, req.params.id, 'write')
    const body = parseInput(importBody, req.body, 'body')
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
    const release = perUser.take(auth.user.id)
    if (!release) {
      res.set('Retry-After', '5')
      throw new HttpError(
        429,
        'too-many-imports',
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
    const source = createSource(imported, {
      id: randomUUID(),
      addedBy: auth.user.name,
      retrievedAt: ctx.now().toISOString(),
      quotes: imported.quotes,
      people: imported.people,
    })
    if (cancelled) return
    // The same text imported again is the source already there, not a second copy. Checked on
    // the live document just before the add; two identical imports racing both land.
    const existing = await readDocument(ctx.registry, ctx.stores.documents, briefing.id, (doc) =>
      sourceWithContent(doc, source.contentHash),
    )
    if (existing) throw toSourceHttpError(new DuplicateSourceError(existing.id, existing.title))
    await addToDocument(ctx.registry, briefing.id, 'import source', (doc) => addSource(doc, source))
    await audit(ctx, req, {
      teamId: briefing.teamId,
      action: 'briefing.source_added',
      target: briefing.id,
      details: { sourceId: source.id, input: body.type, url: source.url },
    })
    res.status(201).json({ source })
  })

  /** Corrects what a citation prints of a source: title, byline, publisher, date. */
  router.patch('/:id/sources/:sourceId', smallJson, async (req, res) => {
    const { briefing } = await ctx.access.require(authOf(res), req.params.id, 'write')
    const changes = parseInput(correctionBody, req.body, 'body')
    const source = await editDocument(ctx.registry, briefing.id, 'correct source', (doc) =>
      correctSource(doc, req.params.sourceId, changes),
    ).catch(rethrowSourceError)
    await audit(ctx, req, {
      teamId: briefing.teamId,
      action: 'briefing.source_corrected',
      target: briefing.id,
      details: { sourceId: source.id, fields: Object.keys(changes) },
    })
    res.json({ source })
  })

  /** Removes a source no quote block or citation uses; 409 naming the uses otherwise. */
  router.delete('/:id/sources/:sourceId', async (req, res) => {
    const { briefing } = await ctx.access.require(authOf(res), req.params.id, 'write')
    const source = await editDocument(ctx.registry, briefing.id, 'remove source', (doc) =>
      removeUnusedSource(doc, req.params.sourceId),
    ).catch(rethrowSourceError)
    await audit(ctx, req, {
      teamId: briefing.teamId,
      action: 'briefing.source_removed',
      target: briefing.id,
      details: { sourceId: source.id, title: source.title },
    })
    res.status(204).end()
  })

  /** The server's own verdict on every quote block, as export will see it. */
  router.get('/:id/quotes/verification', async (req, res) => {
    const { briefing } = await ctx.access.require(authOf(res), req.params.id, 'read')
    const verdicts = await readDocument(ctx.registry, ctx.stores.documents, briefing.id, (doc) =>
      Object.fromEntries(verifyDocumentQuotes(doc)),
    )
    res.json({ quotes: verdicts })
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
      'too-large',
      `file is over the ${MAX_SOURCE_FILE_BYTES / 1024 / 1024} MiB limit`,
    )
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** The HTTP form of an error of managing sources (server/sources/manage.ts). */
function toSourceHttpError(err: unknown): unknown {
  if (err instanceof DuplicateSourceError)
    return new HttpError(409, err.code, err.message, undefined, { existingId: err.existingId })
  if (err instanceof SourceInUseError)
    return new HttpError(409, err.code, err.message, undefined, { uses: err.uses })
  if (err instanceof SourceNotFoundError) return new HttpError(404, err.code, err.message)
  if (err instanceof RangeError) return new HttpError(400, 'invalid_input', err.message)
  return err
}

function rethrowSourceError(err: unknown): never {
  throw toSourceHttpError(err)
}

function toHttpError(err: unknown, res: express.Response, ctx: AppContext): never {
  if (err instanceof SourceFetchError)
    throw new HttpError(FETCH_STATUS[err.code], err.code, err.message)
  if (err instanceof SourceImportError)
    throw new HttpError(IMPORT_STATUS[err.code], err.code, err.message)
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
