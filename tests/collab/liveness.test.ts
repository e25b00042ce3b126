/**
 * [LIVE] A client whose network dies without a word stops being shown as present: each beat
 * the server pings every socket (and asks one holding presence for its awareness) and drops
 * one that gave no answer for two beats, which removes its presence like any other departure
 * (server/collab/liveness.ts).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { encodeAwareness } from '../../shared/protocol/messages'
import { connectClient, type TestClient, waitSynced } from '../helpers/clients'
import { FreezableLink } from '../helpers/freezableLink'
import { createBriefing, startTestServer, type TestServer } from '../helpers/server'
import { tokenFor } from '../helpers/tokens'
import { waitFor } from '../helpers/waitFor'

const BEAT_MS = 100

describe('liveness of collaboration sockets', () => {
  let server: TestServer
  let link: FreezableLink
  const clients: TestClient[] = []
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await link.close()
    await server.close()
  })

  async function adaThroughLink() {
    server = await startTestServer({ livenessBeatMs: BEAT_MS })
    link = await FreezableLink.start(server.port)
    const briefingId = await createBriefing(server.url)
    const ada = connectClient(link.wsUrl, briefingId)
    const bo = connectClient(server.wsUrl, briefingId)
    clients.push(ada, bo)
    ada.provider.awareness.setLocalStateField('user', { name: 'Ada' })
    await Promise.all([waitSynced(ada), waitSynced(bo)])
    const boSeesAda = () => bo.provider.awareness.getStates().has(ada.doc.clientID)
    await waitFor(boSeesAda, 'Bo sees Ada')
    return { briefingId, ada, bo, boSeesAda }
  }

  it('[LIVE1] a client whose network goes silent is no longer present for the others', async () => {
    const { ada, bo } = await adaThroughLink()
    let adaRemoved = false
    bo.provider.awareness.on('change', ({ removed }: { removed: number[] }) => {
      if (removed.includes(ada.doc.clientID)) adaRemoved = true
    })
    link.freeze()
    await waitFor(() => adaRemoved, 'Bo sees Ada leave', { timeoutMs: 10_000 })
    // Ada's side never heard a thing: her socket still looks open to her.
    expect(ada.provider.wsconnected).toBe(true)
  })

  it('[LIVE2] a quiet client that answers pings stays, however many beats pass', async () => {
    const { ada, boSeesAda } = await adaThroughLink()
    let pings = 0
    ;(ada.provider.ws as unknown as WebSocket).on('ping', () => pings++)
    await waitFor(() => pings >= 10, 'ten beats')
    expect(boSeesAda()).toBe(true)
    expect(ada.provider.wsconnected).toBe(true)
  })

  it('[LIVE3] a client shown as present whose socket answers pings but whose page says nothing is dropped', async () => {
    const { briefingId, bo } = await adaThroughLink()
    // As a browser in offline mode: the network stack still answers pings (ws does so by
    // itself), but nothing the page would send gets out.
    const mute = new Awareness(new Y.Doc())
    const raw = new WebSocket(`${server.wsUrl}/${briefingId}?token=${tokenFor(briefingId)}`)
    try {
      await new Promise((resolve) => raw.once('open', resolve))
      mute.setLocalStateField('user', { name: 'Mute' })
      raw.send(encodeAwareness(encodeAwarenessUpdate(mute, [mute.clientID])))
      await waitFor(() => bo.provider.awareness.getStates().has(mute.clientID), 'Bo sees Mute')
      await waitFor(() => !bo.provider.awareness.getStates().has(mute.clientID), 'Mute dropped', {
        timeoutMs: 10_000,
      })
      await waitFor(() => raw.readyState === WebSocket.CLOSED, 'socket dropped')
    } finally {
      raw.close()
      mute.destroy()
    }
  })
})
