/**
 * [BC] A room's fan-out: updates applied in one event-loop turn leave as one frame, a lone
 * sender never gets its own edit back, and the empty update every client sends on connect is
 * not stored.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { decodeMessage, encodeUpdate } from '../../shared/protocol/messages'
import {
  appendParagraph,
  connectClient,
  docText,
  type TestClient,
  waitSynced,
} from '../helpers/clients'
import { createBriefing, startTestServer, type TestServer } from '../helpers/server'
import { tokenFor } from '../helpers/tokens'
import { waitFor } from '../helpers/waitFor'

/** A raw socket on the room that records every document update the server sends it. */
async function observe(server: TestServer, briefingId: string) {
  const ws = new WebSocket(`${server.wsUrl}/${briefingId}?token=${tokenFor(briefingId)}`)
  const doc = new Y.Doc()
  const updateFrames: Uint8Array[] = []
  ws.on('message', (data: Buffer) => {
    const message = decodeMessage(new Uint8Array(data))
    if (message.type === 'update' || message.type === 'sync-step-2') {
      if (message.type === 'update') updateFrames.push(message.update)
      Y.applyUpdate(doc, message.update)
    }
  })
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  return { ws, doc, updateFrames }
}

/** An update appending one paragraph, made on a scratch doc (so clocks do not collide). */
function paragraphUpdate(text: string): Uint8Array {
  const scratch = new Y.Doc()
  const author = connectClient('ws://unused', 'unused', { connect: false, doc: scratch })
  appendParagraph(author, text)
  const update = Y.encodeStateAsUpdate(scratch)
  author.destroy()
  return update
}

describe('room broadcast', () => {
  let server: TestServer
  const clients: TestClient[] = []
  const sockets: WebSocket[] = []
  beforeEach(async () => {
    server = await startTestServer()
  })
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const ws of sockets.splice(0)) ws.close()
    await server.close()
  })

  it('[BC1] edits applied in one turn reach each connection merged, not one frame apiece', async () => {
    const id = await createBriefing(server.url)
    const observer = await observe(server, id)
    sockets.push(observer.ws)
    await waitFor(() => server.registry.get(id)?.connections.size === 1, 'observer joined')
    const room = server.registry.get(id)!
    const edits = 40
    await Promise.all(
      Array.from({ length: edits }, (_, i) =>
        room.persistAndApply(paragraphUpdate(`edit ${i}`), { source: 'server', reason: 'test' }),
      ),
    )
    await waitFor(
      () => docText(observer.doc).split('\n').length === edits,
      'observer has every edit',
    )
    for (let i = 0; i < edits; i++) expect(docText(observer.doc)).toContain(`edit ${i}`)
    // One frame per edit without batching; the write queue applies them in a couple of turns.
    expect(observer.updateFrames.length).toBeLessThanOrEqual(4)
  })

  it('[BC2] a connection alone in a batch does not get its own edit back', async () => {
    const id = await createBriefing(server.url)
    const sender = await observe(server, id)
    const other = await observe(server, id)
    sockets.push(sender.ws, other.ws)
    await waitFor(() => server.registry.get(id)?.connections.size === 2, 'both joined')
    sender.ws.send(encodeUpdate(paragraphUpdate('from the sender')))
    await waitFor(() => docText(other.doc) === 'from the sender', 'the other got the edit')
    // Frames on one socket arrive in order: once the sender sees this later edit, an echo of
    // its own would already have arrived.
    await server.registry
      .get(id)!
      .persistAndApply(paragraphUpdate('marker'), { source: 'server', reason: 'test' })
    await waitFor(() => sender.updateFrames.length > 0, 'the sender got the marker')
    expect(sender.updateFrames).toHaveLength(1)
    expect(docText(sender.doc)).toBe('marker')
  })

  it('[BC4] a newcomer to a compacted briefing gets the stored state, and every later edit', async () => {
    const id = await createBriefing(server.url)
    const ada = connectClient(server.wsUrl, id)
    await waitSynced(ada)
    for (let i = 0; i < 3; i++) appendParagraph(ada, `stored ${i}`)
    await waitFor(async () => (await server.stores.documents.stats(id)).entries >= 3, 'stored')
    ada.destroy()
    // The room unloads when its last client leaves, compacting the log into one row.
    await waitFor(() => server.registry.get(id) === undefined, 'room unloaded')
    expect((await server.stores.documents.stats(id)).entries).toBe(1)

    const bo = connectClient(server.wsUrl, id)
    clients.push(bo)
    await waitSynced(bo)
    expect(docText(bo.doc)).toBe('stored 0\nstored 1\nstored 2')
    appendParagraph(bo, 'after the load')
    await waitFor(
      async () => (await server.stores.documents.stats(id)).entries === 2,
      'the edit is stored',
    )
    // The stored row no longer describes the room: a newcomer must get the edit as well.
    const cy = connectClient(server.wsUrl, id)
    clients.push(cy)
    await waitSynced(cy)
    expect(docText(cy.doc)).toBe('stored 0\nstored 1\nstored 2\nafter the load')
  })

  it('[BC3] connecting stores nothing: the empty sync reply of each client is not an edit', async () => {
    const id = await createBriefing(server.url)
    for (let i = 0; i < 5; i++) clients.push(connectClient(server.wsUrl, id))
    await Promise.all(clients.map(waitSynced))
    // Each client's edit follows its sync reply on the same socket.
    for (const [i, client] of clients.entries()) appendParagraph(client, `client ${i}`)
    await waitFor(
      () => clients.every((c) => docText(c.doc).split('\n').length === 5),
      'everyone has every edit',
    )
    await server.registry.get(id)!.flushed()
    expect((await server.stores.documents.stats(id)).entries).toBe(5)
  })
})
