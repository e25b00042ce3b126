/**
 * REST: exporting a briefing as PDF, DOCX, Markdown or HTML.
 *
 *   GET /api/briefings/:id/export?format=pdf|docx|md|html[&comments=1][&version=ID]
 *
 * Needs the 'export' action. Without `version` it exports the document now and records that
 * state as an `export` version, whose id is the version hash the file prints, so "the PDF
 * that went out on Tuesday" can be opened from the history. With `version` it exports that
 * stored version (404 for an unknown id), printing its id. Answers the file as an attachment named after the title, with
 * `X-Unverified-Quotes: N` (quotes exported marked UNVERIFIED) on every format, `X-Marking`
 * (the banner every page prints, when there is one), and
 * `X-Export-Warnings: [...]` (a JSON array) when anything was not exported as written.
 * A PDF the template cannot typeset is a 500 carrying Typst's diagnostic.
 */
import { Router } from 'express'
import type * as Y from 'yjs'
import { z } from 'zod'
import { readDocument } from '../../collab/readDocument'
import {
  briefingFacts,
  EXPORT_FORMATS,
  ExportCompileError,
  Exporter,
  encodeWarningsHeader,
  exportFilename,
  InvalidDocumentError,
  modelFromDoc,
} from '../../export'
import { markThreads } from '../../export/wordComments'
import { errorField } from '../../log/logger'
import { type Snapshot, snapshotOf, withVersionDoc } from '../../versions/snapshot'
import { type AppContext, audit, authOf } from '../context'
import { HttpError } from '../errors'
import { parseInput } from '../validate'

const exportQuery = z
  .object({
    format: z.enum(EXPORT_FORMATS).default('pdf'),
    /** `1`: open comment threads as real Word comments (DOCX only). */
    comments: z.enum(['0', '1']).default('0'),
    version: z.string().min(1).max(64).optional(),
  })
  .strict()
  .refine((query) => query.comments === '0' || query.format === 'docx', {
    message: 'comments can be included in DOCX only',
    path: ['comments'],
  })

/**
 * The export routes. `exporter` holds the warm Typst compiler; one is created per router,
 * and the app creates one router per server.
 */
export function exportRouter(ctx: AppContext, exporter: Exporter = new Exporter()): Router {
  const router = Router()

  router.get('/:id/export', async (req, res) => {
    const { format, comments, version } = parseInput(exportQuery, req.query, 'query')
    const { briefing } = await ctx.access.require(authOf(res), req.params.id, 'export')
    const facts = await briefingFacts(ctx.stores, briefing)
    const threads = comments === '1' ? await ctx.stores.comments.listThreads(briefing.id) : []
    const now = ctx.now()
    let rendered: Awaited<ReturnType<Exporter['render']>>
    let snapshot: Snapshot | null = null
    try {
      // Threads are marked on the copy the model is built from: the marks never reach the
      // live document (nor the version snapshot, taken before them).
      const build = (doc: Y.Doc) => {
        const wordComments = markThreads(doc, threads)
        return { ...modelFromDoc(doc, ctx.schema, facts, now), wordComments }
      }
      const model = version
        ? withVersionDoc(await ctx.services.versions.stateOf(briefing.id, version), build)
        : await readDocument(ctx.registry, ctx.stores.documents, briefing.id, (doc) => {
            snapshot = snapshotOf(doc, ctx.schema)
            return build(doc)
          })
      // The stored id, not a re-hash of the state: the file names the version it came from.
      if (version) model.meta.version = version
      rendered = await exporter.render(model, format)
    } catch (err) {
      if (err instanceof ExportCompileError || err instanceof InvalidDocumentError) {
        ctx.log.error('export failed', {
          briefing: briefing.id,
          format,
          error: errorField(err),
          ...(err instanceof ExportCompileError ? { diagnostics: err.diagnostics } : {}),
        })
        throw new HttpError(500, 'export_failed', err.message)
      }
      throw err
    }
    // The state this file prints becomes a version. Failing to record it is logged, not
    // answered: the file is good, and the state is still in the document's history.
    const printed = snapshot as Snapshot | null
    const recorded =
      printed &&
      (await ctx.services.versions.record(briefing.id, printed, 'export').catch((err) => {
        ctx.log.error('recording the export version failed', {
          briefing: briefing.id,
          error: errorField(err),
        })
        return null
      }))
    await audit(ctx, req, {
      teamId: briefing.teamId,
      action: 'briefing.exported',
      target: briefing.id,
      details: {
        format,
        ...(threads.length > 0 ? { comments: true } : {}),
        version: version ?? recorded?.id ?? null,
        unverifiedQuotes: rendered.unverifiedQuotes,
        warnings: rendered.warnings.length,
      },
    })
    ctx.log.info('briefing exported', {
      briefing: briefing.id,
      format,
      bytes: rendered.body.length,
      pages: rendered.pages,
      renderMs: Math.round(rendered.renderMs),
    })
    res.set('X-Unverified-Quotes', String(rendered.unverifiedQuotes))
    if (rendered.marking !== null) res.set('X-Marking', markingHeader(rendered.marking))
    if (rendered.warnings.length > 0) {
      res.set('X-Export-Warnings', encodeWarningsHeader(rendered.warnings))
    }
    res.set('Cache-Control', 'no-store')
    res.attachment(exportFilename(briefing.title, rendered.extension))
    res.type(rendered.contentType)
    res.send(rendered.body)
  })

  return router
}

/** A header carries ASCII at most: a typed marking with other characters is percent-encoded. */
function markingHeader(marking: string): string {
  return /^[\x20-\x7e]*$/.test(marking) ? marking : encodeURIComponent(marking)
}
