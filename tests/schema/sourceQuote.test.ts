/** The sourceQuote node's schema: attributes, validation, and round trips through Yjs and HTML. */
import { getText, getTextSerializersFromSchema } from '@tiptap/core'
import { generateHTML, generateJSON } from '@tiptap/html/server'
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { briefingExtensions, briefingSchema, DOCUMENT_FRAGMENT } from '../../shared/schema'
import {
  type SourceQuoteAttrs,
  validateSourceQuoteAttrs,
} from '../../shared/schema/nodes/sourceQuoteAttrs'
import { ARTICLE, makeSource, quoteAttrs } from '../quotes/fixtures'

const source = makeSource(ARTICLE)
// Characters that tend to break serialisers: quotes, ampersands, angle brackets, newlines.
const attrs = quoteAttrs(source, '“We will not raise taxes this year — not one penny,”', {
  text: '“We will not raise taxes … [at all],” <she> & co.',
  speakerRole: null,
})
const unattributed = quoteAttrs(source, 'Critics said the plan', {
  quoteId: 'q-2',
  speaker: null,
  speakerRole: null,
})

// Every block carries a portion mark (issue 20); one quote here is marked, the rest default.
const docJson = (...quotes: SourceQuoteAttrs[]) => ({
  type: 'doc',
  content: [
    { type: 'paragraph', attrs: { marking: null }, content: [{ type: 'text', text: 'Before.' }] },
    ...quotes.map((a, i) => ({
      type: 'sourceQuote',
      attrs: { marking: i === 0 ? 'TLP:AMBER' : null, ...a },
    })),
    { type: 'paragraph', attrs: { marking: null }, content: [{ type: 'text', text: 'After.' }] },
  ],
})

describe('sourceQuote schema', () => {
  it('[SQ1] is an atom block whose words are attributes, not editable content', () => {
    const type = briefingSchema().nodes.sourceQuote!
    expect(type.isAtom && type.isLeaf && type.isBlock).toBe(true)
  })

  it('[SQ2] round-trips through a Y.Doc with every attribute intact', () => {
    const schema = briefingSchema()
    const json = docJson(attrs, unattributed)
    const ydoc = prosemirrorJSONToYDoc(schema, json, DOCUMENT_FRAGMENT)
    // Through a second peer, so the attributes survive encoding, not just in-memory storage.
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(ydoc))
    const node = yXmlFragmentToProseMirrorRootNode(peer.getXmlFragment(DOCUMENT_FRAGMENT), schema)
    expect(node.toJSON()).toEqual(json)
    expect(node.child(1).attrs.selector).toEqual(attrs.selector)
    expect(node.child(1).attrs.position).toEqual(attrs.position)
    node.check()
  })

  it('[SQ3] round-trips through HTML as a figure with blockquote and figcaption', () => {
    const json = docJson(attrs, unattributed)
    const html = generateHTML(json, briefingExtensions())
    expect(html).toContain('<figure data-quote-id="q-')
    expect(html).toMatch(
      /<blockquote>“We will not raise taxes … \[at all\],” &lt;she&gt; &amp; co\.<\/blockquote>/,
    )
    expect(html).toContain('<figcaption>Jane Doe</figcaption>')
    expect(generateJSON(html, briefingExtensions())).toEqual(json)
  })

  it('[SQ4] plain-text form quotes the words and names the speaker', () => {
    const schema = briefingSchema()
    const doc = schema.nodeFromJSON(
      docJson({ ...unattributed, speaker: 'Ann Lee', speakerRole: 'critic' }),
    )
    const text = getText(doc, {
      blockSeparator: '\n',
      textSerializers: getTextSerializersFromSchema(schema),
    })
    expect(text).toBe('Before.\n“Critics said the plan” — Ann Lee, critic\nAfter.')
  })

  it('[SQ4b] a pasted figure with missing or malformed data is not taken for a quote block', () => {
    const html = generateHTML(docJson(attrs), briefingExtensions())
    const damaged = html.replace(/ data-inserted-at="[^"]*"/, ' data-inserted-at="yesterday"')
    const parsed = generateJSON(damaged, briefingExtensions())
    expect(parsed.content.map((n: { type: string }) => n.type)).toEqual([
      'paragraph',
      'blockquote',
      'paragraph',
      'paragraph',
    ])
  })
})

describe('validateSourceQuoteAttrs', () => {
  it('[SQ5] accepts well-formed attrs', () => {
    expect(validateSourceQuoteAttrs(attrs)).toBe(attrs)
  })

  it.each([
    ['quoteId', { quoteId: '' }, /quoteId: ""/],
    ['sourceId', { sourceId: 7 }, /sourceId: 7/],
    ['text', { text: '   ' }, /text: " {3}"/],
    ['selector', { selector: null }, /selector: null/],
    ['selector.exact', { selector: { exact: '', prefix: '', suffix: '' } }, /selector\.exact: ""/],
    [
      'selector.prefix',
      { selector: { exact: 'x', prefix: 'p'.repeat(300), suffix: '' } },
      /selector\.prefix/,
    ],
    ['position.start', { position: { start: -1, end: 4, paragraph: 1 } }, /position\.start: -1/],
    ['position.end', { position: { start: 5, end: 5, paragraph: 1 } }, /position\.end: 5/],
    [
      'position.paragraph',
      { position: { start: 0, end: 5, paragraph: 0 } },
      /position\.paragraph: 0/,
    ],
    ['kind', { kind: 'some' }, /kind: "some"/],
    ['speaker', { speaker: 3 }, /speaker: 3/],
    ['insertedAt', { insertedAt: 'yesterday' }, /insertedAt: "yesterday"/],
    ['an unknown attribute', { colour: 'red' }, /colour: "red" \(expected no such attribute\)/],
  ])('[SQ6] rejects a bad %s with a RangeError naming the value', (_, override, message) => {
    expect(() => validateSourceQuoteAttrs({ ...attrs, ...override })).toThrow(RangeError)
    expect(() => validateSourceQuoteAttrs({ ...attrs, ...override })).toThrow(message)
  })

  it('[SQ7] the schema check rejects a document holding a malformed quote', () => {
    // Creating the node validates given attributes; check() also covers ones set after creation.
    const json = docJson({ ...attrs, position: { start: 9, end: 3, paragraph: 1 } })
    expect(() => briefingSchema().nodeFromJSON(json)).toThrow(/position\.end: 3/)
    const doc = briefingSchema().nodeFromJSON(docJson(attrs))
    ;(doc.child(1).attrs as Record<string, unknown>).kind = 'bogus'
    expect(() => doc.check()).toThrow(/kind: "bogus"/)
  })
})
