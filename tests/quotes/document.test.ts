/** Verifying every quote in a document, including documents changed behind the editor's back. */
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { verifyDocumentQuotes } from '../../shared/quotes/document'
import { briefingSchema, DOCUMENT_FRAGMENT } from '../../shared/schema'
import type { SourceQuoteAttrs } from '../../shared/schema/nodes/sourceQuoteAttrs'
import { addSource, sourcesMap } from '../../shared/sources/sourcesMap'
import { ARTICLE, makeSource, quoteAttrs } from './fixtures'

const source = makeSource(ARTICLE)
const hospitals = quoteAttrs(source, 'We will not cut hospitals.', { quoteId: 'q1' })
const taxes = quoteAttrs(source, 'We will not raise taxes this year', { quoteId: 'q2' })

function docJson(...quotes: SourceQuoteAttrs[]) {
  return {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Intro.' }] },
      ...quotes.map((attrs) => ({ type: 'sourceQuote', attrs })),
    ],
  }
}

function yDocWith(...quotes: SourceQuoteAttrs[]): Y.Doc {
  const doc = prosemirrorJSONToYDoc(briefingSchema(), docJson(...quotes), DOCUMENT_FRAGMENT)
  addSource(doc, source)
  return doc
}

function quoteElement(doc: Y.Doc, quoteId: string): Y.XmlElement {
  const element = doc
    .getXmlFragment(DOCUMENT_FRAGMENT)
    .toArray()
    .find(
      (n): n is Y.XmlElement => n instanceof Y.XmlElement && n.getAttribute('quoteId') === quoteId,
    )
  if (!element) throw new Error(`no quote ${quoteId}`)
  return element
}

describe('verifyDocumentQuotes', () => {
  it('[QD1] verifies each quote of a Y.Doc against the sources in that Y.Doc', () => {
    const results = verifyDocumentQuotes(yDocWith(hospitals, taxes))
    expect([...results.keys()]).toEqual(['q1', 'q2'])
    expect([...results.values()].map((r) => r.status)).toEqual(['verified', 'verified'])
  })

  it('[QD2] catches a quote whose text was changed by a raw Y.Doc update', () => {
    const doc = yDocWith(hospitals, taxes)
    quoteElement(doc, 'q2').setAttribute('text', 'We will raise taxes this year')
    const results = verifyDocumentQuotes(doc)
    expect(results.get('q1')?.status).toBe('verified')
    expect(results.get('q2')).toMatchObject({
      status: 'altered',
      differences: [{ reason: 'not-found' }],
    })
  })

  it('[QD3] catches a source whose text was replaced behind addSource', () => {
    const doc = yDocWith(hospitals)
    const stored = sourcesMap(doc).get(source.id) as typeof source
    sourcesMap(doc).set(source.id, {
      ...stored,
      paragraphs: ['We will not cut hospitals. Or will we?'],
    })
    expect(verifyDocumentQuotes(doc).get('q1')).toEqual({ status: 'source-missing' })
  })

  it('[QD4] reports source-missing when the cited source is absent', () => {
    const doc = yDocWith(hospitals, { ...taxes, sourceId: 'gone' })
    expect(verifyDocumentQuotes(doc).get('q2')).toEqual({ status: 'source-missing' })
  })

  it('[QD5] reports malformed attributes as altered instead of throwing', () => {
    const doc = yDocWith(hospitals)
    quoteElement(doc, 'q1').setAttribute('text', 42 as unknown as string)
    expect(verifyDocumentQuotes(doc).get('q1')).toEqual({
      status: 'altered',
      differences: [{ segment: '', reason: 'malformed' }],
    })
  })

  it('[QD6] when two blocks share a quoteId, the worse verdict is kept', () => {
    const forged = { ...hospitals, text: 'We will cut hospitals.' }
    const results = verifyDocumentQuotes(yDocWith(hospitals, forged))
    expect(results.get('q1')?.status).toBe('altered')
  })

  it('[QD7] accepts ProseMirror JSON or a node, with sources from a map or a function', () => {
    const json = docJson(hospitals, { ...taxes, text: 'We will not raise taxes … year' })
    const byMap = verifyDocumentQuotes(json, new Map([[source.id, source]]))
    const node = briefingSchema().nodeFromJSON(json)
    const byFunction = verifyDocumentQuotes(node, (id) => (id === source.id ? source : undefined))
    expect(byMap).toEqual(byFunction)
    expect([...byMap.values()].every((r) => r.status === 'verified')).toBe(true)
  })
})
