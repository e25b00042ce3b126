/**
 * PDF files, through unpdf (pdf.js). The pages' text is laid out into paragraphs (pdfLayout)
 * and goes through the plain-text importer, so header lines become metadata as in pasted text.
 * The info dictionary's title and author fill in what the text does not say.
 */

import { getDocumentProxy, getMeta } from 'unpdf'
import type { ImportedDocument, SourceKind } from '../../shared/sources/types'
import { SourceImportError } from './errors'
import { type Line, layoutText, pageLines } from './pdfLayout'
import { importText } from './textImporter'

/** An info-dictionary value worth using: not a file name or a placeholder. */
function usable(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  if (trimmed === '' || /^untitled\b/i.test(trimmed)) return null
  return /\.(?:docx?|pdf|indd|txt|rtf|odt)$/i.test(trimmed) ? null : trimmed
}

/** Imports a PDF named `filename`. */
export async function importPdf(
  bytes: Uint8Array,
  filename: string,
  options: { kind?: SourceKind; url?: string | null } = {},
): Promise<ImportedDocument> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>
  try {
    // verbosity 0: pdf.js would otherwise print font warnings on stdout.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 })
  } catch (error) {
    throw new SourceImportError(
      'unreadable',
      `${filename} is not a readable PDF: ${(error as Error).message}`,
    )
  }
  try {
    const pages: Line[][] = []
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n)
      pages.push(pageLines((await page.getTextContent()).items))
    }
    const text = layoutText(pages)
    if (text.trim() === '') {
      throw new SourceImportError(
        'empty',
        `${filename} has no text layer (a scanned PDF needs OCR)`,
      )
    }
    const info = ((await getMeta(pdf)).info ?? {}) as Record<string, unknown>
    return importText(text, {
      kind: options.kind,
      fallbackKind: 'document',
      known: { title: usable(info.Title), byline: usable(info.Author), url: options.url ?? null },
    })
  } finally {
    await pdf.destroy()
  }
}
