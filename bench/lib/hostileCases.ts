/**
 * The hostile files of the "edit latency during a hostile import" scenario, by the names
 * bench/config.ts lists them under (tests/hostile/hostileFiles.ts builds them): some the caps
 * refuse at once, others the worst each format can be and still be within every cap.
 */
import {
  docxWithXml,
  lyingDocx,
  manyParagraphs,
  nestedDivs,
  pdfWithPages,
} from '../../tests/hostile/hostileFiles'
import { article } from './article'
import { articleHtml, reportPdf } from './largeSources'

const MiB = 1024 * 1024

export const HOSTILE_CASES = {
  'nested-divs-1000': async () => ({ filename: 'deep.html', bytes: nestedDivs(1_000) }),
  'paragraphs-90000': async () => ({ filename: 'wide.html', bytes: manyParagraphs(90_000) }),
  'paragraphs-2000': async () => ({ filename: 'page.html', bytes: manyParagraphs(2_000) }),
  'docx-bomb-40MiB': async () => ({ filename: 'bomb.docx', bytes: await docxWithXml(40 * MiB) }),
  'docx-lying-8MiB': async () => ({ filename: 'liar.docx', bytes: await lyingDocx(8 * MiB) }),
  'docx-8MiB-xml': async () => ({ filename: 'big.docx', bytes: await docxWithXml(8 * MiB - 4096) }),
  'pdf-10000-pages': async () => ({ filename: 'huge.pdf', bytes: pdfWithPages(10_000) }),
  'pdf-2000-pages': async () => ({ filename: 'long.pdf', bytes: pdfWithPages(2_000) }),
  // The pasted-text case of the red-team pass (14 MiB), as a .txt upload: a news article
  // with quotations in the usual forms, repeated.
  'text-14MiB': async () => ({
    filename: 'wire.txt',
    bytes: repeatedText(article(10_000), 14 * MiB),
  }),
  // Not hostile: the large ordinary files of the import-under-load scenario.
  'report-pdf-10MB': async () => ({ filename: 'report.pdf', bytes: reportPdf(10_000_000) }),
  'article-html-5MB': async () => ({ filename: 'article.html', bytes: articleHtml(5_000_000) }),
} as const

export type HostileCase = keyof typeof HOSTILE_CASES

function repeatedText(paragraphs: string[], bytes: number): Uint8Array {
  const once = `${paragraphs.join('\n\n')}\n\n`
  return new TextEncoder().encode(once.repeat(Math.floor(bytes / Buffer.byteLength(once))))
}
