/**
 * [S] Store outages. The real SQLite document store, wrapped in a fault injector that fails
 * appends or compactions while a flag is set, drives a RoomRegistry whose clients are
 * in-memory sockets speaking the real protocol. An edit is broadcast only once stored, and
 * nothing is dropped while the store is down.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEFAULT_ROOM_OPTIONS, RoomRegistry } from '../../server/collab/roomRegistry'
import { openStores, type Stores } from '../../server/store'
import {
  type CompactionResult,
  type DocumentStats,
  type DocumentStore,
  StoreError,
} from '../../server/store/documentStore'
import { docFingerprint } from '../helpers/clients'
import { captureLogger, tempDir } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'
import { emptyDeletionUpdate } from '../hostile/badUpdates'
import { MemoryClient } from './memoryClient'

/** Delegates to a real store, failing appends or compactions while told to. */
class FaultInjectingStore implements DocumentStore {
  failAppends = false
  failCompactions = false
  appendFailures = 0
  compactionFailures = 0

  constructor(private readonly inner: DocumentStore) {}

  load(name: string): Promise<Uint8Array[]> {
    return this.inner.load(name)
  }

  async append(name: string, updates: readonly Uint8Array[]): Promise<void> {
    if (this.failAppends) {
      this.appendFailures++
      throw new StoreError('injected: append failed')
    }
    return this.inner.append(name, updates)
  }

  async compact(name: string): Promise<CompactionResult> {
    if (this.failCompactions) {
      this.compactionFailures++
      throw new StoreError('injected: compaction failed')
    }
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

function paragraph(client: MemoryClient, text: string): void {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [new Y.XmlText(text)])
  client.fragment.insert(client.fragment.length, [element])
}

/** The document the store holds, loaded as a restarted server would. */
async function storedDoc(store: DocumentStore, name: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  const updates = await store.load(name)
  Y.transact(doc, () => {
    for (const update of updates) Y.applyUpdate(doc, update)
  })
  return doc
}

describe('store failures', () => {
  const ROOM = 'outage'
  let stores: Stores
  let store: FaultInjectingStore
  let log: ReturnType<typeof captureLogger>
  let registry: RoomRegistry
  let clients: MemoryClient[]
  let nextId = 0

  function start(options: { compactAfterEntries?: number } = {}): void {
    registry = new RoomRegistry(store, log, {
      ...DEFAULT_ROOM_OPTIONS,
      unloadRetryMs: 20,
      ...options,
    })
  }

  async function join(): Promise<MemoryClient> {
    const client = new MemoryClient(registry, ROOM, `client-${nextId++}`)
    clients.push(client)
    await client.connect()
    await waitFor(() => client.synced, 'client synced')
    return client
  }

  beforeEach(async () => {
    stores = await openStores({ dataDir: tempDir() })
    store = new FaultInjectingStore(stores.documents)
    log = captureLogger()
    clients = []
    start()
  })

  afterEach(async () => {
    for (const client of clients) client.disconnect()
    store.failAppends = false
    store.failCompactions = false
    await registry.shutdown()
    await stores.close()
  })

  it('[S1] edits made while appends fail are not broadcast until stored, then all arrive', async () => {
    const [a, b] = [await join(), await join()]
    paragraph(a, 'before the outage')
    await waitFor(() => b.fragment.length === 1, 'b got the first paragraph')

    store.failAppends = true
    for (let n = 0; n < 5; n++) paragraph(a, `a during ${n}`)
    for (let n = 0; n < 3; n++) paragraph(b, `b during ${n}`)
    // Condition, not time: the queue has tried (and failed) to store them a few times.
    await waitFor(() => store.appendFailures >= 3, 'appends retried during the outage')
    const room = registry.get(ROOM)!
    expect(a.fragment.length, 'a sees none of b’s unsaved edits').toBe(6)
    expect(b.fragment.length, 'b sees none of a’s unsaved edits').toBe(4)
    expect(room.doc.getXmlFragment('default').length, 'the room holds only what is stored').toBe(1)
    // A client joining now is served the stored state only.
    const late = await join()
    expect(late.fragment.length).toBe(1)
    expect(
      log.lines.some(
        (line) => line.msg === 'store append failed; keeping updates in memory and retrying',
      ),
    ).toBe(true)
    expect((await storedDoc(store, ROOM)).getXmlFragment('default').length).toBe(1)

    store.failAppends = false
    await waitFor(
      () =>
        [a, b, late].every((c) => c.fragment.length === 9) &&
        docFingerprint(a.doc) === docFingerprint(b.doc) &&
        docFingerprint(late.doc) === docFingerprint(a.doc),
      'everything arrives once the store is back',
    )
    await room.flushed()
    expect(docFingerprint(room.doc)).toBe(docFingerprint(a.doc))
    expect(docFingerprint(await storedDoc(store, ROOM))).toBe(docFingerprint(a.doc))
  })

  it('[S2] a room whose compaction fails on unload stays in memory until the store recovers', async () => {
    const a = await join()
    for (let n = 0; n < 4; n++) paragraph(a, `line ${n}`)
    const room = registry.get(ROOM)!
    await waitFor(() => room.doc.getXmlFragment('default').length === 4, 'room has the edits')
    await room.flushed()

    store.failCompactions = true
    a.disconnect()
    await waitFor(() => store.compactionFailures >= 2, 'unload tried and retried')
    expect(registry.size, 'the room is kept').toBe(1)
    expect(log.lines.some((line) => line.msg === 'room unload failed; keeping it in memory')).toBe(
      true,
    )
    // While it is kept, the room still serves clients.
    const b = await join()
    expect(docFingerprint(b.doc)).toBe(docFingerprint(a.doc))
    b.disconnect()

    store.failCompactions = false
    await waitFor(() => registry.size === 0, 'room unloaded after the store recovered')
    expect((await store.stats(ROOM)).entries, 'compacted to one snapshot').toBe(1)
    expect(docFingerprint(await storedDoc(store, ROOM))).toBe(docFingerprint(a.doc))
  })

  it('[S3] a room whose appends fail when its last client leaves unloads only once they are stored', async () => {
    const a = await join()
    paragraph(a, 'stored')
    const room = registry.get(ROOM)!
    await waitFor(() => room.doc.getXmlFragment('default').length === 1, 'first edit stored')

    store.failAppends = true
    paragraph(a, 'unsaved when a leaves')
    await waitFor(() => store.appendFailures >= 1, 'the append failed')
    a.disconnect()
    await waitFor(() => store.appendFailures >= 3, 'appends retried after a left')
    expect(registry.size, 'the room with unsaved edits is kept').toBe(1)

    store.failAppends = false
    await waitFor(() => registry.size === 0, 'room unloaded once its edits were stored')
    expect(docFingerprint(await storedDoc(store, ROOM))).toBe(docFingerprint(a.doc))
  })

  it('[S5] a stored update Yjs cannot apply does not make the briefing unloadable', async () => {
    const a = await join()
    paragraph(a, 'good')
    const room = registry.get(ROOM)!
    await waitFor(() => room.doc.getXmlFragment('default').length === 1, 'stored')
    a.disconnect()
    await waitFor(() => registry.size === 0, 'room unloaded')
    // Written behind the room's back (an older server without the check, say).
    await stores.documents.append(ROOM, [emptyDeletionUpdate()])

    const b = await join()
    expect(b.fragment.length).toBe(1)
    expect(
      log.lines.some((line) => line.msg === 'skipping a stored update that cannot be applied'),
    ).toBe(true)
  })

  it('[S4] compactions failing while clients edit lose nothing and crash nothing', async () => {
    start({ compactAfterEntries: 3 })
    const [a, b] = [await join(), await join()]
    store.failCompactions = true
    for (let n = 0; n < 12; n++) paragraph(n % 2 ? a : b, `line ${n}`)
    await waitFor(() => store.compactionFailures >= 2, 'compactions were attempted and failed')
    await waitFor(
      () => a.fragment.length === 12 && docFingerprint(a.doc) === docFingerprint(b.doc),
      'clients converge while compaction fails',
    )
    store.failCompactions = false
    paragraph(a, 'after')
    await waitFor(() => b.fragment.length === 13, 'edits flow after compaction recovers')
    await registry.get(ROOM)!.flushed()
    expect(docFingerprint(await storedDoc(store, ROOM))).toBe(docFingerprint(a.doc))
  })
})
