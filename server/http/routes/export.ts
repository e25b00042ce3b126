/**
 * REST: exporting a briefing as PDF, DOCX, Markdown or HTML.
 *
 *   GET /api/briefings/:id/export?format=pdf|docx|md|html[&comments=1]
 *
 * Needs the 'export' action. Answers the file as an attachment named after the title, with
 * `X-Unverified-Quotes: N` (quotes exported marked UNVERIFIED) on every format and
 * `X-Export-Warnings: [...]` (a JSON array) when anything was not exported as written.
 * A PDF the template cannot typeset is a 500 carrying Typst's diagnostic.
 */
import { Router } from 'express'
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
import { type AppContext, audit, authOf } from '../context'
import { HttpError } from '../errors'
import { parseInput } from '../validate'

const exportQuery = z
  .object({
    format: z.enum(EXPORT_FORMATS).default('pdf'),
    /** `1`: open comment threads as real Word comments (DOCX only). */
    comments: z.enum(['0', '1']).default('0'),
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
    const { format, comments } = parseInput(exportQuery, req.query, 'query')
    const { briefing } = await ctx.access.require(authOf(res), req.params.id, 'export')
    const facts = await briefingFacts(ctx.stores, briefing)
    const threads = comments === '1' ? await ctx.stores.comments.listThreads(briefing.id) : []
    const now = ctx.now()
    let rendered: Awaited<ReturnType<Exporter['render']>>
    try {
      const model = await readDocument(ctx.registry, ctx.stores.documents, briefing.id, (doc) => {
        // On the copy readDocument gives: the marks never reach the live document.
        const wordComments = markThreads(doc, threads)
        return { ...modelFromDoc(doc, ctx.schema, facts, now), wordComments }
      })
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
    await audit(ctx, req, {
      teamId: briefing.teamId,
      action: 'briefing.exported',
      target: briefing.id,
      details: {
        format,
        ...(threads.length > 0 ? { comments: true } : {}),
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
