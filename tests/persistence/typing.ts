/**
 * A client typing continuously into one paragraph, the way a person's keystrokes arrive:
 * one small insert per timer tick. Token n is `${n} `, so a paragraph typed by one client
 * must read exactly "0 1 2 … " and any lost or reordered keystroke shows in its text.
 */
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../shared/schema/extensions'
import type { TestClient } from '../helpers/clients'

export interface Typist {
  readonly client: TestClient
  readonly paragraph: number
  /** Tokens typed so far. */
  typed: number
  /**
   * Tokens typed while the socket was open, counted only up to the first one typed while it
   * was not: each of these went onto the wire as the keystroke happened.
   */
  sentBeforeFirstDrop: number
  stop(): void
}

/** The XmlText inside the index-th paragraph of the document. */
export function paragraphText(doc: Y.Doc, index: number): Y.XmlText {
  const paragraph = doc.getXmlFragment(DOCUMENT_FRAGMENT).get(index)
  if (!(paragraph instanceof Y.XmlElement)) throw new Error(`no paragraph at ${index}`)
  const text = paragraph.get(0)
  if (!(text instanceof Y.XmlText)) throw new Error(`paragraph ${index} holds no text`)
  return text
}

/** The text a typist's paragraph must hold once all of its `count` tokens arrived. */
export function expectedTyping(count: number): string {
  return Array.from({ length: count }, (_, n) => `${n} `).join('')
}

/**
 * Starts typing into `paragraph` every `everyMs`. A timer drives the load; no test waits on
 * it. The default stays under the server's per-connection message rate (200/s), which a
 * faster typist would trip (4429).
 */
export function startTyping(client: TestClient, paragraph: number, everyMs = 8): Typist {
  let dropped = false
  const timer = setInterval(() => {
    const ws = client.provider.ws
    // The provider sends an update synchronously when its socket is open, so "open now"
    // means "this keystroke is on the wire".
    const open = client.provider.wsconnected && ws !== null && ws.readyState === ws.OPEN
    const text = paragraphText(client.doc, paragraph)
    text.insert(text.length, `${typist.typed} `)
    typist.typed++
    if (!open) dropped = true
    if (!dropped) typist.sentBeforeFirstDrop = typist.typed
  }, everyMs)
  const typist: Typist = {
    client,
    paragraph,
    typed: 0,
    sentBeforeFirstDrop: 0,
    stop: () => clearInterval(timer),
  }
  return typist
}
