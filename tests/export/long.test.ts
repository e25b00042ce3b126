/**
 * [EXL] Long briefings and the other settings: a 100-page briefing typesets in one piece
 * with the marking and "Page N of M" on every page; endnotes and an author-date style
 * change where notes go and how they read.
 */
import path from 'node:path'
import type { JSONContent } from '@tiptap/core'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportCommand } from '../../server/cli/commands/export'
import type { Source } from '../../shared/sources/types'
import { startTestServer, type TestServer, tempDir } from '../helpers/server'
import { briefingContent, createExportBriefing, quoteNode } from './fixture'
import { pdfinfoPages, pdfText, renderFirstPage } from './read'

const SENTENCE =
  'The assessment weighs port throughput, insurance exposure and the ministry’s statements against what crews reported on the ground. '

/** About 115 pages: sections of long paragraphs, each citing and quoting both sources. */
function longContent(harbor: Source, ministry: Source): JSONContent {
  const content: JSONContent[] = []
  for (let section = 1; section <= 75; section++) {
    content.push({
      type: 'heading',
      attrs: { level: 1 },
      content: [{ type: 'text', text: `Section ${section}` }],
    })
    for (let p = 0; p < 5; p++) {
      content.push({
        type: 'paragraph',
        content: [
          { type: 'text', text: SENTENCE.repeat(10) },
          {
            type: 'text',
            text: 'Crews reported damage to the breakwater',
            marks: [
              {
                type: 'cite',
                attrs: {
                  sourceId: harbor.id,
                  locator: { paragraph: 2 },
                  citationId: `c-${section}-${p}`,
                },
              },
            ],
          },
          { type: 'text', text: '.' },
        ],
      })
    }
    content.push(
      quoteNode(
        section % 2 ? harbor : ministry,
        section % 2 ? 'We will reopen on Monday' : 'Порт відкриється в понеділок',
        `q-${section}`,
        'Speaker',
        null,
      ),
    )
  }
  content.push({ type: 'sourcesList' })
  return { type: 'doc', content }
}

describe('long briefings and settings', () => {
  // A server per test: reading a 100-page PDF blocks this process (and so the in-process
  // server) for longer than HTTP keep-alive lasts, and a later request on the same pooled
  // connection would race the server closing it.
  let server: TestServer
  beforeEach(async () => {
    server = await startTestServer()
  })
  afterEach(async () => {
    await server.close()
  })

  it('[EXL1] a 100-page briefing exports as one PDF, marked and numbered on every page', async () => {
    const b = await createExportBriefing(server, { marking: 'SECRET' }, longContent)
    const res = await b.owner.api(`/api/briefings/${b.briefingId}/export?format=pdf`)
    expect(res.status).toBe(200)
    const pdf = new Uint8Array(await res.arrayBuffer())
    const pages = pdfinfoPages(pdf)
    expect(pages).toBeGreaterThanOrEqual(100)
    // pdf.js takes ownership of (detaches) the buffer it is given, so it gets a copy.
    const doc = await getDocumentProxy(pdf.slice())
    const { text } = await extractText(doc, { mergePages: false })
    expect(text).toHaveLength(pages)
    text.forEach((page, i) => {
      expect(page.match(/SECRET/g), `page ${i + 1}`).toHaveLength(2)
      expect(page, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages}`)
    })
    // The last section is there: every citation has its own note, however many there are.
    expect(text.join(' ')).toContain('Section 75')
    expect(renderFirstPage(pdf, 'export-100-pages-page1').inkRatio).toBeGreaterThan(0.02)
    b.client.destroy()
  })

  it('[EXL2] endnotes with APA: Sources where the author put them, Notes at the end', async () => {
    const b = await createExportBriefing(
      server,
      { notes: 'endnotes', citationStyle: 'apa' },
      briefingContent,
    )
    const res = await b.owner.api(`/api/briefings/${b.briefingId}/export?format=pdf`)
    expect(res.status).toBe(200)
    const { text } = await pdfText(new Uint8Array(await res.arrayBuffer()))
    const sources = text.indexOf('Sources 1. Jo Smith. (2024, March 5). Harbor closes after storm.')
    // APA's own citation form for each citation, with the paragraph it cites.
    const notes = text.indexOf(
      'Notes 1. (Jo Smith, 2024, para. 2) 2. (Jo Smith, 2024, para. 3) 3. (Заява щодо порту, 2024, para. 2) 4. (Jo Smith, 2024, para. 4)',
    )
    expect(sources).toBeGreaterThan(0)
    expect(notes).toBeGreaterThan(sources)
    expect(text).toContain('CITATIONS APA, endnotes')
    b.client.destroy()
  })
})

describe('characters the PDF fonts lack', () => {
  let server: TestServer
  beforeEach(async () => {
    server = await startTestServer()
  })
  afterEach(async () => {
    await server.close()
  })

  it('[EXL3] are reported in X-Export-Warnings and on the CLI’s stderr, not dropped silently', async () => {
    const withCjk = (harbor: Source, ministry: Source): JSONContent => {
      const doc = briefingContent(harbor, ministry)
      doc.content!.push({ type: 'paragraph', content: [{ type: 'text', text: 'Port of 上海' }] })
      return doc
    }
    const b = await createExportBriefing(server, {}, withCjk)
    const res = await b.owner.api(`/api/briefings/${b.briefingId}/export?format=pdf`)
    expect(res.status).toBe(200)
    const warnings = JSON.parse(res.headers.get('x-export-warnings') ?? '[]') as string[]
    expect(warnings).toEqual([
      'no font has a glyph for U+4E0A "上" (once); it prints as a blank box',
      'no font has a glyph for U+6D77 "海" (once); it prints as a blank box',
    ])
    // Other formats leave glyphs to the reader's fonts, so they carry no such warning.
    const md = await b.owner.api(`/api/briefings/${b.briefingId}/export?format=md`)
    expect(md.headers.get('x-export-warnings')).toBeNull()
    let stderr = ''
    const code = await exportCommand.run(
      [b.briefingId, '--format', 'pdf', '--out', path.join(tempDir(), 'cjk.pdf')],
      {
        stdout: () => {},
        stderr: (text) => {
          stderr += text
        },
        cwd: process.cwd(),
        env: { DATA_DIR: server.dataDir },
      },
    )
    expect(code).toBe(0)
    expect(stderr).toBe(
      'warning: no font has a glyph for U+4E0A "上" (once); it prints as a blank box\n' +
        'warning: no font has a glyph for U+6D77 "海" (once); it prints as a blank box\n',
    )
    b.client.destroy()
  })
})
