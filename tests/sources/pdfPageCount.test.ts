import { describe, expect, it } from 'vitest'
import { SourceImportError } from '../../server/sources/errors'
import { importPdf } from '../../server/sources/pdfImporter'
import { statedPageCount } from '../../server/sources/pdfPageCount'
import { pdfWithPages } from '../hostile/hostileFiles'

const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'))

describe('a PDF page count read from the bytes', () => {
  it('[PPC1] reads the largest /Count of a Pages dictionary, and only inside it', () => {
    expect(statedPageCount(pdfWithPages(4))).toBe(4)
    const tree = latin1(
      '%PDF-1.7\n1 0 obj\n<< /Kids [2 0 R 3 0 R] /Count 7 /Type /Pages >>\nendobj\n' +
        '2 0 obj\n<</Type/Pages/Parent 1 0 R/Count 3/Kids[]>>\nendobj\n' +
        // An outline's /Count is no page count, nor is a number past the dictionary's end.
        '4 0 obj\n<< /Type /Outlines /Count 90000 >>\nendobj\n' +
        '5 0 obj\n<< /Type /Pages /Kids [] >> /Count 80000\nendobj\n' +
        '6 0 obj\n<< /Type /PagesX /Count 70000 >>\nendobj\n',
    )
    expect(statedPageCount(tree)).toBe(7)
    // A page tree inside a compressed object stream states nothing readable.
    expect(
      statedPageCount(latin1('%PDF-1.7\n1 0 obj\n<< /Type /ObjStm /N 3 >>\nstream\nx\x9c')),
    ).toBe(null)
  })

  it('[PPC2] a PDF stating more pages than the cap is refused before pdf.js opens it', async () => {
    // No catalog and no cross-reference table: pdf.js could not open this file at all, so
    // only the count read from the bytes can refuse it for its size.
    const bytes = latin1(
      '%PDF-1.7\n1 0 obj\n<< /Type /Pages /Count 5000 /Kids [] >>\nendobj\n%%EOF',
    )
    const refusal = await importPdf(bytes, 'huge.pdf').then(
      () => null,
      (error: unknown) => error,
    )
    expect(refusal).toBeInstanceOf(SourceImportError)
    expect(refusal).toMatchObject({
      code: 'too-large',
      message: 'huge.pdf has 5,000 pages; a source may have at most 2,000',
    })
    // Within the cap, pdf.js decides as before: this one it cannot read.
    const small = latin1('%PDF-1.7\n1 0 obj\n<< /Type /Pages /Count 5 /Kids [] >>\nendobj\n%%EOF')
    await expect(importPdf(small, 'small.pdf')).rejects.toMatchObject({ code: 'unreadable' })
  })
})
