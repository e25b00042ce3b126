/**
 * Word documents, through mammoth. Mammoth maps paragraphs to HTML by style; the Title and
 * Subtitle styles are mapped to headings so they come through, and the paragraphs then go
 * through the plain-text importer, so header lines become metadata as in pasted text.
 *
 * The archive is measured before mammoth opens it (docxArchive.ts) and the HTML mammoth
 * writes is measured before a DOM is built of it (htmlShape.ts): a .docx is small on the
 * wire and can be anything once inflated.
 */

import { parseHTML } from 'linkedom'
import mammoth from 'mammoth'
import type { ImportedDocument, SourceKind } from '../../shared/sources/types'
import { checkDocxArchive } from './docxArchive'
import { SourceImportError } from './errors'
import { htmlParagraphs } from './html/blocks'
import { checkHtmlShape } from './htmlShape'
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits'
import { normaliseParagraph } from './paragraphs'
import { importText } from './textImporter'

const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"]

// Sources are text: an image would only be inflated and base64-encoded into the HTML to be
// thrown away, so it is never read.
const NO_IMAGES = mammoth.images.imgElement(async () => ({ src: '' }))

/** Imports a .docx file named `filename`. */
export async function importDocx(
  bytes: Uint8Array,
  filename: string,
  options: { kind?: SourceKind; url?: string | null; limits?: ImportLimits } = {},
): Promise<ImportedDocument> {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS
  await checkDocxArchive(bytes, filename, limits)
  let html: string
  try {
    html = (
      await mammoth.convertToHtml(
        { buffer: Buffer.from(bytes) },
        { styleMap: STYLE_MAP, convertImage: NO_IMAGES },
      )
    ).value
  } catch (error) {
    throw new SourceImportError(
      'unreadable',
      `${filename} is not a readable .docx file: ${(error as Error).message}`,
    )
  }
  checkHtmlShape(html, filename, limits)
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  const paragraphs = htmlParagraphs(document.body as unknown as Node).map(normaliseParagraph)
  // Paragraphs are already known: one per block, so the text importer does not re-wrap them.
  return importText(paragraphs.filter((p) => p !== '').join('\n\n'), {
    kind: options.kind,
    fallbackKind: 'document',
    known: { url: options.url ?? null },
  })
}
