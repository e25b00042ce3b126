/**
 * [HR] A reader cannot make the server hold unbounded memory for it. Before, the server
 * queued every answer for a socket that stopped reading: a viewer of a 27 MB briefing
 * sending the 4-byte sync step 1 twenty times took it from 527 to 1,045 MB, and one collab
 * token opened 2,000 sockets. Each rule is checked on the server's own state: what it holds
 * unsent for the socket (`bufferedAmount`), the code it closed it with, who is still in
 * the room; never on time.
 *
 * A socket that stops reading is a real one whose client paused its TCP socket: the
 * kernel's buffers fill, then the server's `ws` starts queueing.
 */
import type { Socket } from 'node:net'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import type { Connection } from '../../server/collab/connection'
import { configFromEnv } from '../../server/config'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { encodeSyncStep1, encodeUpdate, MessageType } from '../../shared/protocol/messages'
import { DOCUMENT_FRAGMENT } from '../../shared/schema/extensions'
import { appendParagraph, connectClient, type TestClient, waitSynced } from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/server'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

const KiB = 1024
const MiB = 1024 * KiB

/** A stored briefing of about `bytes`: paragraphs of text nobody could compress much. */
function bigBriefing(bytes: number): Uint8Array {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT)
  let seed = 7
  const letter = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
    return String.fromCharCode(97 + (seed % 26))
  }
  for (let written = 0; written < bytes; written += 32 * KiB) {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(Array.from({ length: 32 * KiB }, letter).join(''))])
    fragment.insert(fragment.length, [paragraph])
  }
  return Y.encodeStateAsUpdate(doc)
}

/** A state vector naming one client the room has never seen: the answer is everything. */
function unseenStateVector(client: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint(encoder, client)
  encoding.writeVarUint(encoder, 0)
  return encoding.toUint8Array(encoder)
}

/** An update adding a paragraph `text` (from a client of its own). */
function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [paragraph])
  return Y.encodeStateAsUpdate(doc)
}

interface Raw {
  ws: WebSocket
  /** Every frame received, while it still reads. */
  received: Uint8Array[]
  closed: Promise<number>
  /** Stops reading: the TCP socket is paused, so the kernel's buffers fill up. */
  stopReading(): void
}

async function openRaw(url: string): Promise<Raw> {
  const ws = new WebSocket(url)
  ws.on('error', () => undefined)
  const received: Uint8Array[] = []
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)))
  const closed = new Promise<number>((resolve) => ws.once('close', resolve))
  await new Promise<void>((resolve, reject) => {
    ws.once('message', () => resolve()) // the room's sync step 1: joined
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)))
  })
  return {
    ws,
    received,
    closed,
    stopReading: () => (ws as unknown as { _socket: Socket })._socket.pause(),
  }
}

describe('backpressure', () => {
  let server: TestServer
  let owner: TestUser
  const clients: TestClient[] = []
  const raws: WebSocket[] = []

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const ws of raws.splice(0)) ws.terminate()
    await server.close()
  })

  async function briefingWith(row: Uint8Array | null): Promise<{ id: string; url: string }> {
    owner = await signUp(server.url, { name: 'Owner' })
    const id = await createBriefingAs(owner)
    if (row) await server.stores.documents.append(id, [row])
    return { id, url: `${server.wsUrl}/${id}?token=${await collabToken(owner, id)}` }
  }

  /** The server's connection for the newest socket of the room. */
  function newestConnection(id: string): Connection {
    const connections = Array.from(server.registry.get(id)!.connections.values())
    return connections[connections.length - 1]!
  }

  it('[HR1] a reader that stops reading and asks for everything again and again is answered while it keeps up, then no more', async () => {
    server = await startTestServer()
    const row = bigBriefing(2 * MiB)
    const { id, url } = await briefingWith(row)
    const reader = await openRaw(url)
    raws.push(reader.ws)
    const connection = newestConnection(id)
    reader.stopReading()
    // Forty requests for the whole document, each naming a different state vector.
    for (let i = 0; i < 40; i++) reader.ws.send(encodeSyncStep1(unseenStateVector(90_000 + i)))
    // Frames are handled in order: once this edit is in the room, so were the requests.
    reader.ws.send(encodeUpdate(paragraphUpdate('handled in order')))
    const room = server.registry.get(id)!
    await waitFor(
      () => room.doc.getXmlFragment(DOCUMENT_FRAGMENT).toString().includes('handled in order'),
      'the server handled every request',
    )
    // Measured: main held 81.9 MB unsent for this socket; now 2.1 MB, the one answer sent
    // while it had less than the 1 MiB it may hold unsent and still be answered.
    expect(connection.socket.bufferedAmount).toBeLessThan(1 * MiB + row.byteLength + 64 * KiB)
    expect(connection.closedWith).toBeNull()
  })

  it('[HR2] a repeated sync step 1 for the same state is answered once', async () => {
    server = await startTestServer()
    const { url } = await briefingWith(bigBriefing(64 * KiB))
    const reader = await openRaw(url)
    raws.push(reader.ws)
    const same = encodeSyncStep1(Y.encodeStateVector(new Y.Doc()))
    for (let i = 0; i < 20; i++) reader.ws.send(same)
    // Answered in order: the awareness answer comes after every sync answer.
    reader.ws.send(Uint8Array.of(MessageType.QueryAwareness))
    await waitFor(
      () => reader.received.some((frame) => frame[0] === MessageType.Awareness),
      'the awareness query answered',
    )
    const answers = reader.received.filter(
      (frame) => frame[0] === MessageType.Sync && frame[1] === 1,
    )
    expect(answers).toHaveLength(1)
  })

  it('[HR3] a reader that stops reading while others edit is cut off with 4508; the others carry on', async () => {
    server = await startTestServer({ send: { maxBacklogBytes: 256 * KiB } })
    const { id, url } = await briefingWith(null)
    const writer = connectClient(server.wsUrl, id, {
      params: { token: await collabToken(owner, id) },
    })
    const watcher = connectClient(server.wsUrl, id, {
      params: { token: await collabToken(owner, id) },
    })
    clients.push(writer, watcher)
    await Promise.all([waitSynced(writer), waitSynced(watcher)])
    const reader = await openRaw(url)
    raws.push(reader.ws)
    const connection = newestConnection(id)
    reader.stopReading()
    const room = server.registry.get(id)!
    let written = 0
    // Each edit is broadcast to the reader too; its kernel buffers fill, then the server's.
    await waitFor(
      () => {
        if (connection.closedWith === null && written < 400) {
          appendParagraph(writer, 'x'.repeat(64 * KiB))
          written++
        }
        return connection.closedWith !== null && !room.connections.has(connection.id)
      },
      'the reader was cut off',
      { timeoutMs: 30_000 },
    )
    expect(connection.closedWith).toBe(CloseCode.SlowReader)
    expect(connection.socket.bufferedAmount).toBeLessThan(1 * MiB)
    appendParagraph(writer, 'after the reader left')
    await waitFor(
      () => watcher.fragment.toString().includes('after the reader left'),
      'the others carry on',
    )
    const metrics = await server.metrics.registry.getSingleMetricAsString(
      'briefing_connections_closed_total',
    )
    expect(metrics).toContain(`briefing_connections_closed_total{code="${CloseCode.SlowReader}"} 1`)
  })

  it('[HR4] sockets per user and per client address are capped at the upgrade, and freed on close', async () => {
    server = await startTestServer({ sockets: { perUser: 3, perAddress: 5 } })
    const { url } = await briefingWith(null)
    const first = await Promise.all([openRaw(url), openRaw(url), openRaw(url)])
    raws.push(...first.map((raw) => raw.ws))
    await expect(openRaw(url)).rejects.toThrow('refused 429')

    // Another person from the same address: two more fit, then the address is full.
    const other = await signUp(server.url, { name: 'Other' })
    const theirs = await createBriefingAs(other)
    const otherUrl = `${server.wsUrl}/${theirs}?token=${await collabToken(other, theirs)}`
    const second = await Promise.all([openRaw(otherUrl), openRaw(otherUrl)])
    raws.push(...second.map((raw) => raw.ws))
    const refused = await fetchUpgrade(otherUrl)
    expect(refused).toEqual({
      status: 429,
      body: { error: { code: 'rejected', message: 'too many open connections from this address' } },
    })

    first[0]!.ws.close()
    await first[0]!.closed
    const again = await openRaw(url)
    raws.push(again.ws)
  })

  it('[HR5] the caps are configured with COLLAB_SOCKETS_PER_USER and COLLAB_SOCKETS_PER_IP', () => {
    expect(configFromEnv({}).sockets).toEqual({ perUser: 50, perAddress: 200 })
    expect(
      configFromEnv({ COLLAB_SOCKETS_PER_USER: '7', COLLAB_SOCKETS_PER_IP: '0' }).sockets,
    ).toEqual({ perUser: 7, perAddress: 0 })
    expect(() => configFromEnv({ COLLAB_SOCKETS_PER_USER: 'many' })).toThrow(
      /COLLAB_SOCKETS_PER_USER must be a whole number/,
    )
  })
})

/** The HTTP answer to a WebSocket upgrade the server refuses. */
async function fetchUpgrade(url: string): Promise<{ status: number; body: unknown }> {
  const ws = new WebSocket(url)
  ws.on('error', () => undefined)
  return new Promise((resolve, reject) => {
    ws.once('open', () => reject(new Error('the upgrade was accepted')))
    ws.once('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: JSON.parse(Buffer.concat(chunks).toString()),
        }),
      )
    })
  })
}
