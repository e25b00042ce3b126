/**
 * Quote blocks against accidental deletion and their speaker command: typing over a
 * selection holding a quote block types beside it, Backspace next to one selects it, and
 * `setQuoteSpeaker` records who answered and when.
 */
import { type AnyExtension, Editor } from '@tiptap/core'
import { Fragment, Slice } from '@tiptap/pm/model'
import { NodeSelection, TextSelection } from '@tiptap/pm/state'
import { afterEach, describe, expect, it } from 'vitest'
import {
  pasteBesideQuotes,
  QuoteGuard,
  quoteBeside,
  typeBesideQuotes,
} from '../../client/src/editor/quote/quoteGuard'
import { briefingExtensions } from '../../shared/schema'
import { findSourceQuote } from '../../shared/schema/nodes/sourceQuote'
import { ARTICLE, makeSource, quoteAttrs } from '../quotes/fixtures'

const source = makeSource(ARTICLE)
const attrs = quoteAttrs(source, 'We will not cut hospitals.', { quoteId: 'q1' })
const editors: Editor[] = []

afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy()
})

function makeEditor(): Editor {
  const extensions: AnyExtension[] = [...briefingExtensions(), QuoteGuard]
  const editor = new Editor({
    extensions,
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

/** Types `text` as the guard's text-input handler, else ProseMirror's default, would. */
function typeText(editor: Editor, text: string): void {
  const { state } = editor
  const { from, to } = state.selection
  editor.view.dispatch(
    typeBesideQuotes(state, from, to, text) ?? state.tr.insertText(text, from, to),
  )
}

/** Backspace (-1) or Delete (1) as the guard sees it: a quote block beside gets selected. */
function press(editor: Editor, dir: -1 | 1): boolean {
  const pos = quoteBeside(editor.state, dir)
  if (pos === null) return false
  editor.view.dispatch(editor.state.tr.setSelection(NodeSelection.create(editor.state.doc, pos)))
  return true
}

function outline(editor: Editor): string[] {
  const lines: string[] = []
  editor.state.doc.forEach((node) => {
    lines.push(node.type.name === 'sourceQuote' ? `Q:${node.attrs.quoteId}` : node.textContent)
  })
  return lines
}

describe('quote guard', () => {
  it('[QG1] types after a selected quote block, in a new paragraph, instead of replacing it', () => {
    const editor = makeEditor()
    const pos = findSourceQuote(editor.state.doc, 'q1')!.pos
    editor.view.dispatch(editor.state.tr.setSelection(NodeSelection.create(editor.state.doc, pos)))
    typeText(editor, 'h')
    typeText(editor, 'i')
    expect(outline(editor)).toEqual(['Before.', 'Q:q1', 'hi', 'After.'])
  })

  it('[QG2] types at the end of a text selection that spans a quote block, deleting nothing', () => {
    const editor = makeEditor()
    const { doc } = editor.state
    editor.view.dispatch(
      editor.state.tr.setSelection(TextSelection.create(doc, 3, doc.content.size - 2)),
    )
    typeText(editor, 'Z')
    expect(outline(editor)).toEqual(['Before.', 'Q:q1', 'AfterZ.'])
  })

  it('[QG3] pastes after a selected quote block instead of over it', () => {
    const editor = makeEditor()
    const pos = findSourceQuote(editor.state.doc, 'q1')!.pos
    editor.view.dispatch(editor.state.tr.setSelection(NodeSelection.create(editor.state.doc, pos)))
    const { schema } = editor.state
    const pasted = new Slice(
      Fragment.from(schema.nodes.paragraph!.create(null, schema.text('Pasted'))),
      0,
      0,
    )
    editor.view.dispatch(pasteBesideQuotes(editor.state, pasted)!)
    expect(outline(editor)).toEqual(['Before.', 'Q:q1', 'Pasted', 'After.'])
    editor.commands.setTextSelection(2)
    expect(pasteBesideQuotes(editor.state, pasted)).toBeNull()
  })

  it('[QG4] leaves ordinary typing alone', () => {
    const editor = makeEditor()
    editor.commands.setTextSelection(2)
    typeText(editor, 'Q')
    expect(outline(editor)).toEqual(['BQefore.', 'Q:q1', 'After.'])
  })

  it('[QG5] selects the quote block on Backspace at the start of the next paragraph', () => {
    const editor = makeEditor()
    const pos = findSourceQuote(editor.state.doc, 'q1')!.pos
    editor.commands.setTextSelection(pos + 2)
    expect(press(editor, -1)).toBe(true)
    expect(editor.state.selection).toBeInstanceOf(NodeSelection)
    expect(outline(editor)).toEqual(['Before.', 'Q:q1', 'After.'])
  })

  it('[QG6] selects the quote block on Delete at the end of the paragraph before', () => {
    const editor = makeEditor()
    editor.commands.setTextSelection(8)
    expect(press(editor, 1)).toBe(true)
    expect(editor.state.selection).toBeInstanceOf(NodeSelection)
    expect(outline(editor)).toEqual(['Before.', 'Q:q1', 'After.'])
  })
})

describe('setQuoteSpeaker', () => {
  it('[QG7] sets speaker and role and records who checked them, keeping the importer record', () => {
    const editor = makeEditor()
    expect(
      editor.commands.setQuoteSpeaker('q1', {
        speaker: ' Ana Lima ',
        speakerRole: '',
        checkedBy: 'Grace',
        checkedAt: '2024-03-04T09:00:00.000Z',
      }),
    ).toBe(true)
    expect(findSourceQuote(editor.state.doc, 'q1')!.node.attrs).toMatchObject({
      speaker: 'Ana Lima',
      speakerRole: null,
      attributedSpeaker: null,
      speakerCheckedBy: 'Grace',
      speakerCheckedAt: '2024-03-04T09:00:00.000Z',
      text: attrs.text,
    })
  })

  it('[QG8] refuses a quote that is not there and a bad name', () => {
    const editor = makeEditor()
    expect(
      editor.commands.setQuoteSpeaker('nope', { speaker: 'A', speakerRole: null, checkedBy: 'G' }),
    ).toBe(false)
    expect(() =>
      editor.commands.setQuoteSpeaker('q1', {
        speaker: 'x'.repeat(600),
        speakerRole: null,
        checkedBy: 'G',
      }),
    ).toThrow(RangeError)
  })
})
