/**
 * A long, deterministic editing history: a few authors typing into paragraphs one keystroke
 * per transaction, with backspaces, new paragraphs and cursor jumps, as a long-lived briefing
 * accumulates. Each transaction's update is kept, in order: that is the log Briefing stores.
 */
import * as Y from 'yjs'
import { Prng } from './prng'
import { DOCUMENT_FRAGMENT } from './workload'

export interface History {
  /** One update per edit, in order. */
  updates: Uint8Array[]
  /** `Y.encodeStateAsUpdate` of the final document. */
  state: Uint8Array
  stateVector: Uint8Array
  /** Characters in the final document. */
  characters: number
  paragraphs: number
}

const AUTHORS = [101, 202, 303, 404]
/** Edits one author makes before another takes over. */
const SESSION_EDITS = 2_000
const LETTERS = 'etaoinshrdlucmfwypvbgkjqxz'

export function generateHistory(edits: number, seed: number): History {
  const prng = new Prng(seed)
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT)
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const texts: Y.XmlText[] = []
  let current = 0
  let cursor = 0
  const newParagraph = (at: number) => {
    const text = new Y.XmlText()
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [text])
    fragment.insert(at, [paragraph])
    texts.splice(at, 0, text)
    current = at
    cursor = 0
  }
  for (let i = 0; i < edits; i++) {
    if (i % SESSION_EDITS === 0) doc.clientID = AUTHORS[(i / SESSION_EDITS) % AUTHORS.length]!
    const roll = prng.next()
    if (texts.length === 0 || roll < 0.005) {
      newParagraph(texts.length === 0 ? 0 : current + 1)
    } else if (roll < 0.015) {
      current = prng.int(texts.length)
      cursor = prng.int(texts[current]!.length + 1)
      // A jump is not an edit of its own: type at the new place in the same step.
      texts[current]!.insert(cursor++, nextChar(prng))
    } else if (roll < 0.095 && cursor > 0) {
      texts[current]!.delete(--cursor, 1)
    } else {
      texts[current]!.insert(cursor++, nextChar(prng))
    }
  }
  const characters = texts.reduce((sum, text) => sum + text.length, 0)
  const state = Y.encodeStateAsUpdate(doc)
  const stateVector = Y.encodeStateVector(doc)
  doc.destroy()
  return { updates, state, stateVector, characters, paragraphs: texts.length }
}

function nextChar(prng: Prng): string {
  return prng.chance(0.17) ? ' ' : LETTERS[Math.floor(prng.next() ** 2 * LETTERS.length)]!
}
