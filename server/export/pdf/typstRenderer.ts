/**
 * Typesetting a briefing as PDF with Typst, in process. One renderer keeps one compiler:
 * the first compile pays for loading fonts and the standard library (~300 ms); later ones
 * reuse Typst's memoised work and take tens of milliseconds.
 *
 * The template (templates/briefing.typ) is fixed text; the briefing goes in as JSON through
 * `sys.inputs`, so no user text is ever parsed as Typst. The compiler's project root is the
 * template folder, which holds nothing but templates, so even a template bug could not read
 * other files.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler'
import { ExportCompileError, type TypstDiagnostic } from '../errors'
import type { ExportModel } from '../model'
import { type ExportFonts, loadExportFonts, missingGlyphWarnings } from './fonts'

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

interface RawDiagnostic {
  message?: unknown
  severity?: unknown
  path?: unknown
  range?: unknown
}

export class TypstRenderer {
  private compiler: NodeCompiler | null = null
  private fonts: ExportFonts | null = null
  private readonly template: string

  constructor(private readonly templateDir: string = TEMPLATE_DIR) {
    this.template = fs.readFileSync(path.join(templateDir, TEMPLATE_FILE), 'utf8')
  }

  /** Typesets `model`. Throws ExportCompileError with Typst's diagnostics when it fails. */
  render(model: ExportModel): TypesetPdf {
    const { compiler, fonts } = this.ready()
    const data = JSON.stringify(model)
    const warnings = missingGlyphWarnings(data, fonts.coverage)
    const result = compiler.compile({ mainFileContent: this.template, inputs: { data } })
    try {
      if (result.hasError() || !result.result) {
        throw new ExportCompileError(this.diagnostics(result.takeError()))
      }
      for (const warning of this.diagnostics(result.takeWarnings())) {
        warnings.push(`typesetting: ${warning.message}`)
      }
      const document = result.result
      const pdf = this.writePdf(compiler, document, model)
      return { pdf, pages: document.numOfPages, warnings }
    } finally {
      compiler.evictCache(CACHE_MAX_AGE)
    }
  }

  /** Creates the compiler on first use, so a server that never exports PDF never pays. */
  private ready(): { compiler: NodeCompiler; fonts: ExportFonts } {
    if (!this.compiler || !this.fonts) {
      const fonts = loadExportFonts()
      this.compiler = NodeCompiler.create({
        workspace: this.templateDir,
        fontArgs: [{ fontBlobs: fonts.blobs }],
      })
      this.fonts = fonts
    }
    return { compiler: this.compiler, fonts: this.fonts }
  }

  private writePdf(
    compiler: NodeCompiler,
    document: NonNullable<ReturnType<NodeCompiler['compile']>['result']>,
    model: ExportModel,
  ): Buffer {
    try {
      return compiler.pdf(document, {
        creationTimestamp: Math.floor(Date.parse(model.meta.exportedAt) / 1000),
      })
    } catch (err) {
      // The binding throws errors with an empty message; its code carries the reason.
      const code = (err as { code?: unknown }).code
      const message = (err as Error).message || (code ? String(code) : 'unknown error')
      throw new ExportCompileError([
        {
          message: `writing the PDF failed: ${message}`,
          severity: 'error',
          path: null,
          range: null,
        },
      ])
    }
  }

  private diagnostics(error: { shortDiagnostics: unknown[] } | null): TypstDiagnostic[] {
    if (!error) return []
    return error.shortDiagnostics.map((raw) => {
      const d = raw as RawDiagnostic
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
