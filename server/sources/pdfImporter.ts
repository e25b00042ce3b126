/**
 * PDF files, through unpdf (pdf.js). The pages' text is laid out into paragraphs (pdfLayout)
 * and goes through the plain-text importer, so header lines become metadata as in pasted text.
 * The info dictionary's title and author fill in what the text does not say.
 *
 * pdf.js parses lazily: opening a file reads its cross-reference table and page count, and
 * a broken page or font only throws when its text is asked for. Every pdf.js call is
 * therefore inside a `try` that turns its exception into an "unreadable" error, and the page
 * count is checked before any page is read.
 */

import { getDocumentProxy, getMeta } from 'unpdf'
import type { ImportedDocument, SourceKind } from '../../shared/sources/types'
import { SourceImportError } from './errors'
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits'
import { type Line, layoutText, pageLines } from './pdfLayout'
import { statedPageCount } from './pdfPageCount'
import { importText } from './textImporter'

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>

/** An info-dictionary value worth using: not a file name or a placeholder. */
function usable(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  if (trimmed === '' || /^untitled\b/i.test(trimmed)) return null
  return /\.(?:docx?|pdf|indd|txt|rtf|odt)$/i.test(trimmed) ? null : trimmed
}

function unreadable(filename: string, error: unknown, where = ''): SourceImportError {
  const reason = error instanceof Error ? error.message : String(error)
  return new SourceImportError('unreadable', `${filename} is not a readable PDF${where}: ${reason}`)
}

/** The text of every page, laid out; pdf.js's exceptions become SourceImportErrors. */
async function pagesText(pdf: PdfDocument, filename: string): Promise<string> {
  const pages: Line[][] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    try {
      const page = await pdf.getPage(n)
      pages.push(pageLines((await page.getTextContent()).items))
    } catch (error) {
      throw unreadable(filename, error, ` (page ${n})`)
    }
  }
  return layoutText(pages)
}

/** The info dictionary; a broken one only loses the title and author it could have given. */
async function info(pdf: PdfDocument): Promise<Record<string, unknown>> {
  try {
    return ((await getMeta(pdf)).info ?? {}) as Record<string, unknown>
  } catch {
    return {}
  }
}

function tooManyPages(filename: string, pages: number, maxPages: number): SourceImportError {
  return new SourceImportError(
    'too-large',
    `${filename} has ${pages.toLocaleString('en')} pages; a source may have at most ${maxPages.toLocaleString('en')}`,
  )
}

/** Imports a PDF named `filename`. */
export async function importPdf(
  bytes: Uint8Array,
  filename: string,
  options: { kind?: SourceKind; url?: string | null; limits?: ImportLimits } = {},
): Promise<ImportedDocument> {
  const maxPages = (options.limits ?? DEFAULT_IMPORT_LIMITS).maxPdfPages
  const stated = statedPageCount(bytes)
  if (stated !== null && stated > maxPages) throw tooManyPages(filename, stated, maxPages)
  let pdf: PdfDocument
  try {
    // verbosity 0: pdf.js would otherwise print font warnings on stdout.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 })
  } catch (error) {
    throw unreadable(filename, error)
  }
  try {
    if (pdf.numPages > maxPages) throw tooManyPages(filename, pdf.numPages, maxPages)
    const text = await pagesText(pdf, filename)
    if (text.trim() === '') {
      throw new SourceImportError(
        'empty',
        `${filename} has no text layer (a scanned PDF needs OCR)`,
      )
    }
    const meta = await info(pdf)
    return importText(text, {
      kind: options.kind,
      fallbackKind: 'document',
      known: { title: usable(meta.Title), byline: usable(meta.Author), url: options.url ?? null },
    })
  } finally {
    await pdf.destroy().catch(() => {})
  }
}
