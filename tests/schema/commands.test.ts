/** Commands of the briefing's quote and citation nodes, run in a headless editor. */
import { type AnyExtension, Editor, type JSONContent } from '@tiptap/core'
import { generateHTML, generateJSON } from '@tiptap/html/server'
import { Slice } from '@tiptap/pm/model'
import type { EditorView } from '@tiptap/pm/view'
import { afterEach, describe, expect, it } from 'vitest'
import { briefingExtensions, briefingSchema } from '../../shared/schema'
import { Cite } from '../../shared/schema/marks/cite'
import {
  findSourceQuote,
  SourceQuote,
  uniqueQuoteIdsOnPaste,
} from '../../shared/schema/nodes/sourceQuote'
import type { SourceQuoteAttrs } from '../../shared/schema/nodes/sourceQuoteAttrs'
import type { Source } from '../../shared/sources/types'
import { ARTICLE, makeSource, quoteAttrs } from '../quotes/fixtures'

const source = makeSource(ARTICLE)
const base = quoteAttrs(source, 'We will not raise taxes this year — not one penny,', {
  quoteId: 'q1',
})
const editors: Editor[] = []

afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy()
})

const emptyDoc: JSONContent = { type: 'doc', content: [{ type: 'paragraph' }] }

function makeEditor(
  options: { getSource?: (id: string) => Source | undefined; content?: JSONContent } = {},
) {
  const extensions: AnyExtension[] = briefingExtensions().map((e) =>
    e.name === 'sourceQuote' && options.getSource
      ? SourceQuote.configure({ getSource: options.getSource })
      : e,
  )
  const editor = new Editor({ extensions, content: options.content ?? emptyDoc })
  editors.push(editor)
  return editor
}

function quoteText(editor: Editor, quoteId = 'q1'): string | undefined {
  return (findSourceQuote(editor.state.doc, quoteId)?.node.attrs as SourceQuoteAttrs | undefined)
    ?.text
}

describe('insertSourceQuote', () => {
  it('[SC1] inserts a quote block, generating an id and time when not given', () => {
    const editor = makeEditor()
    const { quoteId: _, insertedAt: __, ...input } = base
    expect(editor.commands.insertSourceQuote(input)).toBe(true)
    const quotes = editor.getJSON().content!.filter((n) => n.type === 'sourceQuote')
    expect(quotes).toHaveLength(1)
    expect(quotes[0]!.attrs).toMatchObject({
      ...input,
      quoteId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    })
    expect(Date.parse(quotes[0]!.attrs!.insertedAt)).not.toBeNaN()
  })

  it('[SC2] throws a RangeError naming a malformed attribute', () => {
    const editor = makeEditor()
    expect(() => editor.commands.insertSourceQuote({ ...base, kind: 'most' as never })).toThrow(
      /kind: "most"/,
    )
    expect(() =>
      editor.commands.insertSourceQuote({ ...base, position: { start: 3, end: 1, paragraph: 1 } }),
    ).toThrow(RangeError)
  })

  it('[SC3] refuses a quoteId already in the document', () => {
    const editor = makeEditor()
    expect(editor.commands.insertSourceQuote(base)).toBe(true)
    expect(editor.commands.insertSourceQuote({ ...base, text: 'not one penny' })).toBe(false)
  })

  it('[SC4] with a source lookup, refuses quotes that do not verify', () => {
    const editor = makeEditor({ getSource: (id) => (id === source.id ? source : undefined) })
    expect(
      editor.commands.insertSourceQuote({ ...base, text: 'We will raise taxes this year' }),
    ).toBe(false)
    expect(editor.commands.insertSourceQuote({ ...base, sourceId: 'unknown' })).toBe(false)
    expect(editor.commands.insertSourceQuote(base)).toBe(true)
  })
})

describe('trimSourceQuote and setQuoteClarification', () => {
  const withQuote = (getSource?: (id: string) => Source | undefined) => {
    const editor = makeEditor({ getSource })
    editor.commands.insertSourceQuote(base)
    return editor
  }

  it('[SC5] trims with an elision and leaves other attributes alone', () => {
    const editor = withQuote()
    expect(editor.commands.trimSourceQuote('q1', 'We will not raise taxes … not one penny,')).toBe(
      true,
    )
    expect(quoteText(editor)).toBe('We will not raise taxes … not one penny,')
    const { text: _, ...rest } = findSourceQuote(editor.state.doc, 'q1')!.node.attrs
    const { text: __, ...expected } = base
    expect(rest).toEqual({ marking: null, ...expected })
  })

  it.each([
    ['a changed word', 'We will not raise rates this year — not one penny,'],
    ['a removal without an ellipsis', 'We will raise taxes this year — not one penny,'],
    ['swapped words', 'We not will raise taxes this year — not one penny,'],
    ['an inserted word', 'We will not ever raise taxes this year — not one penny,'],
    ['an unmatched bracket', 'We will [not raise taxes'],
  ])('[SC6] refuses %s and leaves the quote unchanged', (_, newText) => {
    const editor = withQuote()
    expect(editor.commands.trimSourceQuote('q1', newText)).toBe(false)
    expect(quoteText(editor)).toBe(base.text)
  })

  it('[SC7] returns false for an unknown quote', () => {
    expect(withQuote().commands.trimSourceQuote('nope', 'We will')).toBe(false)
  })

  it('[SC8] adds and replaces clarifications, refusing results with no quoted words', () => {
    const editor = withQuote()
    expect(editor.commands.setQuoteClarification('q1', { from: 0, to: 2 }, 'The government')).toBe(
      true,
    )
    expect(quoteText(editor)).toBe(
      '[The government] will not raise taxes this year — not one penny,',
    )
    expect(editor.commands.setQuoteClarification('q1', { from: 3, to: 5 }, 'Ministers')).toBe(true)
    expect(quoteText(editor)).toBe('[Ministers] will not raise taxes this year — not one penny,')
    const whole = quoteText(editor)!.length
    expect(
      editor.commands.setQuoteClarification('q1', { from: 0, to: whole }, 'they said no'),
    ).toBe(false)
    expect(() => editor.commands.setQuoteClarification('q1', { from: 0, to: 999 }, 'x')).toThrow(
      RangeError,
    )
  })

  it('[SC9] with a source lookup, also checks the result against the source', () => {
    // The previous text was already altered (a raw update); trimming cannot launder it.
    const editor = makeEditor({
      getSource: () => source,
      content: {
        type: 'doc',
        content: [
          { type: 'sourceQuote', attrs: { ...base, text: 'We will raise taxes this year' } },
        ],
      },
    })
    expect(editor.commands.trimSourceQuote('q1', 'We will raise taxes')).toBe(false)
    expect(withQuote(() => source).commands.trimSourceQuote('q1', 'raise taxes this year')).toBe(
      true,
    )
  })
})

describe('pasting quote blocks', () => {
  it('[SC15] a pasted copy of a quote already in the document gets a fresh id; a move keeps it', () => {
    const editor = makeEditor()
    editor.commands.insertSourceQuote(base)
    const existing = findSourceQuote(editor.state.doc, 'q1')!.node
    const fresh = existing.type.create({ ...existing.attrs, quoteId: 'q-new' })
    const slice = new Slice(
      existing.type.schema.nodes.doc!.create(null, [existing, fresh]).content,
      0,
      0,
    )
    const transform = uniqueQuoteIdsOnPaste().props.transformPasted!
    // Only the parts of the view the plugin reads.
    const view = (dragging: { move: boolean } | null) =>
      ({ state: editor.state, dragging }) as unknown as EditorView
    const ids = (s: Slice) => s.content.content.map((n) => n.attrs.quoteId as string)
    const pasted = ids(transform.call(undefined as never, slice, view(null), true))
    expect(pasted[0]).not.toBe('q1')
    expect(pasted[1]).toBe('q-new')
    expect(ids(transform.call(undefined as never, slice, view({ move: true }), true))).toEqual([
      'q1',
      'q-new',
    ])
  })
})

describe('cite mark', () => {
  const paragraph: JSONContent = {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [{ type: 'text', text: 'Taxes will stay flat, the minister said.' }],
      },
    ],
  }

  it('[SC10] setCite attributes the selection; unsetCite removes it', () => {
    const editor = makeEditor({ content: paragraph })
    editor.commands.setTextSelection({ from: 1, to: 22 })
    expect(editor.commands.setCite({ sourceId: source.id, locator: { paragraph: 1 } })).toBe(true)
    const text = editor.getJSON().content![0]!.content!
    expect(text[0]).toMatchObject({
      text: 'Taxes will stay flat,',
      marks: [
        {
          type: 'cite',
          attrs: { sourceId: source.id, locator: { paragraph: 1 }, citationId: expect.any(String) },
        },
      ],
    })
    editor.commands.setTextSelection({ from: 5, to: 5 })
    expect(editor.commands.unsetCite()).toBe(true)
    expect(editor.getJSON().content![0]!.content![0]!.marks).toBeUndefined()
  })

  it('[SC11] setCite rejects malformed attributes with a RangeError naming them', () => {
    const editor = makeEditor({ content: paragraph })
    expect(() => editor.commands.setCite({ sourceId: '' })).toThrow(/sourceId: ""/)
    expect(() => editor.commands.setCite({ sourceId: 's', locator: { paragraph: 0 } })).toThrow(
      /locator\.paragraph: 0/,
    )
  })

  it('[SC12] round-trips through HTML', () => {
    const json: JSONContent = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          attrs: { marking: 'TLP:GREEN' },
          content: [
            {
              type: 'text',
              text: 'Flat taxes',
              marks: [
                {
                  type: 'cite',
                  attrs: { sourceId: 's1', locator: { paragraph: 2 }, citationId: 'c1' },
                },
              ],
            },
            { type: 'text', text: ' and ' },
            {
              type: 'text',
              text: 'more',
              marks: [{ type: 'cite', attrs: { sourceId: 's2', locator: null, citationId: 'c2' } }],
            },
          ],
        },
      ],
    }
    const html = generateHTML(json, briefingExtensions())
    expect(html).toContain(
      '<span data-source-id="s1" data-paragraph="2" data-citation-id="c1" data-type="cite">',
    )
    expect(generateJSON(html, briefingExtensions())).toEqual(json)
    expect(Cite.name).toBe('cite')
  })
})

describe('sourcesList', () => {
  it('[SC13] inserts once, stores nothing, and renders a placeholder', () => {
    const editor = makeEditor()
    expect(editor.commands.insertSourcesList()).toBe(true)
    expect(editor.commands.insertSourcesList()).toBe(false)
    const list = editor.getJSON().content!.find((n) => n.type === 'sourcesList')
    expect(list).toEqual({ type: 'sourcesList' })
    const html = generateHTML(editor.getJSON(), briefingExtensions())
    expect(html).toContain('<section data-type="sources-list"></section>')
    expect(generateJSON(html, briefingExtensions())).toEqual(editor.getJSON())
  })
})

describe('briefingExtensions', () => {
  it('[SC14] the shared schema holds the quote and citation types', () => {
    const schema = briefingSchema()
    expect(Object.keys(schema.nodes)).toEqual(
      expect.arrayContaining(['sourceQuote', 'sourcesList']),
    )
    expect(Object.keys(schema.marks)).toContain('cite')
  })
})
