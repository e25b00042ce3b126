/**
 * Hostile source files of the red-team pass (issue 16, item 1), built in code so no binary
 * fixture is committed: deep HTML, HTML with a huge element count, .docx archives that
 * inflate far past their size (honestly declared, or lying in their headers), PDFs with many
 * pages and a malformed one. The tests and the "edit latency during a hostile import" bench
 * use the same files.
 */
import JSZip from 'jszip'
import { makeDocx, makePdf } from '../sources/makeDocuments'

/** One paragraph inside `depth` nested divs: Readability's cleaning grows faster than depth². */
export function nestedDivs(depth: number): Uint8Array {
  const html = `<!doctype html><html><body>${'<div>'.repeat(depth)}<p>“We will not comment,” said the spokesperson.</p>${'</div>'.repeat(depth)}</body></html>`
  return new TextEncoder().encode(html)
}

/** A flat page of `count` short paragraphs: parses in seconds, with no depth at all. */
export function manyParagraphs(count: number): Uint8Array {
  const body = Array.from({ length: count }, (_, i) => `<p>Item ${i}.</p>`).join('')
  return new TextEncoder().encode(
    `<!doctype html><html><body><article>${body}</article></body></html>`,
  )
}

/** A page of `count` empty elements: tiny on the wire, a DOM of `count` nodes. */
export function manyElements(count: number): Uint8Array {
  return new TextEncoder().encode(
    `<!doctype html><html><body>${'<br>'.repeat(count)}</body></html>`,
  )
}

const WORD_PARAGRAPH =
  '<w:p><w:r><w:t xml:space="preserve">The committee met again and said nothing new. </w:t></w:r></w:p>'

/**
 * A real .docx whose body XML is about `xmlBytes` long: one repeated paragraph, so it deflates
 * a few hundredfold (a 16 MiB body is ~60 KiB on the wire).
 */
export async function docxWithXml(xmlBytes: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await makeDocx([{ runs: ['placeholder'] }]))
  const original = await zip.file('word/document.xml')!.async('string')
  const count = Math.max(1, Math.floor(xmlBytes / WORD_PARAGRAPH.length))
  const body = WORD_PARAGRAPH.repeat(count)
  const xml = original.replace(/<w:body>[\s\S]*?(<w:sectPr)/, `<w:body>${body}$1`)
  zip.file('word/document.xml', xml)
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

/**
 * A .docx whose headers claim its body XML inflates to `declared` bytes when it really
 * inflates to about `xmlBytes`: the zip bomb that a check of declared sizes alone would let in.
 */
export async function lyingDocx(xmlBytes: number, declared = 1024): Promise<Uint8Array> {
  const bytes = Buffer.from(await docxWithXml(xmlBytes))
  const name = Buffer.from('word/document.xml')
  for (let at = 0; at < bytes.length - 46; at++) {
    const signature = bytes.readUInt32LE(at)
    if (signature === 0x02014b50 && bytes.subarray(at + 46, at + 46 + name.length).equals(name)) {
      bytes.writeUInt32LE(declared, at + 24)
    } else if (
      signature === 0x04034b50 &&
      bytes.subarray(at + 30, at + 30 + name.length).equals(name)
    ) {
      bytes.writeUInt32LE(declared, at + 22)
    }
  }
  return new Uint8Array(bytes)
}

/** A PDF of `pages` small pages with a word each. */
export function pdfWithPages(pages: number): Uint8Array {
  const words = Array.from({ length: pages }, (_, i) => `page${i}`)
  return makePdf(`#set page(width: 5cm, height: 3cm)\n${words.join('\n#pagebreak()\n')}`)
}

/** A PDF whose page tree promises a page it does not have: pdf.js throws reading page 1. */
export function malformedPdf(): Uint8Array {
  return new TextEncoder().encode(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 1>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF',
  )
}
