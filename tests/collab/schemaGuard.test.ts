/** [SG] Updates with content the schema cannot hold are refused before they are stored. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { schemaGuard } from '../../server/collab/schemaGuard'
import { assertApplicableUpdate } from '../../server/collab/updateCheck'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { briefingSchema } from '../../shared/schema/schema'
import {
  appendParagraph,
  connectClient,
  docFingerprint,
  type TestClient,
  waitSynced,
} from '../helpers/clients'
import { createBriefing, startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

function updateOf(edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  edit(doc)
  return Y.mergeUpdates(updates)
}

describe('schema guard', () => {
  const checkItem = schemaGuard(briefingSchema())
  const guard = (update: Uint8Array) => assertApplicableUpdate(update, checkItem)

  it('[SG1] accepts what the editor writes: paragraphs, headings, marks, quote blocks', () => {
    const update = updateOf((doc) => {
      const heading = new Y.XmlElement('heading')
      heading.setAttribute('level', '2')
      const text = new Y.XmlText('Hello')
      heading.insert(0, [text])
      text.format(0, 5, { bold: {} })
      doc.getXmlFragment('default').insert(0, [heading, new Y.XmlElement('sourceQuote')])
    })
    expect(() => guard(update)).not.toThrow()
  })

  it('[SG2] refuses unknown nodes and marks, naming them', () => {
    const script = updateOf((doc) =>
      doc.getXmlFragment('default').insert(0, [new Y.XmlElement('script')]),
    )
    expect(() => guard(script)).toThrow(/"script" node/)
    const blink = updateOf((doc) => {
      const paragraph = new Y.XmlElement('paragraph')
      const text = new Y.XmlText('x')
      paragraph.insert(0, [text])
      doc.getXmlFragment('default').insert(0, [paragraph])
      text.format(0, 1, { blink: true })
    })
    expect(() => guard(blink)).toThrow(/"blink" mark/)
  })

  describe('on a live room', () => {
    let server: TestServer
    const clients: TestClient[] = []
    beforeEach(async () => {
      server = await startTestServer()
    })
    afterEach(async () => {
      for (const client of clients.splice(0)) client.destroy()
      await server.close()
    })

    it('[SG3] an unknown node closes only the sender (4422) and never reaches the store or peers', async () => {
      const id = await createBriefing(server.url)
      const good = connectClient(server.wsUrl, id)
      const bad = connectClient(server.wsUrl, id)
      clients.push(good, bad)
      await Promise.all([waitSynced(good), waitSynced(bad)])
      appendParagraph(good, 'kept')
      await waitFor(() => bad.fragment.length === 1, 'bad client synced the good paragraph')
      const closed = new Promise<number>((resolve) =>
        bad.provider.on('connection-close', (event: { code: number } | null) =>
          resolve(event?.code ?? 0),
        ),
      )
      bad.provider.shouldConnect = false
      bad.fragment.insert(0, [new Y.XmlElement('iframe')])
      expect(await closed).toBe(CloseCode.InvalidContent)
      appendParagraph(good, 'still syncing')
      await waitFor(
        () => server.registry.get(id)?.doc.getXmlFragment('default').length === 2,
        'room has 2',
      )
      const stored = new Y.Doc()
      for (const update of await server.stores.documents.load(id)) Y.applyUpdate(stored, update)
      expect(docFingerprint(stored)).toBe(docFingerprint(good.doc))
      expect(docFingerprint(stored)).not.toContain('iframe')
      expect(
        server.log.lines.some((line) => String(line.error ?? '').includes('"iframe" node')),
      ).toBe(true)
    })
  })
})
