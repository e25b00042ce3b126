/**
 * [TBX] Tables, written with the shared schema's table nodes, come out of every export format
 * as that format's own table: header row, spans, marks and citations in cells, and in the PDF
 * a header that repeats on each page a long table runs onto.
 */
import type { JSONContent } from '@tiptap/core'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type BriefingFacts, Exporter, type ExportModel, modelFromDoc } from '../../server/export'
import { DOCUMENT_FRAGMENT } from '../../shared/schema/extensions'
import { briefingSchema } from '../../shared/schema/schema'
import { markdownToHtml } from './markdownRead'
import { docxParts, pdfPageTexts, renderFirstPage, wordText } from './read'

const facts: BriefingFacts = {
  briefing: {
    id: 'b-table',
    teamId: 't-1',
    title: 'Port status',
    teamRole: 'editor',
    createdBy: 'u-1',
    createdAt: '2024-03-06T08:00:00Z',
    updatedAt: '2024-03-06T12:30:00Z',
    epoch: 'e-1',
  },
  team: 'Desk',
  authors: ['Ada'],
}

function modelOf(...content: JSONContent[]): ExportModel {
  const doc = new Y.Doc()
  prosemirrorJSONToYXmlFragment(
    briefingSchema(),
    { type: 'doc', content },
    doc.getXmlFragment(DOCUMENT_FRAGMENT),
  )
  return modelFromDoc(doc, briefingSchema(), facts, new Date('2024-03-07T10:00:00Z'))
}

const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content })
const words = (text: string, ...marks: string[]): JSONContent => ({
  type: 'text',
  text,
  ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}),
})
const cell = (
  type: 'tableCell' | 'tableHeader',
  text: string | JSONContent[],
  attrs: Record<string, number> = {},
): JSONContent => ({
  type,
  attrs,
  content: [paragraph(...(typeof text === 'string' ? [words(text)] : text))],
})
const row = (...cells: JSONContent[]): JSONContent => ({ type: 'tableRow', content: cells })

/** A header row, a row with a highlighted cell, and a cell spanning two columns. */
const portTable: JSONContent = {
  type: 'table',
  content: [
    row(cell('tableHeader', 'Port'), cell('tableHeader', 'Status'), cell('tableHeader', 'Since')),
    row(
      cell('tableCell', 'Odesa'),
      cell('tableCell', [words('closed', 'highlight')]),
      cell('tableCell', 'Tuesday'),
    ),
    row(cell('tableCell', 'Izmail'), cell('tableCell', 'open all week', { colspan: 2 })),
  ],
}

const portModel = () =>
  modelOf(paragraph(words('Before the table.')), portTable, paragraph(words('After the table.')))

describe('tables in exports', () => {
  const exporter = new Exporter()
  afterAll(() => exporter.close())

  it('[TBX1] the model keeps rows, header cells, spans and the column count', () => {
    const table = portModel().blocks[1]
    expect(table?.type).toBe('table')
    if (table?.type !== 'table') return
    expect(table.columns).toBe(3)
    expect(table.rows.map((r) => r.map((c) => c.header))).toEqual([
      [true, true, true],
      [false, false, false],
      [false, false],
    ])
    expect(table.rows[2]![1]).toMatchObject({ colspan: 2, rowspan: 1 })
    expect(table.rows[1]![1]!.blocks).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'closed', highlight: true }] },
    ])
  })

  it('[TBX2] HTML writes a table with th and td, spans and marks, between the paragraphs', async () => {
    const html = (await exporter.render(portModel(), 'html')).body.toString('utf8')
    const table = /<table>[\s\S]*<\/table>/.exec(html)?.[0] ?? ''
    expect(table).toContain(
      '<tr><th><p>Port</p></th><th><p>Status</p></th><th><p>Since</p></th></tr>',
    )
    expect(table).toContain('<td><p><mark>closed</mark></p></td>')
    expect(table).toContain('<td colspan="2"><p>open all week</p></td>')
    expect(html.indexOf('Before the table.')).toBeLessThan(html.indexOf('<table>'))
    expect(html.indexOf('After the table.')).toBeGreaterThan(html.indexOf('</table>'))
  })

  it('[TBX3] Markdown writes a GFM table a reader parses back, a span padded with an empty cell', async () => {
    const markdown = (await exporter.render(portModel(), 'md')).body.toString('utf8')
    const html = markdownToHtml(markdown)
    expect(html).toMatch(/<thead>\s*<tr>\s*<th>Port<\/th>\s*<th>Status<\/th>\s*<th>Since<\/th>/)
    expect(html).toMatch(/<td>Odesa<\/td>\s*<td><mark>closed<\/mark><\/td>\s*<td>Tuesday<\/td>/)
    expect(html).toMatch(/<td>Izmail<\/td>\s*<td>open all week<\/td>\s*<td><\/td>/)
  })

  it('[TBX4] a cell of several lines stays one Markdown row', async () => {
    const model = modelOf({
      type: 'table',
      content: [
        row(cell('tableHeader', 'Note')),
        row({
          type: 'tableCell',
          content: [
            paragraph(words('first'), { type: 'hardBreak' }, words('second')),
            paragraph(words('third | pipe')),
          ],
        }),
      ],
    })
    const html = markdownToHtml((await exporter.render(model, 'md')).body.toString('utf8'))
    expect(html).toMatch(/<td>first second third \| pipe<\/td>/)
    expect(html.match(/<tr>/g)).toHaveLength(2)
  })

  it('[TBX5] DOCX writes a Word table: a repeating header row, a column span, the cell texts', async () => {
    const { document } = await docxParts((await exporter.render(portModel(), 'docx')).body)
    const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(document)?.[0] ?? ''
    expect(table).not.toBe('')
    expect(table.match(/<w:tr>/g)).toHaveLength(3)
    expect(table).toMatch(/<w:tblHeader\/>/)
    expect(table).toMatch(/<w:gridSpan w:val="2"\/>/)
    expect(wordText(table)).toBe('PortStatusSinceOdesaclosedTuesdayIzmailopen all week')
    expect(table).toMatch(/<w:highlight w:val="yellow"\/>/)
  })

  it('[TBX6] the PDF sets the table in reading order, and a long table repeats its header on each page', async () => {
    const pdf = (await exporter.render(portModel(), 'pdf')).body
    const [page] = await pdfPageTexts(pdf)
    expect(page).toMatch(
      /Before the table\. Port Status Since Odesa closed Tuesday Izmail open all week After the table\./,
    )
    renderFirstPage(pdf, 'export-table')

    const long = modelOf({
      type: 'table',
      content: [
        row(
          cell('tableHeader', 'Vessel'),
          cell('tableHeader', 'Flag'),
          cell('tableHeader', 'Berth'),
        ),
        ...Array.from({ length: 90 }, (_, i) =>
          row(
            cell('tableCell', `Vessel ${i + 1}`),
            cell('tableCell', 'Panama'),
            cell('tableCell', `Berth ${(i % 12) + 1}`),
          ),
        ),
      ],
    })
    const pages = await pdfPageTexts((await exporter.render(long, 'pdf')).body)
    const withRows = pages.filter((text) => /Vessel \d/.test(text))
    expect(withRows.length).toBeGreaterThanOrEqual(2)
    for (const text of withRows) expect(text).toMatch(/Vessel Flag Berth Vessel \d/)
    expect(pages.join(' ')).toContain('Vessel 90 Panama Berth 6')
  })
})
