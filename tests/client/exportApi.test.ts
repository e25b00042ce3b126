/**
 * The export response contract as the client reads it: the file name from
 * Content-Disposition (as Express writes it), the unverified-quote count and warnings
 * headers (as the server encodes them), and errors in the server's words.
 */
import { createRequire } from 'node:module'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, ClientErrorCode } from '../../client/src/api/apiError'
import { EXPORT_FORMATS, fetchExport, readExportHeaders } from '../../client/src/api/export'
import { filenameFromContentDisposition } from '../../client/src/export/contentDisposition'
import { FORMAT_LABELS } from '../../client/src/export/formats'
import { unverifiedQuotesWarning } from '../../client/src/export/outcomeText'
import { exportFilename } from '../../server/export/filename'
import { FORMAT_SPECS, EXPORT_FORMATS as SERVER_FORMATS } from '../../server/export/formats'
import { encodeWarningsHeader } from '../../server/export/warningsHeader'

// The module Express's res.attachment() uses, so the tests read what the server really sends.
const contentDisposition = createRequire(import.meta.url)('content-disposition') as (
  filename: string,
) => string

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('filenameFromContentDisposition', () => {
  it.each([
    'Harbor closure.pdf',
    'Harbor closure #what $it means.pdf',
    'Київ і Одеса.docx',
    'Port of 上海 – notes.md',
    'Quote "unquote".html',
    'percent %20 sign.pdf',
    'emoji 🚢 ship.pdf',
  ])('reads back %s as Express writes it', (name) => {
    expect(filenameFromContentDisposition(contentDisposition(name))).toBe(name)
  })

  it('reads back names the server makes from awkward titles', () => {
    for (const title of [
      'Harbor closure: #what $it /means',
      '../../etc/passwd',
      'Ελληνικά; λιμάνι',
    ]) {
      const name = exportFilename(title, 'pdf')
      expect(filenameFromContentDisposition(contentDisposition(name))).toBe(name)
    }
  })

  it('prefers filename* and falls back to filename when filename* cannot be decoded', () => {
    expect(
      filenameFromContentDisposition(`attachment; filename="a.pdf"; filename*=UTF-8''%C3%A9.pdf`),
    ).toBe('é.pdf')
    expect(
      filenameFromContentDisposition(`attachment; filename*=UTF-8''%E0%A4.pdf; filename="a.pdf"`),
    ).toBe('a.pdf')
    expect(filenameFromContentDisposition(`attachment; filename*=ISO-8859-1''caf%E9.md`)).toBe(
      'café.md',
    )
  })

  it('reads tokens, odd spacing, case and value-less parameters', () => {
    expect(filenameFromContentDisposition('attachment; filename=plain.md')).toBe('plain.md')
    expect(filenameFromContentDisposition('ATTACHMENT;FILENAME = "x;y.pdf" ;size=3')).toBe(
      'x;y.pdf',
    )
    expect(filenameFromContentDisposition('attachment; inline; filename="b.pdf"')).toBe('b.pdf')
  })

  it('keeps only a bare file name', () => {
    expect(filenameFromContentDisposition('attachment; filename="../../etc/passwd"')).toBe('passwd')
    expect(filenameFromContentDisposition('attachment; filename="C:\\\\temp\\\\x.pdf"')).toBe(
      'x.pdf',
    )
    expect(filenameFromContentDisposition(`attachment; filename*=UTF-8''a%0Ab.pdf`)).toBe('ab.pdf')
  })

  it('gives null when there is no usable name', () => {
    for (const header of [null, '', 'attachment', 'attachment; filename=""', 'inline; filename=..'])
      expect(filenameFromContentDisposition(header)).toBeNull()
  })
})

describe('readExportHeaders', () => {
  it('reads the count and the warnings the server encodes', () => {
    const warnings = [
      'no font has a glyph for U+4E0A "上" (once); it prints as a blank box',
      'link “javascript:alert(1)” is not exported',
    ]
    const headers = new Headers({
      'X-Unverified-Quotes': '2',
      'X-Export-Warnings': encodeWarningsHeader(warnings),
    })
    expect(readExportHeaders(headers)).toEqual({ unverifiedQuotes: 2, warnings })
  })

  it('is all clear without the headers', () => {
    expect(readExportHeaders(new Headers())).toEqual({ unverifiedQuotes: 0, warnings: [] })
    expect(readExportHeaders(new Headers({ 'X-Unverified-Quotes': '0' }))).toEqual({
      unverifiedQuotes: 0,
      warnings: [],
    })
  })

  it('turns headers it cannot read into warnings, never into silence', () => {
    const { unverifiedQuotes, warnings } = readExportHeaders(
      new Headers({ 'X-Unverified-Quotes': 'many', 'X-Export-Warnings': '{"not":"a list"}' }),
    )
    expect(unverifiedQuotes).toBe(0)
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toMatch(/count of unverified quotes could not be read/)
    expect(warnings[1]).toMatch(/could not read/)
    expect(readExportHeaders(new Headers({ 'X-Export-Warnings': '[1, "x"]' })).warnings).toEqual([
      'The server reported export warnings this page could not read.',
    ])
  })
})

describe('fetchExport', () => {
  it('asks for the format with the session cookie and returns the file and its report', async () => {
    const fetchMock = vi.fn(
      async () =>
        new Response('%PDF-1.7', {
          status: 200,
          headers: {
            'Content-Type': 'application/pdf',
            'Content-Disposition': contentDisposition('Київ.pdf'),
            'X-Unverified-Quotes': '1',
          },
        }),
    )
    vi.stubGlobal('fetch', fetchMock)
    const file = await fetchExport('b/1', 'pdf')
    expect(fetchMock).toHaveBeenCalledWith('/api/briefings/b%2F1/export?format=pdf', {
      credentials: 'same-origin',
      signal: undefined,
    })
    expect(file.filename).toBe('Київ.pdf')
    expect(file.unverifiedQuotes).toBe(1)
    expect(file.warnings).toEqual([])
    expect(await file.blob.text()).toBe('%PDF-1.7')
    expect(file.blob.type).toBe('application/pdf')
  })

  it('names the file after the format when the server gives no name', async () => {
    vi.stubGlobal('fetch', async () => new Response('# x', { status: 200 }))
    expect((await fetchExport('b1', 'md')).filename).toBe('briefing.md')
  })

  it('rejects with the server’s message, e.g. Typst’s diagnostic', async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(
          JSON.stringify({
            error: { code: 'export_failed', message: 'error: unknown variable: nope' },
          }),
          { status: 500 },
        ),
    )
    await expect(fetchExport('b1', 'pdf')).rejects.toMatchObject({
      status: 500,
      code: 'export_failed',
      message: 'Error: unknown variable: nope.',
    })
  })

  it('reports a lost network as such, and lets an abort through as an abort', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch')
    })
    const err = await fetchExport('b1', 'docx').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).code).toBe(ClientErrorCode.Network)

    const controller = new AbortController()
    controller.abort()
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      init.signal?.throwIfAborted()
      return new Response('')
    })
    const aborted = await fetchExport('b1', 'html', { signal: controller.signal }).catch(
      (e: unknown) => e,
    )
    expect((aborted as Error).name).toBe('AbortError')
  })
})

describe('formats', () => {
  it('are the server’s formats, each named after its file extension', () => {
    expect([...EXPORT_FORMATS]).toEqual([...SERVER_FORMATS])
    for (const format of EXPORT_FORMATS) expect(FORMAT_SPECS[format].extension).toBe(format)
    expect(Object.keys(FORMAT_LABELS).sort()).toEqual([...EXPORT_FORMATS].sort())
    expect(FORMAT_LABELS.pdf.progress).toBe('Typesetting PDF…')
  })
})

describe('unverifiedQuotesWarning', () => {
  it('counts in words that agree with the number', () => {
    expect(unverifiedQuotesWarning(1)).toBe(
      '1 quote could not be verified and is marked UNVERIFIED in the export',
    )
    expect(unverifiedQuotesWarning(2)).toBe(
      '2 quotes could not be verified and are marked UNVERIFIED in the export',
    )
  })
})
