/**
 * [AWR] Presence across reconnects and departures. A client that reconnects re-announces the
 * awareness clock it had, which stock y-protocols ignores as seen, so without the room's help
 * it would look absent until its next renewal, up to 15 s (yjs/y-websocket#122). And the
 * stock provider echoes every state it hears, so a leaving connection must take only its own
 * client's presence with it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { encodeAwareness } from '../../shared/protocol/messages'
import { connectClient, type TestClient, waitSynced } from '../helpers/clients'
import { createBriefing, startTestServer, type TestServer } from '../helpers/server'
import { tokenFor } from '../helpers/tokens'
import { waitFor } from '../helpers/waitFor'

/** Well under the 15 s renewal that would also make the client reappear. */
const PROMPTLY = { timeoutMs: 5_000 }

describe('awareness across reconnects', () => {
  let server: TestServer
  const clients: TestClient[] = []
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
  })

  async function twoClients() {
    server = await startTestServer()
    const briefingId = await createBriefing(server.url)
    const [ada, bo] = [
      connectClient(server.wsUrl, briefingId),
      connectClient(server.wsUrl, briefingId),
    ]
    clients.push(ada, bo)
    ada.provider.awareness.setLocalStateField('user', { name: 'Ada' })
    await Promise.all([waitSynced(ada), waitSynced(bo)])
    const boSeesAda = () => bo.provider.awareness.getStates().get(ada.doc.clientID)?.user?.name
    await waitFor(() => boSeesAda() === 'Ada', 'Bo sees Ada')
    return { briefingId, ada, bo, boSeesAda }
  }

  it('[AWR1] a client that reconnects is seen again at once', async () => {
    const { ada, boSeesAda } = await twoClients()
    ada.provider.disconnect()
    await waitFor(() => boSeesAda() === undefined, 'Bo saw Ada leave')
    ada.provider.connect()
    await waitFor(() => boSeesAda() === 'Ada', 'Bo sees Ada again', PROMPTLY)
  })

  it('[AWR2] an echo of a departed client does not bring it back', async () => {
    const { briefingId, ada, bo, boSeesAda } = await twoClients()
    // A raw connection behaving as a stock provider does: it announces itself first, and
    // later echoes back states it has heard, here Ada's, just after she left.
    const rawAwareness = new Awareness(new Y.Doc())
    const raw = new WebSocket(`${server.wsUrl}/${briefingId}?token=${tokenFor(briefingId)}`)
    try {
      await new Promise((resolve) => raw.once('open', resolve))
      const announce = (name: string) => {
        rawAwareness.setLocalStateField('user', { name })
        raw.send(encodeAwareness(encodeAwarenessUpdate(rawAwareness, [rawAwareness.clientID])))
      }
      const boSeesRaw = () => bo.provider.awareness.getStates().get(rawAwareness.clientID)?.user
      announce('Raw')
      await waitFor(() => boSeesRaw()?.name === 'Raw', 'Bo sees Raw')

      const echo = encodeAwarenessUpdate(ada.provider.awareness, [ada.doc.clientID])
      ada.provider.disconnect()
      await waitFor(() => boSeesAda() === undefined, 'Bo saw Ada leave')
      raw.send(encodeAwareness(echo))
      // Frames on one socket are handled in order: once Bo sees this, the echo was handled.
      announce('Raw, later')
      await waitFor(() => boSeesRaw()?.name === 'Raw, later', 'Bo sees the later message')
      expect(boSeesAda()).toBeUndefined()
    } finally {
      raw.close()
      rawAwareness.destroy()
    }
  })

  it('[AWR3] a client leaving takes only its own presence with it', async () => {
    const { ada, bo } = await twoClients()
    const cy = connectClient(server.wsUrl, (await server.registry.all())[0]!.name)
    clients.push(cy)
    cy.provider.awareness.setLocalStateField('user', { name: 'Cy' })
    await waitSynced(cy)
    const seen = (viewer: TestClient, client: TestClient) =>
      viewer.provider.awareness.getStates().get(client.doc.clientID)?.user?.name
    // Ada hears (and echoes back) Cy before she leaves.
    await waitFor(() => seen(ada, cy) === 'Cy' && seen(bo, cy) === 'Cy', 'all see Cy')
    const removedForBo: number[] = []
    bo.provider.awareness.on('change', ({ removed }: { removed: number[] }) => {
      removedForBo.push(...removed)
    })
    ada.provider.disconnect()
    await waitFor(() => removedForBo.includes(ada.doc.clientID), 'Bo saw Ada leave')
    expect(removedForBo).toEqual([ada.doc.clientID])
    expect(seen(bo, cy)).toBe('Cy')
  })
})
