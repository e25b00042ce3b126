/** Citation numbering: by first appearance in document order, one number per source. */
import type { JSONContent } from '@tiptap/core'
import { EditorState } from '@tiptap/pm/state'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { numberCitations } from '../../shared/citations/numbering'
import {
  CITATION_NUMBER_ATTRIBUTE,
  citationNumberingKey,
  citationNumberingPlugin,
  citationNumbers,
  quoteNoteNumber,
} from '../../shared/citations/plugin'
import { citedSources } from '../../shared/citations/sourcesList'
import { briefingSchema, DOCUMENT_FRAGMENT } from '../../shared/schema'
import { ARTICLE, makeSource, quoteAttrs } from './fixtures'

const sources = {
  a: makeSource(ARTICLE, 'a'),
  b: makeSource(['Another source says something.'], 'b'),
  c: makeSource(['A third source, for good measure.'], 'c'),
}

const quote = (sourceId: 'a' | 'b' | 'c', quoteId: string): JSONContent => {
  const exact =
    sourceId === 'a' ? 'We will not cut schools.' : sources[sourceId].paragraphs[0]!.slice(0, 9)
  return { type: 'sourceQuote', attrs: quoteAttrs(sources[sourceId], exact, { quoteId }) }
}

const cited = (text: string, sourceId: string, citationId = `c-${sourceId}`): JSONContent => ({
  type: 'text',
  text,
  marks: [{ type: 'cite', attrs: { sourceId, locator: null, citationId } }],
})

const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content })

describe('numberCitations', () => {
  it('[CN1] numbers sources by first appearance; repeats keep their number', () => {
    const doc: JSONContent = {
      type: 'doc',
      content: [
        paragraph({ type: 'text', text: 'Intro ' }, cited('paraphrase of b', 'b')),
        quote('a', 'q1'),
        paragraph(
          cited('more b', 'b', 'c-2'),
          { type: 'text', text: ' and ' },
          cited('some c', 'c'),
        ),
        quote('a', 'q2'),
        quote('b', 'q3'),
      ],
    }
    const numbering = numberCitations(doc)
    expect(numbering.ordered).toEqual(['b', 'a', 'c'])
    expect([...numbering.bySource]).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 3],
    ])
    expect(numberCitations(briefingSchema().nodeFromJSON(doc))).toEqual(numbering)
  })

  it('[CN2] counts quotes and cites inside lists and other nesting, and skips malformed ones', () => {
    const doc: JSONContent = {
      type: 'doc',
      content: [
        { type: 'sourceQuote', attrs: { sourceId: 42 } },
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [paragraph(cited('nested', 'c'))] }],
        },
        quote('a', 'q1'),
      ],
    }
    expect(numberCitations(doc).ordered).toEqual(['c', 'a'])
  })

  it('[CN3] concurrent insertions number the same on every peer, by final document order', () => {
    const schema = briefingSchema()
    const a = new Y.Doc()
    const b = new Y.Doc()
    const body = (doc: Y.Doc) => doc.getXmlFragment(DOCUMENT_FRAGMENT)
    const base = new Y.XmlElement('paragraph')
    base.insert(0, [new Y.XmlText('Base.')])
    body(a).insert(0, [base])
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))

    // Peer A appends a quote of source a; peer B, offline, puts a cited paragraph first
    // and a quote of source c last. Neither sees the other's edit until the merge.
    const quoteElement = (sourceId: 'a' | 'c', quoteId: string) => {
      const el = new Y.XmlElement('sourceQuote')
      for (const [k, v] of Object.entries(quote(sourceId, quoteId).attrs!))
        if (v !== null) el.setAttribute(k, v)
      return el
    }
    body(a).insert(1, [quoteElement('a', 'qa')])
    const cite = new Y.XmlElement('paragraph')
    const text = new Y.XmlText()
    cite.insert(0, [text])
    body(b).insert(0, [cite])
    text.insert(0, 'Paraphrase', {
      cite: { sourceId: 'b', locator: { paragraph: 1 }, citationId: 'cb' },
    })
    body(b).insert(body(b).length, [quoteElement('c', 'qc')])

    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const numberingA = numberCitations(yXmlFragmentToProseMirrorRootNode(body(a), schema))
    const numberingB = numberCitations(yXmlFragmentToProseMirrorRootNode(body(b), schema))
    expect(numberingA).toEqual(numberingB)
    expect(numberingA.ordered[0]).toBe('b')
    expect(new Set(numberingA.ordered)).toEqual(new Set(['a', 'b', 'c']))
  })

  it('[CN4] citedSources lists each cited source once, with missing ones flagged', () => {
    const doc: JSONContent = {
      type: 'doc',
      content: [quote('a', 'q1'), paragraph(cited('x', 'zzz')), quote('a', 'q2')],
    }
    const list = citedSources(doc, (id) => (id === 'a' ? sources.a : undefined))
    expect(list).toEqual([
      { number: 1, sourceId: 'a', source: sources.a },
      { number: 2, sourceId: 'zzz', source: undefined },
    ])
  })
})

describe('citation numbering plugin', () => {
  it('[CN5] keeps numbers live and decorates quotes and the end of each cited run', () => {
    const schema = briefingSchema()
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [paragraph(cited('Claim ', 'b'), { type: 'text', text: 'plain' }), quote('a', 'q1')],
    })
    let state = EditorState.create({ doc, plugins: [citationNumberingPlugin()] })
    expect(citationNumbers(state)?.ordered).toEqual(['b', 'a'])
    const numbersShown = () =>
      (citationNumberingKey.getState(state)?.decorations.find() ?? [])
        .map((d) => ({
          from: d.from,
          n: (d as unknown as DecorationWithAttrs).type.attrs[CITATION_NUMBER_ATTRIBUTE],
        }))
        .sort((x, y) => x.from - y.from)
    expect(numbersShown()).toEqual([
      { from: 1, n: '1' },
      { from: 13, n: '2' },
    ])
    // Moving the quote to the top renumbers both.
    const quoteNode = state.doc.lastChild!
    const tr = state.tr
      .delete(state.doc.content.size - quoteNode.nodeSize, state.doc.content.size)
      .insert(0, quoteNode)
    state = state.apply(tr)
    expect(citationNumbers(state)?.ordered).toEqual(['a', 'b'])
    expect(numbersShown()?.map((d) => d.n)).toEqual(['1', '2'])
  })

  it('[CN6] shows each citation its own note number, in document order, as the export does', () => {
    const schema = briefingSchema()
    // Source a twice (a quote, then a cited passage), b once, a again: four notes.
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [
        quote('a', 'q1'),
        paragraph(cited('Claim ', 'a', 'c1'), { type: 'text', text: 'and ' }, cited('more', 'b')),
        quote('a', 'q2'),
      ],
    })
    const state = EditorState.create({ doc, plugins: [citationNumberingPlugin()] })
    const shown = (citationNumberingKey.getState(state)?.decorations.find() ?? [])
      .sort((x, y) => x.from - y.from)
      .map((d) => (d as unknown as DecorationWithAttrs).type.attrs[CITATION_NUMBER_ATTRIBUTE])
    expect(shown).toEqual(['1', '2', '3', '4'])
    // What a quote block's node view shows: its own note, not its source's number.
    const secondQuote = doc.content.size - doc.lastChild!.nodeSize
    expect(quoteNoteNumber(state, 0)).toBe(1)
    expect(quoteNoteNumber(state, secondQuote)).toBe(4)
    // The Sources list still numbers sources once each.
    expect(citationNumbers(state)?.ordered).toEqual(['a', 'b'])
  })
})

interface DecorationWithAttrs {
  type: { attrs: Record<string, string> }
}
