/**
 * A briefing stored broken, as main stored it before updates' structure was checked: text
 * straight under the document, 3,000 nested blockquotes, bold text in a code block, between
 * two paragraphs that are fine ("kept before", "kept after").
 */
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../shared/schema/extensions'

const DEPTH = 3_000

export function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [new Y.XmlText(text)])
  return element
}

/**
 * The broken document as one stored row. The chain of blockquotes is built a level at a
 * time, as a client typing it would (and so Yjs never recurses 3,000 deep integrating it).
 */
export function brokenRow(): Uint8Array {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT)
  fragment.insert(0, [paragraph('kept before')])
  fragment.insert(1, [new Y.XmlText('loose text')])
  let parent: Y.XmlFragment = fragment
  let at = 2
  for (let level = 0; level < DEPTH; level++) {
    const quote = new Y.XmlElement('blockquote')
    parent.insert(at, [quote])
    parent = quote
    at = 0
  }
  parent.insert(0, [paragraph('deep down')])
  const code = new Y.XmlElement('codeBlock')
  const text = new Y.XmlText('let x = 1')
  code.insert(0, [text])
  fragment.insert(3, [code, paragraph('kept after')])
  text.format(0, 3, { bold: {} })
  return Y.encodeStateAsUpdate(doc)
}
