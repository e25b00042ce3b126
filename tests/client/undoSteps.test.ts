/**
 * [US1] Which local edits are an undo step of their own (client/src/editor/undoBursts.ts):
 * inserting or deleting a quote block, and replacing a selected node; typing is not, so it
 * keeps merging into one burst. The browser side (Ctrl+Z after deleting a selected quote
 * block brings back the block and nothing else) is tested in tests/e2e/quoteTrust.
 */
import { Editor } from '@tiptap/core'
import { NodeSelection, TextSelection } from '@tiptap/pm/state'
import { afterEach, describe, expect, it } from 'vitest'
import { isOwnUndoStep } from '../../client/src/editor/undoBursts'
import { briefingExtensions } from '../../shared/schema'
import { ARTICLE, makeSource, quoteAttrs } from '../quotes/fixtures'

const source = makeSource(ARTICLE)
const attrs = quoteAttrs(source, 'We will not cut hospitals.', { quoteId: 'q1' })
const editors: Editor[] = []

afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy()
})

function makeEditor(): Editor {
  const editor = new Editor({
    extensions: briefingExtensions(),
    content: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Before.' }] },
        { type: 'sourceQuote', attrs },
        { type: 'paragraph', content: [{ type: 'text', text: 'After.' }] },
      ],
    },
  })
  editors.push(editor)
  return editor
}

describe('undo steps of their own', () => {
  it('[US1] quote blocks inserted or deleted, and a selected node replaced, are their own steps; typing is not', () => {
    const editor = makeEditor()
    const { state } = editor
    const quoteAt = state.doc.child(0).nodeSize
    const quoteSize = state.doc.child(1).nodeSize

    // Typing, and a selection change, are no step of their own.
    expect(isOwnUndoStep(state.tr.insertText('x', 3), state)).toBe(false)
    expect(isOwnUndoStep(state.tr.setSelection(TextSelection.create(state.doc, 3)), state)).toBe(
      false,
    )
    // Deleting text on both sides of a quote block, without the block, is none either.
    expect(isOwnUndoStep(state.tr.delete(1, 3), state)).toBe(false)

    // Deleting the block, or a range that holds it.
    expect(isOwnUndoStep(state.tr.delete(quoteAt, quoteAt + quoteSize), state)).toBe(true)
    expect(isOwnUndoStep(state.tr.delete(3, quoteAt + quoteSize + 2), state)).toBe(true)
    // Inserting one.
    const quote = state.doc.child(1)
    expect(isOwnUndoStep(state.tr.insert(0, quote.copy()), state)).toBe(true)

    // Replacing whatever node is selected, quote block or not.
    const selected = state.apply(state.tr.setSelection(NodeSelection.create(state.doc, quoteAt)))
    expect(isOwnUndoStep(selected.tr.deleteSelection(), selected)).toBe(true)
  })
})
