/**
 * [WS] The ws adapter and the upgrade handler, on a real HTTP server with raw `ws` clients:
 * frames that arrive while a room loads, a room that cannot load, a client that leaves while
 * it loads, and what an open socket keeps in memory. The room's document store is the real
 * SQLite one behind a gate that holds `load` until the test opens it.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { ConnectionIds } from '../../server/collab/connection'
import { DEFAULT_ROOM_OPTIONS, RoomRegistry } from '../../server/collab/roomRegistry'
import { createUpgradeHandler } from '../../server/collab/upgrade'
import { openStores, type Stores } from '../../server/store'
import {
  type CompactionResult,
  type DocumentStats,
  type DocumentStore,
  StoreError,
} from '../../server/store/documentStore'
import { CloseCode } from '../../shared/protocol/closeCodes'
import {
  decodeMessage,
  encodeSyncStep1,
  encodeUpdate,
  type IncomingMessage,
} from '../../shared/protocol/messages'
import { docText } from '../helpers/clients'
import { captureLogger, tempDir } from '../helpers/server'
import { once, waitFor } from '../helpers/waitFor'

/** Delegates to a real store; `load` waits until the gate is opened (or failed). */
class GatedStore implements DocumentStore {
  loadsStarted = 0
  private settle: { open(): void; fail(err: Error): void } = { open() {}, fail() {} }
  private readonly gate = new Promise<void>((resolve, reject) => {
    this.settle = { open: resolve, fail: reject }
  })

  constructor(private readonly inner: DocumentStore) {
    this.gate.catch(() => undefined) // failing a gate nobody waits on is not an error
  }

  open(): void {
    this.settle.open()
  }

  fail(err: Error): void {
    this.settle.fail(err)
  }

  async load(name: string): Promise<Uint8Array[]> {
    this.loadsStarted++
    await this.gate
    return this.inner.load(name)
  }

  append(name: string, updates: readonly Uint8Array[]): Promise<void> {
    return this.inner.append(name, updates)
  }

  compact(name: string): Promise<CompactionResult> {
    return this.inner.compact(name)
  }

  stats(name: string): Promise<DocumentStats> {
    return this.inner.stats(name)
  }

  delete(name: string): Promise<void> {
    return this.inner.delete(name)
  }

  ping(): Promise<void> {
    return this.inner.ping()
  }

  close(): Promise<void> {
    return this.inner.close()
  }
}

/** An update from a client of its own: a paragraph holding `text` after what `doc` holds. */
function paragraphUpdate(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc)
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  const fragment = doc.getXmlFragment('default')
  fragment.insert(fragment.length, [paragraph])
  return Y.encodeStateAsUpdate(doc, before)
}

interface Closed {
  code: number
  reason: string
}

const ROOM = 'adapter-room'

describe('ws adapter', () => {
  let stores: Stores
  let store: GatedStore
  let log: ReturnType<typeof captureLogger>
  let registry: RoomRegistry
  let server: http.Server
  let wsUrl: string
  let clients: WebSocket[]

  beforeEach(async () => {
    stores = await openStores({ dataDir: tempDir() })
    store = new GatedStore(stores.documents)
    log = captureLogger()
    registry = new RoomRegistry(store, log, DEFAULT_ROOM_OPTIONS)
    const { handler } = createUpgradeHandler({
      registry,
      log,
      authorize: async () => ({
        ok: true,
        access: 'read-write',
        identity: { userId: 'u1', credential: { kind: 'session', sessionHash: 'test' } },
      }),
    })
    server = http.createServer()
    server.on('upgrade', handler)
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    wsUrl = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/collab/${ROOM}`
    clients = []
  })

  afterEach(async () => {
    store.open()
    for (const ws of clients) ws.terminate()
    await registry.shutdown()
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    await stores.close()
  })

  /** Opens a raw client socket and resolves once the upgrade succeeded. */
  async function connect(): Promise<{ ws: WebSocket; closed: Promise<Closed> }> {
    const ws = new WebSocket(wsUrl)
    clients.push(ws)
    ws.on('error', () => undefined) // a reset after a close is not what is under test
    const closed = new Promise<Closed>((resolve) => {
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
    })
    await once(ws, 'open')
    return { ws, closed }
  }

  it('[WS1] frames sent while the room loads are kept and applied once it has loaded', async () => {
    const { ws } = await connect()
    await waitFor(() => store.loadsStarted === 1, 'the room is loading')
    const doc = new Y.Doc()
    ws.send(encodeUpdate(paragraphUpdate(doc, 'first')))
    ws.send(encodeUpdate(paragraphUpdate(doc, 'second')))
    // Both frames reach the server before the room exists: it answers nothing until it joins.
    const joined = once(ws, 'message')
    store.open()
    await joined
    const room = await waitFor(() => registry.get(ROOM), 'room loaded')
    await waitFor(() => docText(room.doc) === docText(doc), 'both early edits applied')
    await room.flushed()
    expect(docText(room.doc)).toBe(docText(doc))
    expect(log.lines.filter((line) => line.level !== 'debug')).toEqual([])
  })

  it('[WS2] more than the buffer limit before the room loads is closed 4429', async () => {
    const { ws, closed } = await connect()
    await waitFor(() => store.loadsStarted === 1, 'the room is loading')
    // Under the 2 MiB frame limit each, over the 2 MiB buffer limit together.
    const frame = new Uint8Array(1.5 * 1024 * 1024)
    ws.send(frame)
    ws.send(frame)
    expect(await closed).toEqual({
      code: CloseCode.RateLimited,
      reason: 'too much data before the room was ready',
    })
    store.open()
    // The room loads for nobody: the join sees the closed socket and nothing is reported.
    await waitFor(() => registry.size === 0, 'the room unloaded again')
    expect(log.lines.filter((line) => line.msg === 'could not open room')).toEqual([])
  })

  it('[WS3] a room that cannot load closes the socket 4503 and logs why', async () => {
    const { closed } = await connect()
    await waitFor(() => store.loadsStarted === 1, 'the room is loading')
    store.fail(new StoreError('injected: load failed'))
    expect(await closed).toEqual({
      code: CloseCode.LoadFailed,
      reason: 'briefing could not be loaded',
    })
    const logged = log.lines.find((line) => line.msg === 'could not open room')
    expect(logged).toMatchObject({
      level: 'error',
      room: ROOM,
      error: 'StoreError: injected: load failed',
    })
  })

  it('[WS4] a client that leaves while its room loads is dropped quietly', async () => {
    const { ws, closed } = await connect()
    await waitFor(() => store.loadsStarted === 1, 'the room is loading')
    ws.send(encodeUpdate(paragraphUpdate(new Y.Doc(), 'never stored')))
    ws.close(1000)
    await closed
    store.open()
    await waitFor(() => registry.size === 0, 'the room unloaded again')
    expect(await stores.documents.load(ROOM)).toEqual([])
    expect(log.lines.filter((line) => line.level !== 'debug')).toEqual([])
  })

  /** Every frame the server sends to `ws`, decoded, in order. */
  function received(ws: WebSocket): IncomingMessage[] {
    const messages: IncomingMessage[] = []
    ws.on('message', (data: Buffer) => messages.push(decodeMessage(new Uint8Array(data))))
    return messages
  }

  /** A stored briefing of one row (as after compaction) holding a paragraph of `text`. */
  async function storeSnapshot(text: string): Promise<{ doc: Y.Doc; row: Uint8Array }> {
    const doc = new Y.Doc()
    paragraphUpdate(doc, text)
    const row = Y.encodeStateAsUpdate(doc)
    await stores.documents.append(ROOM, [row])
    return { doc, row }
  }

  it('[WS7] a client that has nothing is answered from the stored snapshot before the room applies it', async () => {
    const { row } = await storeSnapshot('stored before the restart')
    const { ws } = await connect()
    const messages = received(ws)
    await waitFor(() => store.loadsStarted === 1, 'the room is loading')
    ws.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    store.open()
    const room = await waitFor(() => registry.get(ROOM), 'room loaded')
    await waitFor(() => messages.some((m) => m.type === 'sync-step-1'), 'the join sent step 1')
    // The answer left before the join: the room's own step 1 comes after it.
    expect(messages[0]).toEqual({ type: 'sync-step-2', update: row })
    expect(messages[1]).toEqual({ type: 'sync-step-1', stateVector: Y.encodeStateVector(room.doc) })
    // Answered once: the buffered frame it answered is not handled again after the join.
    ws.send(encodeSyncStep1(Y.encodeStateVector(room.doc)))
    await waitFor(() => messages.length === 3, 'the room answered the next step 1')
    expect(messages.filter((m) => m.type === 'sync-step-2')).toHaveLength(2)
    expect(messages[2]).toMatchObject({ type: 'sync-step-2' })
    expect((messages[2] as { update: Uint8Array }).update.byteLength).toBeLessThan(row.byteLength)
    expect(log.lines.filter((line) => line.level !== 'debug')).toEqual([])
  })

  it('[WS8] a client that has part of the document is answered after the join, with the difference', async () => {
    const { doc } = await storeSnapshot('shared')
    const { ws } = await connect()
    const messages = received(ws)
    await waitFor(() => store.loadsStarted === 1, 'the room is loading')
    ws.send(encodeSyncStep1(Y.encodeStateVector(doc)))
    store.open()
    await waitFor(() => messages.length === 2, 'step 1 and the answer')
    expect(messages.map((m) => m.type)).toEqual(['sync-step-1', 'sync-step-2'])
    const room = registry.get(ROOM)!
    expect((messages[1] as { update: Uint8Array }).update).toEqual(
      Y.encodeStateAsUpdate(room.doc, Y.encodeStateVector(doc)),
    )
  })

  it('[WS9] when applying the snapshot leaves the room different from it, an early-answered client is sent the rest at its join', async () => {
    // A row whose update depends on content the store does not hold: Yjs keeps it pending,
    // so the room is not what the row says, and the early answer alone would not match it.
    const origin = new Y.Doc()
    paragraphUpdate(origin, 'missing')
    const before = Y.encodeStateVector(origin)
    origin.getXmlFragment('default').insert(1, [new Y.XmlElement('paragraph')])
    const dangling = Y.encodeStateAsUpdate(origin, before)
    await stores.documents.append(ROOM, [dangling])
    const { ws } = await connect()
    const messages = received(ws)
    await waitFor(() => store.loadsStarted === 1, 'the room is loading')
    ws.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    store.open()
    await waitFor(() => messages.length === 3, 'answer, step 1, catch-up')
    const room = registry.get(ROOM)!
    expect(messages.map((m) => m.type)).toEqual(['sync-step-2', 'sync-step-1', 'sync-step-2'])
    expect((messages[2] as { update: Uint8Array }).update).toEqual(
      Y.encodeStateAsUpdate(room.doc, Y.encodeStateVectorFromUpdate(dangling)),
    )
  })

  it('[WS5] an open socket keeps nothing of its upgrade request', async () => {
    // The request carries the collab token in its URL and every header; an idle server
    // holding one per socket was kilobytes per connection (BENCHMARKS.md, idle memory).
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    let request: WeakRef<http.IncomingMessage> | undefined
    server.prependListener('upgrade', (req: http.IncomingMessage) => {
      request = new WeakRef(req)
    })
    store.open()
    const { ws } = await connect()
    await waitFor(() => registry.get(ROOM)?.connections.size === 1, 'joined its room')
    await waitFor(() => {
      gc()
      return request?.deref() === undefined
    }, 'the upgrade request was collected')
    expect(ws.readyState).toBe(WebSocket.OPEN)
    expect(registry.get(ROOM)?.connections.size).toBe(1)
  })
})

describe('connection ids', () => {
  it('[WS6] are unique, and short enough to be one flat string each', () => {
    const ids = new ConnectionIds()
    const issued = Array.from({ length: 10_000 }, () => ids.next())
    expect(new Set(issued).size).toBe(issued.length)
    for (const id of issued) expect(id.length).toBeLessThan(13)
  })
})
