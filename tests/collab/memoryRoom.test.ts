/**
 * [MR] Room behaviour over in-memory sockets (tests/helpers/socketPair.ts): the test moves
 * every frame itself, so each rule is checked at the exact point it must hold, with a real
 * SQLite store behind the room.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { DEFAULT_ROOM_OPTIONS } from '../../server/collab/roomRegistry'
import { createLogger } from '../../server/log/logger'
import { openStores, type Stores } from '../../server/store'
import type { DocumentStore } from '../../server/store/documentStore'
import { MessageType } from '../../shared/protocol/messages'
import { MemoryCollabServer, SyncClient } from '../helpers/memoryCollab'
import { tempDir } from '../helpers/server'

const ROOM = 'room'
const opened: Array<{ stores: Stores; server: MemoryCollabServer }> = []

afterEach(async () => {
  for (const { stores, server } of opened.splice(0)) {
    await server.close()
    await stores.close()
  }
})

async function start(wrap: (store: DocumentStore) => DocumentStore = (store) => store) {
  const stores = await openStores({ dataDir: tempDir() })
  const server = new MemoryCollabServer(
    wrap(stores.documents),
    createLogger('error', () => {}),
    DEFAULT_ROOM_OPTIONS,
  )
  opened.push({ stores, server })
  return { stores, server }
}

/** A connected client whose every received frame is also recorded. */
async function join(server: MemoryCollabServer, id: number, access?: 'read-only') {
  const client = new SyncClient(id)
  const pair = await server.connect(ROOM, access)
  client.attach(pair)
  const frames: Uint8Array[] = []
  const receive = pair.onClientFrame
  pair.onClientFrame = (frame) => {
    frames.push(frame)
    receive(frame)
  }
  return { client, pair, frames }
}

/** Delivers everything both ways until nothing moves. */
async function exchange(server: MemoryCollabServer, ...clients: SyncClient[]): Promise<void> {
  for (;;) {
    let moved = 0
    for (const client of clients) {
      moved += client.socket?.flushToServer() ?? 0
      await server.settle()
      moved += client.socket?.flushToClient() ?? 0
    }
    if (moved === 0) return
  }
}

function type(doc: Y.Doc, text: string): void {
  doc.getText('t').insert(doc.getText('t').length, text)
}

describe('room over in-memory sockets', () => {
  it('[MR1] a reader edit reaches neither store nor peers, and the reader is told once', async () => {
    const { stores, server } = await start()
    const writer = await join(server, 1)
    const reader = await join(server, 2, 'read-only')
    await exchange(server, writer.client, reader.client)
    const rowsBefore = (await stores.documents.load(ROOM)).length
    type(reader.client.doc, 'sneaky')
    type(reader.client.doc, ' again')
    await exchange(server, writer.client, reader.client)
    expect(writer.client.doc.getText('t').toString()).toBe('')
    expect((await stores.documents.load(ROOM)).length).toBe(rowsBefore)
    const denials = reader.frames.filter((frame) => frame[0] === MessageType.Auth)
    expect(denials).toHaveLength(1)
    expect(reader.pair.isOpen).toBe(true)
  })

  it('[MR2] an edit reaches other clients only after the store has it', async () => {
    let open: () => void = () => undefined
    let gate: Promise<void> | null = null
    const { server } = await start((store) => ({
      load: (name) => store.load(name),
      append: async (name, updates) => {
        await gate
        return store.append(name, updates)
      },
      compact: (name) => store.compact(name),
      stats: (name) => store.stats(name),
      delete: (name) => store.delete(name),
      ping: () => store.ping(),
      close: () => store.close(),
    }))
    const a = await join(server, 1)
    const b = await join(server, 2)
    await exchange(server, a.client, b.client)
    gate = new Promise((resolve) => {
      open = resolve
    })
    type(a.client.doc, 'hello')
    a.pair.flushToServer()
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve))
    expect(b.pair.pending.toClient).toBe(0)
    open()
    await exchange(server, a.client, b.client)
    expect(b.client.doc.getText('t').toString()).toBe('hello')
  })

  it('[MR3] the sender does not get its own edit back', async () => {
    const { server } = await start()
    const a = await join(server, 1)
    const b = await join(server, 2)
    await exchange(server, a.client, b.client)
    const before = { a: a.frames.length, b: b.frames.length }
    type(a.client.doc, 'mine')
    await exchange(server, a.client, b.client)
    expect(a.frames.length).toBe(before.a)
    expect(b.frames.length).toBe(before.b + 1)
  })
})
