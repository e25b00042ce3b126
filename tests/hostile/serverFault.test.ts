/**
 * [HF] A fault on the server is the server's, not the client's. Before, any exception while
 * handling a message closed the socket with 4400 ("malformed message"), which the stock
 * provider and the app treat as final: a server bug ended the session and stranded the
 * user's unsent edits. Now an error nobody expected closes 1011; the provider reconnects by
 * itself and resends what the server lacks, so the edit is stored once the fault is gone.
 *
 * The fault is a real exception thrown inside the room's update check (the schema guard's
 * place in the pipeline), injected through the room options the server takes.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { appendParagraph, connectClient, type TestClient, waitSynced } from '../helpers/clients'
import { createBriefing, startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

describe('a server fault', () => {
  let server: TestServer
  const clients: TestClient[] = []

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
  })

  it('[HF1] closes 1011, and the client reconnects and gets its edit stored', async () => {
    let faulty = false
    server = await startTestServer({
      rooms: {
        checkItem: () => {
          if (faulty) throw new Error('injected: a bug in the update check')
        },
      },
    })
    const briefingId = await createBriefing(server.url)
    const client = connectClient(server.wsUrl, briefingId)
    clients.push(client)
    await waitSynced(client)
    const closes: number[] = []
    client.provider.on('connection-close', (event) => {
      closes.push(event?.code ?? 0)
      faulty = false // the bug is fixed (or was transient) by the time the client is back
    })

    faulty = true
    appendParagraph(client, 'typed when the server failed')
    await waitFor(() => closes.length > 0, 'the server closed the socket')
    expect(closes[0]).toBe(CloseCode.InternalError)
    expect(
      server.log.lines.find((line) => line.msg === 'message failed; closing connection'),
    ).toMatchObject({ level: 'error', error: 'Error: injected: a bug in the update check' })

    await waitFor(async () => {
      const stored = new Y.Doc()
      for (const row of await server.stores.documents.load(briefingId)) Y.applyUpdate(stored, row)
      return stored.getXmlFragment('default').toString().includes('typed when the server failed')
    }, 'the edit was stored after the client came back')
    expect(client.provider.shouldConnect).toBe(true)
  })
})
