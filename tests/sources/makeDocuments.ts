/**
 * Builds PDF and DOCX files for round-trip tests, so no binary fixture has to be committed:
 * PDFs with the typst compiler, Word documents with the `docx` package.
 */

import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler'
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'

/** Escapes text for typst markup (every markup character gets a backslash). */
export function typstText(text: string): string {
  return text.replace(/[\\#*_$@<>[\]`~/=+\-{}]/g, (ch) => `\\${ch}`)
}

/** A PDF typeset from typst markup. */
export function makePdf(markup: string): Uint8Array {
  const compiler = NodeCompiler.create()
  try {
    return new Uint8Array(compiler.pdf({ mainFileContent: markup }))
  } finally {
    compiler.evictCache(0)
  }
}

/** One paragraph of a Word document: a Title-styled line, or runs of text (some bold). */
export type DocxParagraph = { title: string } | { runs: (string | { bold: string })[] }

/** A .docx file with these paragraphs and core properties. */
export async function makeDocx(
  paragraphs: DocxParagraph[],
  properties: { title?: string; creator?: string } = {},
): Promise<Uint8Array> {
  const document = new Document({
    ...properties,
    sections: [
      {
        children: paragraphs.map((p) =>
          'title' in p
            ? new Paragraph({ text: p.title, heading: HeadingLevel.TITLE })
            : new Paragraph({
                children: p.runs.map((r) =>
                  typeof r === 'string'
                    ? new TextRun(r)
                    : new TextRun({ text: r.bold, bold: true }),
                ),
              }),
        ),
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(document))
}
