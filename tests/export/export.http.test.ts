/**
 * [EX] Exporting a briefing over HTTP. The briefing is written by a real y-websocket client
 * (tests/export/fixture.ts) and each format is read back with an independent reader: pdf.js
 * (unpdf) and poppler for PDF, the zip's XML for DOCX, the text itself for Markdown, and
 * linkedom for HTML.
 */

import { once } from 'node:events'
import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import express from 'express'
import { parseHTML } from 'linkedom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AccessControl } from '../../server/auth/access'
import { Exporter } from '../../server/export'
import type { AppContext } from '../../server/http/context'
import { errorHandler } from '../../server/http/errors'
import { exportRouter } from '../../server/http/routes/export'
import { briefingSchema } from '../../shared/schema/schema'
import { captureLogger, startTestServer, type TestServer, tempDir } from '../helpers/server'
import { signUp } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'
import { createExportBriefing, type ExportBriefing, MARKUP_TEXT, tamperQuoteText } from './fixture'
import { docxParts, pdfinfoPages, pdfText, renderFirstPage, wordText } from './read'

const FORMATS = ['pdf', 'docx', 'md', 'html'] as const

/** Positions of `needles` in `text`, asserting each is present and they come in order. */
function expectInOrder(text: string, needles: string[]): void {
  let from = 0
  for (const needle of needles) {
    const at = text.indexOf(needle, from)
    expect(at, `"${needle}" after position ${from}`).toBeGreaterThanOrEqual(0)
    from = at + needle.length
  }
}

async function download(b: ExportBriefing, format: string) {
  const res = await b.owner.api(`/api/briefings/${b.briefingId}/export?format=${format}`)
  const body = Buffer.from(await res.arrayBuffer())
  return { res, body }
}

describe('export over HTTP', () => {
  let server: TestServer
  let briefing: ExportBriefing

  beforeAll(async () => {
    server = await startTestServer()
    briefing = await createExportBriefing(server, { marking: 'OFFICIAL-SENSITIVE' })
  })
  afterAll(async () => {
    briefing.client.destroy()
    await server.close()
  })

  it('[EX1] PDF: title block, body in order, one note per citation, notes and Sources', async () => {
    const { res, body } = await download(briefing, 'pdf')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="Harbor closure #what $it means.pdf"',
    )
    expect(res.headers.get('x-unverified-quotes')).toBe('0')
    expect(body.subarray(0, 5).toString()).toBe('%PDF-')
    const { text, pages } = await pdfText(body)
    expect(pages).toBe(pdfinfoPages(body))
    expectInOrder(text, [
      'OFFICIAL-SENSITIVE',
      'Harbor closure: #what $it /means',
      'AUTHORS Ada Analyst',
      'VERSION',
      'Summary',
      'the northern breakwater.1 Officials were cautious',
      '“We will reopen on Monday” — Ana Lima, Port Director2',
      'Київ і Одеса: порт відкриється. Ελληνικά: λιμάνι.',
      '“Порт відкриється в понеділок” — Олена Іваненко, речниця3',
      'Markup',
      '• Watch the reopening',
      '1. Nested first',
      'bracing for large claims.4',
      'Sources',
      '1. Jo Smith. “Harbor Closes after Storm.” Coastal Times, March 5, 2024.',
      '2. “Заява щодо порту.” Міністерство інфраструктури',
      // Every citation its own footnote, with its own paragraph: the full note the first
      // time a source is cited (publisher, title, date, access date, URL), short after.
      '1Jo Smith, “Harbor Closes after Storm,” Coastal Times, March 5, 2024, para. 2, accessed March 6, 2024, https://news.example/',
      '2Jo Smith, para. 3.',
      '3“Заява щодо порту” (Міністерство інфраструктури, March 5, 2024), para. 2, accessed March 6, 2024',
      '4Jo Smith, “Harbor Closes after Storm,” para. 4.',
      'OFFICIAL-SENSITIVE',
      'Page 1 of 1',
    ])
    // No note lists several paragraphs: each citation says where its own words are.
    expect(text).not.toContain('paras.')
    expect(text).not.toContain('UNVERIFIED')
  })

  it('[EX2] DOCX: Word heading and Quote styles, real footnotes, Sources list', async () => {
    const { res, body } = await download(briefing, 'docx')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain('.docx"')
    expect(res.headers.get('x-unverified-quotes')).toBe('0')
    const { document, footnotes, styles, headers, footers } = await docxParts(body)
    expect(document).toContain('<w:pStyle w:val="Title"/>')
    expect(document).toContain('<w:pStyle w:val="Heading1"/>')
    expect(document).toContain('<w:pStyle w:val="Heading2"/>')
    expect(document.match(/<w:pStyle w:val="Quote"\/>/g)).toHaveLength(2)
    expect(styles).toContain('w:styleId="Quote"')
    // Every citation is a real Word footnote, the harbor source's three as well: four
    // references in the body, four notes in word/footnotes.xml.
    expect(document.match(/<w:footnoteReference w:id="(\d+)"\/>/g)).toEqual([
      '<w:footnoteReference w:id="1"/>',
      '<w:footnoteReference w:id="2"/>',
      '<w:footnoteReference w:id="3"/>',
      '<w:footnoteReference w:id="4"/>',
    ])
    // No typed superscript number stands in for a note.
    expect(document).not.toContain('<w:vertAlign w:val="superscript"/>')
    const footnoteIds = [...footnotes.matchAll(/<w:footnote\b[^>]*w:id="(\d+)"/g)].map((m) => m[1])
    expect(footnoteIds.filter((id) => Number(id) > 0)).toEqual(['1', '2', '3', '4'])
    const bodyText = wordText(document)
    expectInOrder(bodyText, [
      'Harbor closure: #what $it /means',
      'Summary',
      'damaged the northern breakwater.',
      '“We will reopen on Monday”',
      '— Ana Lima, Port Director',
      'Київ і Одеса',
      '“Порт відкриється в понеділок”',
      '— Олена Іваненко, речниця',
      MARKUP_TEXT,
      'Sources',
      '1.\tJo Smith. “Harbor Closes after Storm.”',
      '2.\t“Заява щодо порту.”',
    ])
    const notes = wordText(footnotes)
    expectInOrder(notes, [
      'Jo Smith, “Harbor Closes after Storm,” Coastal Times, March 5, 2024, para. 2',
      'Jo Smith, para. 3.',
      '“Заява щодо порту” (Міністерство інфраструктури',
      'Jo Smith, “Harbor Closes after Storm,” para. 4.',
    ])
    // The handling marking is in the page header and footer, with "Page N of M".
    expect(wordText(headers)).toBe('OFFICIAL-SENSITIVE')
    expect(wordText(footers)).toContain('OFFICIAL-SENSITIVE')
    expect(footers).toMatch(/PAGE[\s\S]*NUMPAGES/)
  })

  it('[EX3] Markdown: quotes as > blocks with attribution, [^n] footnotes, Sources', async () => {
    const { res, body } = await download(briefing, 'md')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    const md = body.toString('utf8')
    expectInOrder(md, [
      '**OFFICIAL-SENSITIVE**',
      '# Harbor closure: #what \\$it /means',
      '## Summary',
      'damaged the northern breakwater.[^1] Officials were *cautious*',
      '> “We will reopen on Monday”\n>\n> — Ana Lima, Port Director[^2]',
      '> “Порт відкриється в понеділок”\n>\n> — Олена Іваненко, речниця[^3]',
      '### Markup',
      // Markup-like text is escaped, so it renders as written.
      'Literal: #read("/etc/passwd") \\$x^2\\$ \\*bold\\* \\_under\\_ @ref \\<label> back\\\\slash',
      '- Watch the reopening\n- Check the claims\n  1. Nested first\n  2. Nested second',
      'large claims.[^4]',
      '## Sources\n\n1. Jo Smith.',
      '[^1]: Jo Smith, “Harbor Closes after Storm,” *Coastal Times*, March 5, 2024, para. 2',
      '[^2]: Jo Smith, para. 3.',
      '[^3]: “Заява щодо порту”',
      '[^4]: Jo Smith, “Harbor Closes after Storm,” para. 4.',
    ])
    expect(md.match(/^\[\^\d+\]:/gm)).toHaveLength(4)
  })

  it('[EX4] HTML: standalone, styled, every piece of user text escaped', async () => {
    const { res, body } = await download(briefing, 'html')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = body.toString('utf8')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<style>')
    expect(html).not.toMatch(/<script|<link /i)
    const { document } = parseHTML(html)
    expect(document.querySelector('h1')?.textContent).toBe('Harbor closure: #what $it /means')
    const figures = [...document.querySelectorAll('figure.quote')]
    expect(figures.map((f) => f.getAttribute('data-status'))).toEqual(['verified', 'verified'])
    expect(figures[0]?.querySelector('figcaption')?.textContent).toBe('— Ana Lima, Port Director2')
    expect(document.body.textContent).toContain(MARKUP_TEXT)
    const notes = [...document.querySelectorAll('section.notes li')].map((li) => li.textContent)
    expect(notes).toHaveLength(4)
    expect(notes[0]).toContain('para. 2')
    expect(notes[3]).toBe('Jo Smith, “Harbor Closes after Storm,” para. 4.')
    const sources = [...document.querySelectorAll('section.sources li')].map((li) => li.id)
    expect(sources).toEqual(['source-1', 'source-2'])
  })

  it('[EX5] markup-like text prints literally in the PDF and reads no files', async () => {
    const { body } = await download(briefing, 'pdf')
    const { text } = await pdfText(body)
    expect(text).toContain(MARKUP_TEXT)
    expect(text).not.toContain('root:x:0:0')
    expect(text).not.toMatch(/\/bin\/(ba)?sh/)
  })

  it('[EX6] the request is checked, audited and answered with its format', async () => {
    const stranger = await signUp(server.url, { name: 'Stranger' })
    const hidden = await stranger.api(`/api/briefings/${briefing.briefingId}/export?format=pdf`)
    expect(hidden.status).toBe(404)
    const bad = await briefing.owner.api(`/api/briefings/${briefing.briefingId}/export?format=rtf`)
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('format')
    const { res } = await download(briefing, 'md')
    expect(res.status).toBe(200)
    const entries = await waitFor(async () => {
      const log = await server.stores.audit.list(briefing.owner.personalTeamId, { limit: 50 })
      const exports = log.filter((e) => e.action === 'briefing.exported')
      return exports.length >= 1 ? exports : null
    }, 'export audit entries')
    expect(entries[0]).toMatchObject({
      target: briefing.briefingId,
      actorId: briefing.owner.id,
      details: { format: 'md', unverifiedQuotes: 0 },
    })
  })

  it('[EX7] page 1 renders to a non-blank image and the page count agrees', async () => {
    const { body } = await download(briefing, 'pdf')
    const page = renderFirstPage(body, 'export-fixture-page1')
    // A typeset page is mostly paper; a blank one has no ink at all.
    expect(page.inkRatio).toBeGreaterThan(0.02)
    expect(page.inkRatio).toBeLessThan(0.5)
    expect(pdfinfoPages(body)).toBe(1)
  })
})

describe('export of a quote altered behind the editor', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('[EX8] is marked UNVERIFIED in every format, with X-Unverified-Quotes: 1', async () => {
    const b = await createExportBriefing(server)
    tamperQuoteText(b.client, 'q-harbor', 'We will reopen on Friday')
    await waitFor(async () => {
      const res = await b.owner.api(`/api/briefings/${b.briefingId}/export?format=md`)
      return res.headers.get('x-unverified-quotes') === '1'
    }, 'the server sees the altered quote')
    for (const format of FORMATS) {
      const { res, body } = await download(b, format)
      expect(res.status, format).toBe(200)
      expect(res.headers.get('x-unverified-quotes'), format).toBe('1')
      const text =
        format === 'pdf'
          ? (await pdfText(body)).text
          : format === 'docx'
            ? wordText((await docxParts(body)).document)
            : body.toString('utf8')
      expect(text, format).toContain('UNVERIFIED')
      expect(text, format).toContain('Friday')
      expect(text, format).toContain(
        'the words “We will reopen on Friday” do not appear in the source',
      )
    }
    b.client.destroy()
  })
})

describe('export when typesetting fails', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('[EX9] answers 500 with Typst’s diagnostic in JSON, and logs it', async () => {
    const b = await createExportBriefing(server)
    const dir = tempDir('briefing-template-')
    fs.writeFileSync(
      path.join(dir, 'briefing.typ'),
      '#let data = json(bytes(sys.inputs.data))\n#data.nope\n',
    )
    // The real route and error handler, on the server's stores, with a broken template.
    const log = captureLogger()
    const ctx = {
      stores: server.stores,
      registry: server.registry,
      schema: briefingSchema(),
      log,
      now: () => new Date(),
      access: new AccessControl(server.stores),
    } as unknown as AppContext
    const user = (await server.stores.users.get(b.owner.id))!
    const app = express()
    app.use((_req, res, next) => {
      res.locals.auth = { user, credential: { kind: 'session', sessionHash: 'test' } }
      next()
    })
    app.use('/api/briefings', exportRouter(ctx, new Exporter({ templateDir: dir })))
    app.use(errorHandler(log))
    const listener = app.listen(0, '127.0.0.1')
    await once(listener, 'listening')
    const { port } = listener.address() as AddressInfo
    const res = await fetch(
      `http://127.0.0.1:${port}/api/briefings/${b.briefingId}/export?format=pdf`,
    )
    listener.close()
    expect(res.status).toBe(500)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('export_failed')
    expect(body.error.message).toMatch(/^PDF typesetting failed: .*nope/)
    const logged = log.lines.find((line) => line.msg === 'export failed')
    expect(logged).toMatchObject({ level: 'error', briefing: b.briefingId, format: 'pdf' })
    expect(JSON.stringify(logged?.diagnostics)).toContain('nope')
    b.client.destroy()
    fs.rmSync(dir, { recursive: true, force: true })
  })
})
