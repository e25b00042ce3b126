/**
 * The exporter: renders an export model in one of the formats. A server creates one and
 * keeps it (see server/http/routes/export.ts), because it owns the warm Typst compiler and
 * the thread it runs in; the CLI creates one per run. That thread never keeps a process
 * alive on its own, but an owner that is shutting down should close() the exporter.
 */
import { renderDocx } from './docx/renderDocx'
import { type ExportFormat, FORMAT_SPECS } from './formats'
import { renderHtml } from './html/renderHtml'
import { renderMarkdown } from './markdown'
import type { ExportModel } from './model'
import { TypstRenderer } from './pdf/typstRenderer'

/** A finished export. */
export interface RenderedExport {
  format: ExportFormat
  body: Buffer
  contentType: string
  extension: string
  /** Quote blocks exported as UNVERIFIED. */
  unverifiedQuotes: number
  /** The banner printed on every page (the portions' roll-up, or the typed marking), if any. */
  marking: string | null
  /** Everything the reader of the file should know was not exported as written. */
  warnings: string[]
  /** Pages, for PDF. */
  pages: number | null
  /** Time spent rendering (not building the model), in milliseconds. */
  renderMs: number
}

export interface ExporterOptions {
  /** Folder holding briefing.typ; the repository's templates/ by default. */
  templateDir?: string
}

export class Exporter {
  private readonly typst: TypstRenderer

  constructor(options: ExporterOptions = {}) {
    this.typst = new TypstRenderer(options.templateDir)
  }

  /** Renders `model` as `format`. PDF failures throw ExportCompileError. */
  async render(model: ExportModel, format: ExportFormat): Promise<RenderedExport> {
    const started = performance.now()
    const warnings = [...model.warnings]
    let body: Buffer
    let pages: number | null = null
    switch (format) {
      case 'pdf': {
        const typeset = await this.typst.render(model)
        body = typeset.pdf
        pages = typeset.pages
        warnings.push(...typeset.warnings)
        break
      }
      case 'docx':
        body = await renderDocx(model)
        break
      case 'md':
        body = Buffer.from(renderMarkdown(model), 'utf8')
        break
      case 'html':
        body = Buffer.from(renderHtml(model), 'utf8')
        break
    }
    const spec = FORMAT_SPECS[format]
    return {
      format,
      body,
      contentType: spec.contentType,
      extension: spec.extension,
      unverifiedQuotes: model.unverifiedQuotes,
      marking: model.meta.marking,
      warnings,
      pages,
      renderMs: performance.now() - started,
    }
  }

  /** Stops the PDF typesetting thread; PDF exports still waiting fail with ExportCompileError. */
  async close(): Promise<void> {
    await this.typst.close()
  }
}
