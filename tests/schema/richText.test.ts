/**
 * [RTS] Underline, strikethrough and highlight are part of the shared schema, so the server's
 * guard (built from it, not from a list of its own) lets them in and still refuses a mark the
 * schema does not have.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { schemaGuard } from '../../server/collab/schemaGuard'
import { assertApplicableUpdate } from '../../server/collab/updateCheck'
import { briefingSchema } from '../../shared/schema/schema'

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
})
