/**
 * [NL] The editor keeps its own changes within the schema's nesting limit, which the server
 * enforces by closing the session: indenting a list item past it, or pasting content nested
 * deeper, does nothing, while every change within it works as before. Run on a ProseMirror
 * state with the editor's plugin (a headless Tiptap editor runs no plugins).
 */
import { getSchema } from '@tiptap/core'
import { Fragment, type Node as PMNode, Slice } from '@tiptap/pm/model'
import { sinkListItem } from '@tiptap/pm/schema-list'
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { nestingLimitPlugin } from '../../client/src/editor/nestingLimit'
import { briefingExtensions } from '../../shared/schema'
import { MAX_NESTING_DEPTH } from '../../shared/schema/structure'

const schema = getSchema(briefingExtensions())

function stateOf(doc: PMNode): EditorState {
  return EditorState.create({ schema, doc, plugins: [nestingLimitPlugin()] })
}

const text = (value: string) => schema.text(value)
const paragraph = (value: string) => schema.nodes.paragraph!.create(null, text(value))
const item = (value: string, nested?: PMNode) =>
  schema.nodes.listItem!.create(null, nested ? [paragraph(value), nested] : [paragraph(value)])
const list = (...items: PMNode[]) => schema.nodes.bulletList!.create(null, items)

/**
 * A bullet list nested `levels` deep whose innermost list holds two items, so the second
 * can be indented under the first. Each level is a list and an item; the innermost
 * paragraphs sit at depth 2 * levels + 1.
 */
function nestedList(levels: number): PMNode {
  let inner = list(item('first'), item('second'))
  for (let level = 1; level < levels; level++) inner = list(item(`level ${level}`, inner))
  return schema.topNodeType.create(null, inner)
}

/** The state with the cursor in the text `value`. */
function cursorIn(state: EditorState, value: string): EditorState {
  let at = -1
  state.doc.descendants((node, pos) => {
    if (node.isText && node.text === value) at = pos + 1
    return at === -1
  })
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)))
}

/** Runs a command; returns the state after whatever it dispatched (filtered or not). */
function run(
  state: EditorState,
  command: (state: EditorState, dispatch: (tr: Transaction) => void) => boolean,
) {
  let next = state
  command(state, (tr) => {
    next = state.applyTransaction(tr).state
  })
  return next
}

function depth(doc: PMNode): number {
  let deepest = 0
  doc.descendants((node, pos) => {
    if (!node.isText) deepest = Math.max(deepest, doc.resolve(pos).depth + 1)
  })
  return deepest
}

describe('nesting limit in the editor', () => {
  // Indenting "second" puts it in a new list under "first": its paragraph ends up at depth
  // 2 * levels + 3, within the limit up to this many levels.
  const levels = Math.floor((MAX_NESTING_DEPTH - 3) / 2)
  const sink = sinkListItem(schema.nodes.listItem!)

  it('[NL1] indents a list item while the result stays within the limit', () => {
    const state = cursorIn(stateOf(nestedList(levels)), 'second')
    const after = run(state, sink)
    expect(after.doc.eq(state.doc)).toBe(false)
    expect(depth(after.doc)).toBe(2 * levels + 3)
    expect(depth(after.doc)).toBeLessThanOrEqual(MAX_NESTING_DEPTH)
  })

  it('[NL2] does not indent a list item past the limit', () => {
    const state = cursorIn(stateOf(nestedList(levels + 1)), 'second')
    const after = run(state, sink)
    expect(after.doc.eq(state.doc)).toBe(true)
  })

  it('[NL3] does not paste content nested past the limit, and still takes shallow content', () => {
    const state = stateOf(schema.topNodeType.create(null, paragraph('start')))
    let deep = paragraph('deep')
    for (let level = 0; level < MAX_NESTING_DEPTH; level++) {
      deep = schema.nodes.blockquote!.create(null, deep)
    }
    const paste = (node: PMNode) => (s: EditorState, dispatch: (tr: Transaction) => void) => {
      dispatch(s.tr.replaceSelection(new Slice(Fragment.from(node), 0, 0)))
      return true
    }
    expect(run(state, paste(deep)).doc.eq(state.doc)).toBe(true)
    const shallow = schema.nodes.blockquote!.create(null, paragraph('shallow'))
    expect(run(state, paste(shallow)).doc.textContent).toContain('shallow')
  })
})
