/**
 * [RTX] Underline, strikethrough and highlight, written with the shared schema's marks, come
 * out of every export format as that format's own markup, and the PDF draws them.
 */
import type { JSONContent } from '@tiptap/core'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type BriefingFacts, Exporter, type ExportModel, modelFromDoc } from '../../server/export'
import { DOCUMENT_FRAGMENT } from '../../shared/schema/extensions'
import { briefingSchema } from '../../shared/schema/schema'
import { markdownToHtml } from './markdownRead'
import { docxParts, pdfText, pixelsNear, renderFirstPage } from './read'

const facts: BriefingFacts = {
  briefing: {
    id: 'b-rich',
    teamId: 't-1',
    title: 'Marked words',
    teamRole: 'editor',
    createdBy: 'u-1',
    createdAt: '2024-03-06T08:00:00Z',
    updatedAt: '2024-03-06T12:30:00Z',
    epoch: 'e-1',
  },
  team: 'Desk',
  authors: ['Ada'],
}

/** The template's highlight fill (templates/briefing.typ), as pdftoppm renders it. */
const HIGHLIGHT_FILL: [number, number, number] = [0xff, 0xf0, 0xa8]

function modelOf(...content: JSONContent[]): ExportModel {
  const doc = new Y.Doc()
  prosemirrorJSONToYXmlFragment(
    briefingSchema(),
    { type: 'doc', content },
    doc.getXmlFragment(DOCUMENT_FRAGMENT),
  )
  return modelFromDoc(doc, briefingSchema(), facts, new Date('2024-03-07T10:00:00Z'))
}

const marked = (text: string, ...marks: string[]): JSONContent => ({
  type: 'text',
  text,
  marks: marks.map((type) => ({ type })),
})

const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content })

const richModel = () =>
  modelOf(
    paragraph(
      { type: 'text', text: 'Plain, ' },
      marked('underlined', 'underline'),
      { type: 'text', text: ', ' },
      marked('struck', 'strike'),
      { type: 'text', text: ' and ' },
      marked('highlighted', 'highlight'),
      { type: 'text', text: ' words, and ' },
      marked('all three', 'underline', 'strike', 'highlight'),
      { type: 'text', text: '.' },
    ),
  )

describe('rich text marks in exports', () => {
  const exporter = new Exporter()
  afterAll(() => exporter.close())

  it('[RTX1] the model carries each mark on its run', () => {
    const block = richModel().blocks[0]
    expect(block?.type).toBe('paragraph')
    const runs = block?.type === 'paragraph' ? block.content : []
    expect(runs).toContainEqual({ type: 'text', text: 'underlined', underline: true })
    expect(runs).toContainEqual({ type: 'text', text: 'struck', strike: true })
    expect(runs).toContainEqual({ type: 'text', text: 'highlighted', highlight: true })
    expect(runs).toContainEqual({
      type: 'text',
      text: 'all three',
      underline: true,
      strike: true,
      highlight: true,
    })
  })

  it('[RTX2] HTML and Markdown use <u>, <s>/~~ and <mark>', async () => {
    const html = (await exporter.render(richModel(), 'html')).body.toString('utf8')
    expect(html).toContain('<u>underlined</u>')
    expect(html).toContain('<s>struck</s>')
    expect(html).toContain('<mark>highlighted</mark>')
    expect(html).toContain('<mark><s><u>all three</u></s></mark>')

    const markdown = (await exporter.render(richModel(), 'md')).body.toString('utf8')
    const read = markdownToHtml(markdown)
    expect(read).toContain('<u>underlined</u>')
    expect(read).toContain('<del>struck</del>')
    expect(read).toContain('<mark>highlighted</mark>')
    expect(read).toMatch(/<mark><u><del>all three<\/del><\/u><\/mark>/)
  })

  it('[RTX3] DOCX runs carry Word’s own underline, strike and highlight properties', async () => {
    const { document } = await docxParts((await exporter.render(richModel(), 'docx')).body)
    const runOf = (text: string) => {
      const match = new RegExp(`<w:r>((?:(?!<w:r>).)*?)<w:t[^>]*>${text}</w:t>`).exec(document)
      expect(match, text).not.toBeNull()
      return match![1]!
    }
    expect(runOf('underlined')).toMatch(/<w:u w:val="single"\/>/)
    expect(runOf('struck')).toMatch(/<w:strike\/>/)
    expect(runOf('highlighted')).toMatch(/<w:highlight w:val="yellow"\/>/)
    const all = runOf('all three')
    expect(all).toMatch(/<w:u /)
    expect(all).toMatch(/<w:strike\/>/)
    expect(all).toMatch(/<w:highlight /)
    expect(runOf('Plain, ')).not.toMatch(/<w:u |<w:strike|<w:highlight/)
  })

  it('[RTX4] the PDF prints the words, draws the highlight fill, and lines for underline and strike', async () => {
    const pdf = (await exporter.render(richModel(), 'pdf')).body
    const { text } = await pdfText(pdf)
    expect(text).toContain('Plain, underlined, struck and highlighted words, and all three.')
    renderFirstPage(pdf, 'export-rich-text-marks')
    expect(pixelsNear(pdf, HIGHLIGHT_FILL)).toBeGreaterThan(50)

    // The same words without marks: no fill, and less ink than the lines add.
    const plain = modelOf(
      paragraph({
        type: 'text',
        text: 'Plain, underlined, struck and highlighted words, and all three.',
      }),
    )
    const plainPdf = (await exporter.render(plain, 'pdf')).body
    expect(pixelsNear(plainPdf, HIGHLIGHT_FILL)).toBe(0)
    const linesOnly = modelOf(
      paragraph(
        { type: 'text', text: 'Plain, ' },
        marked('underlined', 'underline'),
        { type: 'text', text: ', ' },
        marked('struck', 'strike'),
        { type: 'text', text: ' and highlighted words, and all three.' },
      ),
    )
    const linesPdf = (await exporter.render(linesOnly, 'pdf')).body
    const ink = (bytes: Uint8Array, name: string) => renderFirstPage(bytes, name).inkRatio
    expect(ink(linesPdf, 'export-rich-text-lines')).toBeGreaterThan(
      ink(plainPdf, 'export-rich-text-plain'),
    )
  })
})
