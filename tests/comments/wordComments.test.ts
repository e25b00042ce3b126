/**
 * Comments in exports ([CMW1]): DOCX carries open threads as real Word comments when asked
 * (`comments=1`), around the very words they are about; without the option, and in PDF,
 * Markdown and HTML, no comment and no trace of one is exported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { docxParts, wordText } from '../export/read'
import { startTestServer, type TestServer } from '../helpers/server'
import { type Cast, call, castFor, startThread, writeText } from './support'

describe('comments in exports', () => {
  let server: TestServer
  let cast: Cast

  beforeAll(async () => {
    server = await startTestServer()
    cast = await castFor(server.url, server.wsUrl)
    await writeText(cast, 'The talks resume on Monday in Geneva.', 'Prices rose again.')
  })
  afterAll(async () => {
    cast?.client.destroy()
    await server?.close()
  })

  async function download(query: string) {
    const res = await cast.owner.api(`/api/briefings/${cast.briefingId}/export?${query}`)
    return { res, body: new Uint8Array(await res.arrayBuffer()) }
  }

  it('[CMW1] DOCX carries open threads as Word comments on their words, only when asked', async () => {
    const open = await startThread(cast, cast.commenter, 'resume on Monday', 'Which Monday?')
    await call(
      cast.owner,
      'POST',
      `/api/briefings/${cast.briefingId}/comments/${open.id}/replies`,
      201,
      {
        body: 'The 3rd <b>not</b> the 10th.',
      },
    )
    const resolved = await startThread(cast, cast.editor, 'rose again', 'Since when?')
    await call(
      cast.owner,
      'PATCH',
      `/api/briefings/${cast.briefingId}/comments/${resolved.id}`,
      200,
      {
        status: 'resolved',
      },
    )

    const withComments = await download('format=docx&comments=1')
    expect(withComments.res.status).toBe(200)
    const parts = await docxParts(withComments.body)
    const JSZip = (await import('jszip')).default
    const zip = await JSZip.loadAsync(withComments.body)
    const commentsXml = (await zip.file('word/comments.xml')?.async('string')) ?? ''
    expect(wordText(commentsXml)).toBe('Which Monday?Owner: The 3rd <b>not</b> the 10th.')
    expect(commentsXml).toContain('w:author="Commenter"')
    // The range holds exactly the commented words, and the text reads as written.
    const ranged = /<w:commentRangeStart w:id="0"\/>(.*?)<w:commentRangeEnd w:id="0"\/>/s.exec(
      parts.document,
    )
    expect(wordText(ranged?.[1] ?? '')).toBe('resume on Monday')
    expect(parts.document).toContain('<w:commentReference w:id="0"/>')
    expect(wordText(parts.document)).toContain('The talks resume on Monday in Geneva.')
    expect(parts.document).not.toMatch(/[\uE000-\uF8FF]/)
    expect(parts.document).not.toContain('w:id="1"/>')

    const plain = await download('format=docx')
    const plainZip = await JSZip.loadAsync(plain.body)
    // The docx package always writes the comments part; without the option it holds none.
    expect((await plainZip.file('word/comments.xml')?.async('string')) ?? '').not.toContain(
      '<w:comment ',
    )
    expect((await docxParts(plain.body)).document).not.toContain('commentRange')
    for (const format of ['md', 'html']) {
      const { res, body } = await download(`format=${format}`)
      const text = new TextDecoder().decode(body)
      expect(res.status).toBe(200)
      expect(text).toContain('resume on Monday')
      expect(text).not.toContain('Which Monday')
      expect(text).not.toMatch(/[\uE000-\uF8FF]/)
    }
    const refused = await download('format=md&comments=1')
    expect(refused.res.status).toBe(400)
    expect(JSON.parse(new TextDecoder().decode(refused.body)).error).toMatchObject({
      code: 'invalid_input',
      field: 'comments',
    })
  })
})
