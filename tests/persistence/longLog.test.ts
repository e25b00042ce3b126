/**
 * [LL] A stored log longer than one load transaction (Room.load applies 1,000 updates per
 * transaction) loads into exactly the document that wrote it, formatting included.
 */
import { afterEach, beforeEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../shared/schema/extensions'
import { connectClient, docFingerprint, type TestClient, waitSynced } from '../helpers/clients'
import { createBriefing, startTestServer, type TestServer } from '../helpers/server'

let server: TestServer
const clients: TestClient[] = []
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server.close()
})

/** One keystroke per transaction, with bold toggled over ranges now and then: 2,600 updates. */
function typedHistory(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT)
  let text = new Y.XmlText()
  for (let i = 0; i < 2_600; i++) {
    if (i % 400 === 0) {
      const paragraph = new Y.XmlElement('paragraph')
      text = new Y.XmlText()
      paragraph.insert(0, [text])
      fragment.insert(fragment.length, [paragraph])
    } else if (i % 97 === 0 && text.length > 10) {
      text.format(text.length - 10, 8, { bold: i % 2 === 0 ? {} : null })
    } else if (i % 13 === 0 && text.length > 0) {
      text.delete(text.length - 1, 1)
    } else {
      text.insert(text.length, String.fromCharCode(97 + (i % 26)))
    }
  }
  return { doc, updates }
}

it('[LL1] a 2,600-update log loads whole, across load transactions', async () => {
  const id = await createBriefing(server.url)
  const { doc, updates } = typedHistory()
  expect(updates.length).toBeGreaterThan(2_000)
  await server.stores.documents.append(id, updates)

  const reader = connectClient(server.wsUrl, id)
  clients.push(reader)
  await waitSynced(reader)
  expect(docFingerprint(reader.doc)).toBe(docFingerprint(doc))
  expect(docFingerprint(reader.doc)).toContain('<bold>')
  expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(doc))
})
