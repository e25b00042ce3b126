/**
 * [HP] Presence cannot be spoofed, erased or flooded. Ada and Bo edit with stock
 * y-websocket providers; Eve, who may only read the briefing, speaks the awareness protocol
 * on a raw socket. Before, she could set Ada's caret and name, remove Ada for everyone, or
 * make up a thousand people; now an awareness client id belongs to the connection that
 * introduced it, and one connection introduces at most a few.
 *
 * Eve's last frame each time announces her own state: once Bo sees it, the server has
 * handled (and passed on) everything she sent before.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import {
  type AwarenessEntry,
  encodeAwareness,
  encodeAwarenessEntries,
} from '../../shared/protocol/messages'
import { share } from '../access/people'
import { connectClient, type TestClient, waitSynced } from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/server'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

/** Eve's own awareness client id. */
const EVE = 4_242_424

interface Presence {
  user?: { name?: string }
}

describe('presence on a shared briefing', () => {
  let server: TestServer
  let briefingId: string
  let ada: TestClient
  let bo: TestClient
  let eve: WebSocket
  let eveClock = 0
  /** Every name Bo was shown for Ada's client id, and whether she was ever removed. */
  let adaAsSeenByBo: Array<string | null>

  beforeEach(async () => {
    server = await startTestServer()
    const owner = await signUp(server.url, { name: 'Ada' })
    const editor = await signUp(server.url, { name: 'Bo' })
    const viewer = await signUp(server.url, { name: 'Eve' })
    briefingId = await createBriefingAs(owner)
    await share(owner, briefingId, editor, 'editor')
    await share(owner, briefingId, viewer, 'viewer')
    const connect = async (user: TestUser) =>
      connectClient(server.wsUrl, briefingId, {
        params: { token: await collabToken(user, briefingId) },
      })
    ada = await connect(owner)
    bo = await connect(editor)
    ada.provider.awareness.setLocalStateField('user', { name: 'Ada' })
    bo.provider.awareness.setLocalStateField('user', { name: 'Bo' })
    await Promise.all([waitSynced(ada), waitSynced(bo)])
    await waitFor(() => boSees(ada.doc.clientID)?.user?.name === 'Ada', 'Bo sees Ada')
    // Ada's own client puts her back when it hears she was changed or removed, so what Bo
    // sees at the end proves little: what he was shown meanwhile is recorded.
    adaAsSeenByBo = []
    bo.provider.awareness.on('change', ({ updated, removed }: Record<string, number[]>) => {
      if (updated!.includes(ada.doc.clientID)) {
        adaAsSeenByBo.push(boSees(ada.doc.clientID)?.user?.name ?? null)
      }
      if (removed!.includes(ada.doc.clientID)) adaAsSeenByBo.push(null)
    })

    eve = new WebSocket(
      `${server.wsUrl}/${briefingId}?token=${await collabToken(viewer, briefingId)}`,
    )
    eve.on('error', () => undefined)
    await new Promise((resolve) => eve.once('message', resolve)) // joined the room
    eveClock = 0
  })

  afterEach(async () => {
    eve.terminate()
    ada.destroy()
    bo.destroy()
    await server.close()
  })

  function boSees(clientId: number): Presence | undefined {
    return bo.provider.awareness.getStates().get(clientId) as Presence | undefined
  }

  function adaClock(): number {
    return ada.provider.awareness.meta.get(ada.doc.clientID)!.clock
  }

  /** Eve sends `entries`, then her own state, and waits until Bo has seen the latter. */
  async function eveSends(entries: AwarenessEntry[]): Promise<void> {
    eve.send(encodeAwareness(encodeAwarenessEntries(entries)))
    eveClock++
    const marker = `Eve ${eveClock}`
    eve.send(
      encodeAwareness(
        encodeAwarenessEntries([
          { clientId: EVE, clock: eveClock, stateJson: JSON.stringify({ user: { name: marker } }) },
        ]),
      ),
    )
    await waitFor(() => boSees(EVE)?.user?.name === marker, 'Bo saw what Eve sent last')
  }

  it("[HP1] a viewer cannot set another person's presence", async () => {
    await eveSends([
      {
        clientId: ada.doc.clientID,
        clock: adaClock() + 10,
        stateJson: JSON.stringify({ user: { name: 'Eve as Ada', color: '#000000' } }),
      },
    ])
    expect(adaAsSeenByBo).toEqual([])
    expect(boSees(ada.doc.clientID)?.user?.name).toBe('Ada')
    expect(ada.provider.awareness.getLocalState()?.user?.name).toBe('Ada')
  })

  it("[HP2] a viewer cannot remove another person's presence", async () => {
    await eveSends([{ clientId: ada.doc.clientID, clock: adaClock() + 1, stateJson: 'null' }])
    expect(adaAsSeenByBo).toEqual([])
    expect(boSees(ada.doc.clientID)?.user?.name).toBe('Ada')
  })

  it('[HP3] one connection cannot flood the room with made-up people', async () => {
    const fake = (i: number): AwarenessEntry => ({
      clientId: 1_000_000 + i,
      clock: 1,
      stateJson: JSON.stringify({ user: { name: `ghost ${i}`, padding: 'x'.repeat(1_000) } }),
    })
    await eveSends([]) // Eve announces herself: one of her ids
    await eveSends(Array.from({ length: 300 }, (_, i) => fake(i)))
    // Removing the ghosts does not make room for new ones: the cap is on ids introduced.
    await eveSends(
      Array.from({ length: 3 }, (_, i) => ({ ...fake(i), clock: 2, stateJson: 'null' })),
    )
    await eveSends(Array.from({ length: 300 }, (_, i) => fake(300 + i)))
    const ghosts = Array.from(bo.provider.awareness.getStates().values()).filter((state) =>
      (state as Presence).user?.name?.startsWith('ghost'),
    )
    // Eve's own id and the ghosts together stay within the per-connection cap (4).
    expect(ghosts.length).toBeLessThanOrEqual(3)
    const room = server.registry.get(briefingId)!
    expect(room.awareness.getStates().size).toBeLessThanOrEqual(2 + 4)
  })

  it('[HP4] a connection still shows and takes away its own presence', async () => {
    await eveSends([])
    expect(boSees(EVE)?.user?.name).toBe('Eve 1')
    eve.close()
    await waitFor(() => boSees(EVE) === undefined, 'Eve left')
    expect(boSees(ada.doc.clientID)?.user?.name).toBe('Ada')
  })
})
