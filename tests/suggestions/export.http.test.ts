/**
 * [SUG7] Export with open suggestions: every format prints the briefing as if each open
 * suggestion were rejected (suggested words left out, words proposed for deletion kept) and
 * the X-Export-Warnings header says how many were left out. The briefing is written by a
 * real y-websocket client and exported from a real server.
 */
import type { JSONContent } from '@tiptap/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { briefingContent, createExportBriefing } from '../export/fixture'
import { docxParts, pdfText, wordText } from '../export/read'
import { startTestServer, type TestServer } from '../helpers/server'

const FORMATS = ['pdf', 'docx', 'md', 'html'] as const
const suggestion = (type: string, id: string) => ({
  type,
  attrs: { id, by: 'u-1', byName: 'Desk Editor', at: '2026-12-07T10:00:00.000Z' },
})

/** The fixture briefing with one paragraph holding an open insertion and an open deletion. */
function withSuggestions(...args: Parameters<typeof briefingContent>): JSONContent {
  const doc = briefingContent(...args)
  const paragraph: JSONContent = {
    type: 'paragraph',
    content: [
      { type: 'text', text: 'Repairs start ' },
      { type: 'text', text: 'Zanzibarquickly ', marks: [suggestion('insertion', 's-1')] },
      { type: 'text', text: 'next week, ' },
      { type: 'text', text: 'Quetzalpending funding', marks: [suggestion('deletion', 's-2')] },
      { type: 'text', text: '.' },
    ],
  }
  return { ...doc, content: [paragraph, ...(doc.content ?? [])] }
}

describe('export with open suggestions', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer()
  })
  afterAll(async () => {
    await server.close()
  })

  it('[SUG7] prints the text as if every open suggestion were rejected, and warns in every format', async () => {
    const b = await createExportBriefing(server, {}, withSuggestions)
    for (const format of FORMATS) {
      const res = await b.owner.api(`/api/briefings/${b.briefingId}/export?format=${format}`)
      expect(res.status, format).toBe(200)
      const body = Buffer.from(await res.arrayBuffer())
      const text =
        format === 'pdf'
          ? (await pdfText(body)).text
          : format === 'docx'
            ? wordText((await docxParts(body)).document)
            : body.toString('utf8')
      expect(text, format).not.toContain('Zanzibar')
      expect(text, format).toContain('Quetzalpending funding')
      const warnings = JSON.parse(res.headers.get('x-export-warnings') ?? '[]') as string[]
      expect(warnings, format).toContain(
        '2 open suggested edits left out: the export reads as if they were rejected',
      )
    }
    b.client.destroy()
  })
})
