/**
 * Inserting quote blocks at the cursor and at drop points: nothing the user wrote or
 * inserted before is replaced or split, and consecutive inserts keep their order.
 */
import { type AnyExtension, Editor, type JSONContent } from '@tiptap/core'
import { NodeSelection, TextSelection } from '@tiptap/pm/state'
import { afterEach, describe, expect, it } from 'vitest'
import { insertQuote } from '../../client/src/editor/quote/insertQuote'
import { briefingExtensions } from '../../shared/schema'
import { SourceQuote } from '../../shared/schema/nodes/sourceQuote'
import type { SourceQuoteInput } from '../../shared/schema/nodes/sourceQuoteAttrs'
import { ARTICLE, makeSource, quoteAttrs } from '../quotes/fixtures'

const source = makeSource(ARTICLE)
const editors: Editor[] = []

afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy()
})

function input(exact: string): SourceQuoteInput {
  const { quoteId: _, insertedAt: __, ...rest } = quoteAttrs(source, exact)
  return rest
}

const hospitals = input('We will not cut hospitals.')
const schools = input('We will not cut schools.')

function makeEditor(paragraphs: string[]): Editor {
  const extensions: AnyExtension[] = briefingExtensions().map((e) =>
    e.name === 'sourceQuote'
      ? SourceQuote.configure({ getSource: (id) => (id === source.id ? source : undefined) })
      : e,
  )
  const content: JSONContent = {
    type: 'doc',
    content: paragraphs.map((text) =>
      text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' },
    ),
  }
  const editor = new Editor({ extensions, content })
  editors.push(editor)
  return editor
}

/** The document as a list: paragraph text, or `Q:` and the quote's text. */
function outline(editor: Editor): string[] {
  const lines: string[] = []
  editor.state.doc.forEach((node) => {
    lines.push(node.type.name === 'sourceQuote' ? `Q:${node.attrs.text}` : node.textContent)
  })
  return lines
}

describe('insertQuote at the cursor', () => {
  it('inserts after the paragraph the cursor ends, and a second insert goes after the first', () => {
    const editor = makeEditor(['Intro text'])
    editor.commands.setTextSelection(11)
    expect(insertQuote(editor, hospitals)).toMatch(/^[0-9a-f-]{36}$/)
    expect(insertQuote(editor, schools)).not.toBeNull()
    expect(outline(editor).slice(0, 3)).toEqual([
      'Intro text',
      'Q:We will not cut hospitals.',
      'Q:We will not cut schools.',
    ])
  })

  it('does not replace a selected quote block', () => {
    const editor = makeEditor(['Intro', 'After'])
    editor.commands.setTextSelection(6)
    insertQuote(editor, hospitals)
    const quotePos = editor.state.doc.child(0).nodeSize
    editor.commands.setNodeSelection(quotePos)
    expect(editor.state.selection).toBeInstanceOf(NodeSelection)
    insertQuote(editor, schools)
    expect(outline(editor)).toEqual([
      'Intro',
      'Q:We will not cut hospitals.',
      'Q:We will not cut schools.',
      'After',
    ])
  })

  it('keeps selected words instead of overwriting them', () => {
    const editor = makeEditor(['Keep these words'])
    editor.commands.setTextSelection({ from: 1, to: 17 })
    insertQuote(editor, hospitals)
    expect(outline(editor)).toContain('Keep these words')
    expect(outline(editor)).toContain('Q:We will not cut hospitals.')
  })

  it('leaves the cursor in the paragraph after the block, ready to type', () => {
    const editor = makeEditor(['Before', 'After'])
    editor.commands.setTextSelection(7)
    insertQuote(editor, hospitals)
    const { selection } = editor.state
    expect(selection).toBeInstanceOf(TextSelection)
    expect(selection.$from.parent.textContent).toBe('After')
  })

  it('refuses a quote that does not verify, changing nothing', () => {
    const editor = makeEditor(['Text'])
    const before = editor.getJSON()
    expect(insertQuote(editor, { ...hospitals, text: 'We will cut hospitals.' })).toBeNull()
    expect(editor.getJSON()).toEqual(before)
  })
})

describe('insertQuote at a drop point', () => {
  it('snaps a drop inside a paragraph to its nearer edge instead of splitting it', () => {
    const editor = makeEditor(['First paragraph here', 'Second'])
    insertQuote(editor, hospitals, 4)
    expect(outline(editor).slice(0, 3)).toEqual([
      'Q:We will not cut hospitals.',
      'First paragraph here',
      'Second',
    ])
    insertQuote(editor, schools, editor.state.doc.child(0).nodeSize + 18)
    expect(outline(editor).slice(0, 4)).toEqual([
      'Q:We will not cut hospitals.',
      'First paragraph here',
      'Q:We will not cut schools.',
      'Second',
    ])
  })

  it('inserts exactly at a position between blocks', () => {
    const editor = makeEditor(['One', 'Two'])
    insertQuote(editor, hospitals, editor.state.doc.child(0).nodeSize)
    expect(outline(editor)).toEqual(['One', 'Q:We will not cut hospitals.', 'Two'])
  })
})
