/**
 * [PX] Portion marks in exports, through the real export route: every paragraph and heading
 * starts with its portion mark (its own, its list item's or blockquote's, else the briefing's
 * default), every page carries the roll-up as its banner (PDF header and footer, DOCX header
 * and footer, Markdown first and last line, HTML banner elements), `X-Marking` names it, and a
 * typed document marking lower than the roll-up gives way to it with a warning.
 */
import type { JSONContent } from '@tiptap/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pageMarkingCss } from '../../server/export/html/styles'
import { settingsMap } from '../../shared/briefing/settings'
import { writeMarkingScheme } from '../../shared/markings/briefingScheme'
import { createExportBriefing, type ExportBriefing } from '../export/fixture'
import { docxParts, pdfText, wordText } from '../export/read'
import { startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

const paragraph = (text: string, marking: string | null = null): JSONContent => ({
  type: 'paragraph',
  attrs: { marking },
  content: [{ type: 'text', text }],
})

const content = (): JSONContent => ({
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Harbor outlook' }] },
    paragraph('The harbor will close in May.', 'TLP:AMBER'),
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          attrs: { marking: 'TLP:RED' },
          content: [paragraph('Partner names withheld.')],
        },
      ],
    },
    paragraph('Routine context.'),
  ],
})

describe('portion marks in exports', () => {
  let server: TestServer
  let briefing: ExportBriefing

  beforeAll(async () => {
    server = await startTestServer()
    briefing = await createExportBriefing(server, { marking: 'TLP:AMBER' }, content)
    writeMarkingScheme(settingsMap(briefing.client.doc), { portionDefault: 'TLP:GREEN' })
    await waitFor(
      () => server.registry.get(briefing.briefingId)?.doc.getMap('settings').has('portionDefault'),
      'the room has the default portion mark',
    )
  })
  afterAll(async () => {
    briefing.client.destroy()
    await server.close()
  })

  async function download(format: string) {
    const res = await briefing.owner.api(
      `/api/briefings/${briefing.briefingId}/export?format=${format}`,
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('x-marking'), format).toBe('TLP:RED')
    const warnings = JSON.parse(res.headers.get('x-export-warnings') ?? '[]') as string[]
    expect(warnings, format).toContain(
      `the document marking "TLP:AMBER" is lower than the portions' roll-up; exported as TLP:RED`,
    )
    return Buffer.from(await res.arrayBuffer())
  }

  it('[PX1] Markdown: the banner as first and last line, each block after its portion mark', async () => {
    const md = (await download('md')).toString('utf8')
    const lines = md.trim().split('\n')
    expect(lines[0]).toBe('**TLP:RED**')
    expect(lines.at(-1)).toBe('**TLP:RED**')
    expect(md).toContain('## **(TLP:GREEN)** Harbor outlook')
    expect(md).toContain('**(TLP:AMBER)** The harbor will close in May.')
    expect(md).toMatch(/[-*] \*\*\(TLP:RED\)\*\* Partner names withheld\./)
    expect(md).toContain('**(TLP:GREEN)** Routine context.')
  })

  it('[PX2] HTML: banner elements at top and bottom, on every printed page, and portion marks', async () => {
    const html = (await download('html')).toString('utf8')
    expect(html).toContain('<div class="marking top">TLP:RED</div>')
    expect(html).toContain('<div class="marking bottom">TLP:RED</div>')
    expect(html).toContain(pageMarkingCss('TLP:RED'))
    expect(html).toContain('<strong>(TLP:AMBER)</strong> The harbor will close in May.')
    expect(html).toContain('<strong>(TLP:RED)</strong> Partner names withheld.')
  })

  it('[PX3] DOCX and PDF: banner in every header and footer, portion marks in the text', async () => {
    const docx = await docxParts(await download('docx'))
    expect(wordText(docx.headers)).toContain('TLP:RED')
    expect(wordText(docx.footers)).toContain('TLP:RED')
    const body = wordText(docx.document)
    for (const part of [
      '(TLP:GREEN) Harbor outlook',
      '(TLP:AMBER) The harbor will close in May.',
      '(TLP:RED) Partner names withheld.',
      '(TLP:GREEN) Routine context.',
    ]) {
      expect(body).toContain(part)
    }

    const { text, pages } = await pdfText(await download('pdf'))
    expect(pages).toBeGreaterThan(0)
    // Top and bottom of every page.
    expect(text.match(/TLP:RED(?!\))/g)?.length).toBeGreaterThanOrEqual(2 * pages)
    expect(text).toMatch(/\(TLP:AMBER\)\s+The harbor will close in May\./)
    expect(text).toMatch(/\(TLP:RED\)\s+Partner names withheld\./)
    expect(text).not.toContain('TLP:AMBER\n')
  })
})
