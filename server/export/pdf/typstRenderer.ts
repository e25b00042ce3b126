/**
 * Typesetting a briefing as PDF with Typst. One renderer keeps one compiler, warm, in a
 * worker thread (typstWorker.ts), so typesetting never stalls the editing sessions that
 * share this process: the first compile pays for starting the thread, loading fonts and the
 * standard library (~1 s for 100 pages); later ones reuse Typst's memoised work.
 *
 * The template (templates/briefing.typ) is fixed text; the briefing goes in as JSON through
 * `sys.inputs`, so no user text is ever parsed as Typst. The compiler's project root is the
 * template folder, which holds nothing but templates, so even a template bug could not read
 * other files. What the compiler says is turned into errors and warnings here, on the main
 * thread; the thread only compiles.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ExportCompileError, type TypstDiagnostic } from '../errors'
import type { ExportModel } from '../model'
import type { Coverage } from './cmap'
import { exportFontFiles, loadExportCoverage, missingGlyphWarnings } from './fonts'
import { type RawDiagnostic, TypstWorker, TypstWorkerError } from './typstWorker'

/** The folder holding briefing.typ. */
export const TEMPLATE_DIR = fileURLToPath(new URL('../../../templates/', import.meta.url))
const TEMPLATE_FILE = 'briefing.typ'

/** Typst's memoisation cache keeps results this many compiles unused before dropping them. */
const CACHE_MAX_AGE = 10

export interface TypesetPdf {
  pdf: Buffer
  pages: number
  /** Compiler warnings and characters no font could show. */
  warnings: string[]
}

export interface TypstRendererOptions {
  /** The typesetting thread's code; tests swap in a wrapper that can crash on demand. */
  workerEntry?: URL
}

export class TypstRenderer {
  private readonly template: string
  /** Created with the coverage on first use, so a server that never exports PDF never pays. */
  private worker: TypstWorker | null = null
  private coverage: Coverage | null = null

  constructor(
    private readonly templateDir: string = TEMPLATE_DIR,
    private readonly options: TypstRendererOptions = {},
  ) {
    this.template = fs.readFileSync(path.join(templateDir, TEMPLATE_FILE), 'utf8')
  }

  /** Typesets `model`. Rejects with ExportCompileError, with Typst's diagnostics, on failure. */
  async render(model: ExportModel): Promise<TypesetPdf> {
    const { worker, coverage } = this.ready()
    const data = JSON.stringify(model)
    const warnings = missingGlyphWarnings(data, coverage)
    const reply = await worker
      .compile({
        mainFileContent: this.template,
        inputs: { data },
        creationTimestamp: Math.floor(Date.parse(model.meta.exportedAt) / 1000),
      })
      .catch((err: unknown) => {
        // A thread that died mid-compile is this export's failure, reported like any other.
        if (err instanceof TypstWorkerError) throw new ExportCompileError([problem(err.message)])
        throw err
      })
    switch (reply.outcome) {
      case 'pdf':
        for (const warning of this.diagnostics(reply.warnings)) {
          warnings.push(`typesetting: ${warning.message}`)
        }
        return { pdf: Buffer.from(reply.pdf), pages: reply.pages, warnings }
      case 'diagnostics':
        throw new ExportCompileError(this.diagnostics(reply.diagnostics))
      case 'failed': {
        const what = reply.stage === 'pdf' ? 'writing the PDF' : 'the compiler'
        throw new ExportCompileError([problem(`${what} failed: ${reply.message}`)])
      }
    }
  }

  /** Stops the typesetting thread; exports still waiting fail. A later render restarts it. */
  async close(): Promise<void> {
    await this.worker?.close()
  }

  private ready(): { worker: TypstWorker; coverage: Coverage } {
    if (!this.worker || !this.coverage) {
      this.coverage = loadExportCoverage()
      this.worker = new TypstWorker({
        workspace: this.templateDir,
        fontFiles: exportFontFiles(),
        cacheMaxAge: CACHE_MAX_AGE,
        entry: this.options.workerEntry,
      })
    }
    return { worker: this.worker, coverage: this.coverage }
  }

  private diagnostics(raw: RawDiagnostic[]): TypstDiagnostic[] {
    return raw.map((d) => {
      const file =
        typeof d.path === 'string' && d.path ? path.relative(this.templateDir, d.path) : null
      return {
        message: typeof d.message === 'string' ? d.message : String(d.message),
        severity: d.severity === 2 || d.severity === 'warning' ? 'warning' : 'error',
        path: file,
        range: d.range == null ? null : String(d.range),
      }
    })
  }
}

/** A failure outside the template, as the one diagnostic of an ExportCompileError. */
function problem(message: string): TypstDiagnostic {
  return { message, severity: 'error', path: null, range: null }
}
