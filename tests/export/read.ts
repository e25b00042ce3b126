/** Reading exported files back: PDF text and pages, DOCX parts, and page 1 as pixels. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import JSZip from 'jszip'
import { extractText, getDocumentProxy } from 'unpdf'

/** The PDF's text, pages joined, whitespace collapsed to single spaces. */
export async function pdfText(pdf: Uint8Array): Promise<{ text: string; pages: number }> {
  const doc = await getDocumentProxy(new Uint8Array(pdf))
  const { text, totalPages } = await extractText(doc, { mergePages: true })
  return { text: text.replace(/\s+/g, ' '), pages: totalPages }
}

/** Page count as poppler's pdfinfo reads it (an independent reader from pdf.js). */
export function pdfinfoPages(pdf: Uint8Array): number {
  // stderr is dropped: poppler complains about Typst's tagged-PDF /Suspects entry, harmlessly.
  const info = execFileSync('pdfinfo', ['-'], {
    input: pdf,
    stdio: ['pipe', 'pipe', 'ignore'],
  }).toString()
  const match = /^Pages:\s+(\d+)/m.exec(info)
  if (!match) throw new Error(`pdfinfo printed no page count:\n${info}`)
  return Number(match[1])
}

export interface DocxParts {
  document: string
  footnotes: string
  styles: string
  /** Every header part, then every footer part, concatenated. */
  headers: string
  footers: string
}

/** The XML parts of a .docx that tests read (empty strings when absent). */
export async function docxParts(docx: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(docx)
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? ''
  const all = async (pattern: RegExp) =>
    (await Promise.all(zip.file(pattern).map((file) => file.async('string')))).join('')
  return {
    document: await read('word/document.xml'),
    footnotes: await read('word/footnotes.xml'),
    styles: await read('word/styles.xml'),
    headers: await all(/^word\/header\d*\.xml$/),
    footers: await all(/^word\/footer\d*\.xml$/),
  }
}

/** The visible text of a WordprocessingML part: its w:t runs, in order. */
export function wordText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1]!)).join('')
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

export interface PageImage {
  png: string
  /** Share of pixels darker than near-white, 0..1. */
  inkRatio: number
}

/**
 * Renders page 1 at 60 dpi: a PNG kept as an artifact for people to look at, and a
 * grayscale PGM (a trivial format) to measure how much of the page is ink.
 */
export function renderFirstPage(pdf: Uint8Array, artifactName: string): PageImage {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-page-'))
  const input = path.join(dir, 'in.pdf')
  fs.writeFileSync(input, pdf)
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    input,
    path.join(dir, 'page'),
  ])
  execFileSync('pdftoppm', [
    '-gray',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    input,
    path.join(dir, 'page'),
  ])
  const artifacts = path.resolve('test-artifacts')
  fs.mkdirSync(artifacts, { recursive: true })
  const png = path.join(artifacts, `${artifactName}.png`)
  fs.copyFileSync(path.join(dir, 'page.png'), png)
  const inkRatio = pgmInkRatio(fs.readFileSync(path.join(dir, 'page.pgm')))
  fs.rmSync(dir, { recursive: true, force: true })
  return { png, inkRatio }
}

/** Reads a binary PGM (P5, 8-bit) and counts pixels below 240. */
function pgmInkRatio(pgm: Buffer): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'))
  if (!header) throw new Error('not a binary PGM')
  const width = Number(header[1])
  const height = Number(header[2])
  const pixels = pgm.subarray(header[0].length, header[0].length + width * height)
  let ink = 0
  for (const value of pixels) if (value < 240) ink++
  return ink / (width * height)
}

/** Each page's text, whitespace collapsed to single spaces. */
export async function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  // pdf.js takes ownership of (detaches) the buffer it is given, so it gets a copy.
  const doc = await getDocumentProxy(new Uint8Array(pdf))
  const { text } = await extractText(doc, { mergePages: false })
  return text.map((page) => page.replace(/\s+/g, ' '))
}

/** Pixels of page 1 at 60 dpi (RGB, 3 bytes each) that are within `tolerance` of `rgb`. */
export function pixelsNear(pdf: Uint8Array, rgb: [number, number, number], tolerance = 12): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-page-'))
  const input = path.join(dir, 'in.pdf')
  fs.writeFileSync(input, pdf)
  execFileSync('pdftoppm', [
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    input,
    path.join(dir, 'page'),
  ])
  const ppm = fs.readFileSync(path.join(dir, 'page.ppm'))
  fs.rmSync(dir, { recursive: true, force: true })
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'))
  if (!header) throw new Error('not a binary PPM')
  const pixels = ppm.subarray(header[0].length)
  let near = 0
  for (let i = 0; i + 2 < pixels.length; i += 3) {
    const close = [0, 1, 2].every((c) => Math.abs(pixels[i + c]! - rgb[c]!) <= tolerance)
    if (close) near++
  }
  return near
}
