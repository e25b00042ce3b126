/**
 * [SCHK1] The briefing schema, built from Tiptap's extensions one by one (shared/schema/
 * extensions.ts), is exactly the schema StarterKit (without undo/redo) and the briefing's own
 * nodes and marks make: same nodes and marks, in the same order, with the same specs.
 * Listing them keeps prosemirror-history out of the client (Yjs owns undo); this test keeps
 * that list from drifting from StarterKit's.
 */
import { getSchema } from '@tiptap/core'
import { Highlight } from '@tiptap/extension-highlight'
import StarterKit from '@tiptap/starter-kit'
import { describe, expect, it } from 'vitest'
import { briefingExtensions } from '../../shared/schema'
import { Cite } from '../../shared/schema/marks/cite'
import { Deletion, Insertion, Modification } from '../../shared/schema/marks/suggestion'
import { SourceQuote } from '../../shared/schema/nodes/sourceQuote'
import { SourcesList } from '../../shared/schema/nodes/sourcesList'
import { Table, TableCell, TableHeader, TableRow } from '../../shared/schema/nodes/table'
import { PortionMarking } from '../../shared/schema/portionMarking'

function describeSchema(extensions: Parameters<typeof getSchema>[0]) {
  const schema = getSchema(extensions)
  const specOf = (spec: object) =>
    JSON.parse(
      JSON.stringify(spec, (_key, value) => (typeof value === 'function' ? String(value) : value)),
    )
  return {
    nodes: Object.entries(schema.nodes).map(([name, type]) => [name, specOf(type.spec)]),
    marks: Object.entries(schema.marks).map(([name, type]) => [name, specOf(type.spec)]),
    topNode: schema.topNodeType.name,
  }
}

describe('the briefing schema', () => {
  it('[SCHK1] is StarterKit’s (without undo/redo) plus highlight, tables and the briefing’s nodes and marks', () => {
    const starterKit = [
      StarterKit.configure({
        undoRedo: false,
        link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
      }),
      Highlight.configure(),
      Table.configure(),
      TableRow.configure(),
      TableHeader.configure(),
      TableCell.configure(),
      SourceQuote.configure(),
      SourcesList.configure(),
      Cite.configure(),
      PortionMarking.configure(),
      Insertion.configure(),
      Deletion.configure(),
      Modification.configure(),
    ]
    expect(describeSchema(briefingExtensions())).toEqual(describeSchema(starterKit))
    expect(briefingExtensions().map((e) => e.name)).not.toContain('undoRedo')
  })
})
