/**
 * [H] Hostile frames on the collaboration socket. A raw `ws` client joins a room where two
 * stock y-websocket clients are editing and sends one bad frame. Each rule: only the
 * offending connection is closed, with the documented code; the server stays up; the good
 * clients never notice and keep converging; nothing of the bad frame reaches the store; and
 * the server logs why it closed the socket.
 */
import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { MAX_MESSAGE_BYTES } from '../../server/collab/upgrade'
import { CloseCode } from '../../shared/protocol/closeCodes'
import {
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from '../../shared/protocol/messages'
import { Random } from '../fuzz/random'
import {
  appendParagraph,
  connectClient,
  docFingerprint,
  type TestClient,
  waitSynced,
} from '../helpers/clients'
import { createBriefing, startTestServer, type TestServer } from '../helpers/server'
import { tokenFor } from '../helpers/tokens'
import { waitFor } from '../helpers/waitFor'
import { emptyDeletionUpdate, selfForwardReferenceUpdate } from './badUpdates'

/** Seeds for the random-bytes rule; a seed that ever fails stays in this list. */
const RANDOM_FRAME_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8]

/** Log messages the server writes when it drops a connection for what it sent. */
const MALFORMED_LOG = 'malformed message; closing connection'
const SOCKET_ERROR_LOG = 'websocket error'

/** A valid Yjs update from a client nobody else knows: a paragraph holding `text`. */
function strangerUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  doc.getXmlFragment('default').insert(0, [paragraph])
  return Y.encodeStateAsUpdate(doc)
}

/** An awareness update of one client whose state is the raw text `stateJson`. */
function awarenessUpdate(stateJson: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint(encoder, 777)
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarString(encoder, stateJson)
  return encoding.toUint8Array(encoder)
}

interface Closed {
  code: number
  reason: string
}

describe('hostile messages', () => {
  let server: TestServer
  let briefingId: string
  let good: TestClient[]
  /** Close events the good clients saw; must stay empty. */
  let goodCloses: number[]

  beforeEach(async () => {
    server = await startTestServer()
    briefingId = await createBriefing(server.url)
    good = [connectClient(server.wsUrl, briefingId), connectClient(server.wsUrl, briefingId)]
    goodCloses = []
    for (const client of good) {
      client.provider.on('connection-close', (event) => goodCloses.push(event?.code ?? -1))
    }
    await Promise.all(good.map(waitSynced))
    appendParagraph(good[0]!, 'before the attack')
    await waitFor(() => good[1]!.fragment.length === 1, 'good clients share a paragraph')
  })

  afterEach(async () => {
    for (const client of good) client.destroy()
    await server.close()
  })

  /** Opens a raw socket, waits until its room has attached it, sends `frame`, awaits the close. */
  async function attack(frame: Uint8Array | string): Promise<Closed> {
    const ws = new WebSocket(`${server.wsUrl}/${briefingId}?token=${tokenFor(briefingId)}`)
    ws.on('error', () => undefined) // a reset after a close is not what is under test
    const closed = new Promise<Closed>((resolve) => {
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
    })
    // The room sends sync step 1 once the connection is attached.
    await new Promise<void>((resolve, reject) => {
      ws.once('message', () => resolve())
      ws.once('unexpected-response', (_req, res) =>
        reject(new Error(`upgrade refused with ${res.statusCode}`)),
      )
      ws.once('close', (code) => reject(new Error(`closed with ${code} before joining the room`)))
    })
    ws.send(frame)
    return closed
  }

  /** The rules every case shares, after the offending socket was closed. */
  async function expectUnharmed(logMessage: string, linesBefore: number): Promise<void> {
    expect(
      server.log.lines
        .slice(linesBefore)
        .some((line) => line.level === 'warn' && line.msg === logMessage),
      `a "${logMessage}" log line`,
    ).toBe(true)
    expect(goodCloses, 'good clients were never disconnected').toEqual([])

    const [a, b] = good as [TestClient, TestClient]
    appendParagraph(a, 'after the attack')
    appendParagraph(b, 'still here')
    await waitFor(
      () => a.fragment.length === 3 && docFingerprint(a.doc) === docFingerprint(b.doc),
      'good clients keep converging',
    )
    const room = server.registry.get(briefingId)!
    await room.flushed()
    expect(docFingerprint(room.doc)).toBe(docFingerprint(a.doc))

    // Reload from the store as a restarted server would: every row decodes, nothing is left
    // pending, and the document equals the good clients' one.
    const rows = await server.stores.documents.load(briefingId)
    const reloaded = new Y.Doc()
    Y.transact(reloaded, () => {
      for (const row of rows) Y.applyUpdate(reloaded, row)
    })
    expect(reloaded.store.pendingStructs).toBeNull()
    expect(reloaded.store.pendingDs).toBeNull()
    expect(docFingerprint(reloaded)).toBe(docFingerprint(a.doc))
    expect(Y.encodeStateVector(reloaded)).toEqual(Y.encodeStateVector(a.doc))
  }

  const malformed: Array<[string, () => Uint8Array | string]> = [
    [
      '[H1] a message truncated inside its payload',
      () => encodeUpdate(strangerUpdate('x')).slice(0, -3),
    ],
    ['[H1] a message truncated after its type byte', () => Uint8Array.of(0)],
    [
      '[H1] a message with trailing bytes',
      () => Uint8Array.from([...encodeSyncStep1(Uint8Array.of(0)), 9]),
    ],
    ['[H4] an unknown message type', () => Uint8Array.of(7, 0, 0)],
    ['[H4] the auth message type, which only the server sends', () => Uint8Array.of(2, 0, 1, 65)],
    ['[H4] an unknown sync step', () => Uint8Array.of(0, 3, 1, 0)],
    [
      '[H5] a sync update whose payload is not a Yjs update',
      () => encodeUpdate(Uint8Array.of(5, 1, 2)),
    ],
    [
      '[H5] a sync step 2 whose payload is not a Yjs update',
      () => encodeSyncStep2(Uint8Array.of(1, 1, 0, 0)),
    ],
    [
      '[H5] a sync update that decodes but refers to its own future',
      () => encodeUpdate(selfForwardReferenceUpdate()),
    ],
    [
      '[H5] a sync update that decodes but deletes an empty range',
      () => encodeUpdate(emptyDeletionUpdate()),
    ],
    ['[H5] a sync step 1 with an invalid state vector', () => encodeSyncStep1(Uint8Array.of(5, 1))],
    ['[H6] a text frame', () => 'hello'],
    [
      '[H7] an awareness state that is not JSON',
      () => encodeAwareness(awarenessUpdate('{not json')),
    ],
    [
      '[H8] an awareness state over the size limit',
      () =>
        encodeAwareness(awarenessUpdate(JSON.stringify({ user: { name: 'x'.repeat(20_000) } }))),
    ],
  ]

  it.each(malformed)('%s closes only that connection with 4400', async (_name, frame) => {
    const linesBefore = server.log.lines.length
    const closed = await attack(frame())
    expect(closed.code).toBe(CloseCode.MalformedMessage)
    await expectUnharmed(MALFORMED_LOG, linesBefore)
  })

  it.each(RANDOM_FRAME_SEEDS)(
    '[H3] random bytes (seed %i) close only that connection with 4400',
    async (seed) => {
      const random = new Random(seed)
      const linesBefore = server.log.lines.length
      const closed = await attack(random.bytes(16 + random.int(240)))
      expect(closed.code, `seed ${seed}`).toBe(CloseCode.MalformedMessage)
      await expectUnharmed(MALFORMED_LOG, linesBefore)
    },
  )

  it('[H2] a frame over 2 MiB closes only that connection with 1009', async () => {
    const linesBefore = server.log.lines.length
    // A well-formed update message, just too big: the limit is on size, not content.
    const big = encodeUpdate(strangerUpdate('x'.repeat(MAX_MESSAGE_BYTES)))
    expect(big.byteLength).toBeGreaterThan(MAX_MESSAGE_BYTES)
    const closed = await attack(big)
    expect(closed.code).toBe(CloseCode.MessageTooBig)
    await expectUnharmed(SOCKET_ERROR_LOG, linesBefore)
  })
})
