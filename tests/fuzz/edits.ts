/** Random editor-like edits for the convergence fuzz tests. */
import * as Y from 'yjs'
import type { Random } from './random'

/** The XmlText of a paragraph (every paragraph these edits create holds exactly one). */
function textOf(paragraph: Y.XmlElement): Y.XmlText | null {
  const first = paragraph.get(0)
  return first instanceof Y.XmlText ? first : null
}

function newParagraph(text: string): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  return paragraph
}

/** One random editor-like change, in one transaction, as one keystroke or command would be. */
export function randomEdit(random: Random, doc: Y.Doc): void {
  const fragment = doc.getXmlFragment('default')
  const paragraphs = fragment.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement)
  doc.transact(() => {
    const roll = random.next()
    if (paragraphs.length === 0 || roll < 0.12) {
      fragment.insert(random.int(fragment.length + 1), [newParagraph(random.word())])
      return
    }
    const index = random.int(paragraphs.length)
    const paragraph = paragraphs[index]!
    const text = textOf(paragraph)
    if (roll < 0.2 || !text) {
      fragment.delete(fragment.toArray().indexOf(paragraph), 1)
    } else if (roll < 0.6) {
      text.insert(random.int(text.length + 1), random.word())
    } else if (roll < 0.8) {
      if (text.length === 0) return
      const at = random.int(text.length)
      text.delete(at, 1 + random.int(Math.min(5, text.length - at)))
    } else if (roll < 0.9) {
      if (text.length === 0) return
      const at = random.int(text.length)
      text.format(at, 1 + random.int(text.length - at), { bold: random.chance(0.7) ? true : null })
    } else {
      // Enter in the middle of a paragraph: its tail moves into a new paragraph after it.
      const at = random.int(text.length + 1)
      const tail = text.toString().slice(at)
      text.delete(at, text.length - at)
      fragment.insert(fragment.toArray().indexOf(paragraph) + 1, [newParagraph(tail)])
    }
  })
}
