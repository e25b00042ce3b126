/**
 * [RTS] Underline, strikethrough, highlight and tables are part of the shared schema, so the
 * server's guard (built from it, not from a list of its own) lets them in, and still refuses a
 * mark the schema does not have, a table part out of place or a span that is no span.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DocumentGuard } from '../../server/collab/documentGuard'
import { schemaGuard } from '../../server/collab/schemaGuard'
import { assertApplicableUpdate } from '../../server/collab/updateCheck'
import { briefingSchema } from '../../shared/schema/schema'
import { StructureRules } from '../../shared/schema/structure'

function paragraphWithMarks(marks: Record<string, object>): Uint8Array {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  const paragraph = new Y.XmlElement('paragraph')
  const text = new Y.XmlText('marked words')
  paragraph.insert(0, [text])
  doc.getXmlFragment('default').insert(0, [paragraph])
  text.format(0, 6, marks)
  return Y.mergeUpdates(updates)
}

/** A one-cell table whose cell has the given attributes; `bare` puts a row at the top level. */
function tableUpdate(cellAttrs: Record<string, unknown>, bare = false): Uint8Array {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  const table = new Y.XmlElement('table')
  const row = new Y.XmlElement('tableRow')
  const cell = new Y.XmlElement('tableCell')
  for (const [key, value] of Object.entries(cellAttrs)) cell.setAttribute(key, value as string)
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText('cell')])
  cell.insert(0, [paragraph])
  row.insert(0, [cell])
  if (bare) doc.getXmlFragment('default').insert(0, [row])
  else {
    table.insert(0, [row])
    doc.getXmlFragment('default').insert(0, [table])
  }
  return Y.mergeUpdates(updates)
}

describe('rich text marks in the schema', () => {
  const guard = (update: Uint8Array) =>
    assertApplicableUpdate(update, schemaGuard(briefingSchema()))

  it('[RTS1] the schema has underline, strike and highlight, and the server guard accepts them', () => {
    const schema = briefingSchema()
    for (const mark of ['underline', 'strike', 'highlight'])
      expect(schema.marks[mark]).toBeDefined()
    // One colour: a colour attribute would need an inline style, which the page's CSP refuses.
    expect(Object.keys(schema.marks.highlight!.spec.attrs ?? {})).toEqual([])
    expect(() =>
      guard(paragraphWithMarks({ underline: {}, strike: {}, highlight: {} })),
    ).not.toThrow()
  })

  it('[RTS2] a mark outside the schema, such as a coloured text style, is still refused by name', () => {
    expect(() => guard(paragraphWithMarks({ textStyle: { color: 'red' } }))).toThrow(
      /"textStyle" mark/,
    )
  })

  it('[RTS3] a table with spans is accepted; a row outside a table or a span of 0 is refused', () => {
    // Names are the schema guard's; places and attributes the document guard's, both from the
    // one schema, as the write path runs them.
    const place = (update: Uint8Array) => {
      guard(update)
      new DocumentGuard(new StructureRules(briefingSchema()), new Y.Doc()).check(
        Y.decodeUpdate(update).structs,
      )
    }
    expect(() => place(tableUpdate({}))).not.toThrow()
    expect(() => place(tableUpdate({ colspan: 2, rowspan: 3 }))).not.toThrow()
    expect(() => place(tableUpdate({}, true))).toThrow(/tableRow/)
    expect(() => place(tableUpdate({ colspan: 0 }))).toThrow(/span/)
    expect(() => place(tableUpdate({ rowspan: 'x' }))).toThrow(/span/)
    expect(() => place(tableUpdate({ colspan: 1_000_000 }))).toThrow(/span/)
  })
})
