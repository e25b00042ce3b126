/**
 * [HW] The edits waiting for the store are bounded. Before, a room queued every update while
 * its store was slow or down, without limit and without telling anyone. Now a room refuses a
 * client's update once its backlog passes the cap, closing that client with 4507 (retry):
 * the provider reconnects by itself and resends, and once the store takes writes again
 * everything the client typed is stored. The backlog is on /metrics.
 *
 * The store is the real SQLite one behind a gate that holds appends while the test says so.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEFAULT_ROOM_OPTIONS, RoomRegistry } from '../../server/collab/roomRegistry'
import { createUpgradeHandler } from '../../server/collab/upgrade'
import { Metrics } from '../../server/metrics/metrics'
import { openStores, type Stores } from '../../server/store'
import type {
  CompactionResult,
  DocumentStats,
  DocumentStore,
} from '../../server/store/documentStore'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { DOCUMENT_FRAGMENT } from '../../shared/schema/extensions'
import { appendParagraph, connectClient, type TestClient, waitSynced } from '../helpers/clients'
import { captureLogger, tempDir } from '../helpers/server'
import { once, waitFor } from '../helpers/waitFor'

const KiB = 1024
const CAP = 256 * KiB
const ROOM = 'backlog-room'

/** Delegates to a real store; appends wait while the gate is shut. */
class GatedAppends implements DocumentStore {
  private opened: Promise<void> = Promise.resolve()
  private open: () => void = () => undefined

  constructor(private readonly inner: DocumentStore) {}

  shut(): void {
    this.opened = new Promise((resolve) => {
      this.open = resolve
    })
  }

  reopen(): void {
    this.open()
  }

  load(name: string): Promise<Uint8Array[]> {
    return this.inner.load(name)
  }

  async append(name: string, updates: readonly Uint8Array[]): Promise<void> {
    await this.opened
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

describe('the write backlog', () => {
  let stores: Stores
  let store: GatedAppends
  let registry: RoomRegistry
  let metrics: Metrics
  let server: http.Server
  let wsUrl: string
  const clients: TestClient[] = []

  beforeEach(async () => {
    stores = await openStores({ dataDir: tempDir() })
    store = new GatedAppends(stores.documents)
    const log = captureLogger()
    registry = new RoomRegistry(store, log, { ...DEFAULT_ROOM_OPTIONS, maxPendingWriteBytes: CAP })
    metrics = new Metrics()
    metrics.watch(registry)
    const { handler } = createUpgradeHandler({
      registry,
      log,
      authorize: async () => ({
        ok: true,
        access: 'read-write',
        identity: { userId: 'u1', credential: { kind: 'session', sessionHash: 'test' } },
      }),
      onServerClose: (code) => metrics.closedConnections.inc({ code: String(code) }),
    })
    server = http.createServer()
    server.on('upgrade', handler)
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    wsUrl = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/collab`
  })

  afterEach(async () => {
    store.reopen()
    for (const client of clients.splice(0)) client.destroy()
    await registry.shutdown()
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    await stores.close()
  })

  async function gauge(name: string): Promise<number> {
    const text = await metrics.registry.getSingleMetricAsString(name)
    const line = text.split('\n').find((l) => l.startsWith(`${name} `))
    return line ? Number(line.split(' ')[1]) : Number.NaN
  }

  it('[HW1] past the cap a client is closed 4507, and everything it typed is stored once the store is back', async () => {
    const client = connectClient(wsUrl, ROOM, { params: {} })
    clients.push(client)
    await waitSynced(client)
    const closes: number[] = []
    client.provider.on('connection-close', (event) => closes.push(event?.code ?? 0))

    store.shut()
    let typed = 0
    await waitFor(
      () => {
        if (closes.length === 0 && typed < 200) {
          appendParagraph(client, `${typed++} ${'x'.repeat(16 * KiB)}`)
        }
        return closes.length > 0
      },
      'the client was refused',
      { timeoutMs: 30_000 },
    )
    expect(closes[0]).toBe(CloseCode.WriteBacklogFull)
    const room = registry.get(ROOM)!
    // What waits is the cap and at most the update that reached it.
    expect(room.writeBacklog.bytes).toBeGreaterThan(0)
    expect(room.writeBacklog.bytes).toBeLessThanOrEqual(CAP + 17 * KiB)
    expect(await gauge('briefing_write_queue_bytes')).toBe(room.writeBacklog.bytes)
    expect(await gauge('briefing_write_queue_updates')).toBe(room.writeBacklog.updates)
    expect(
      await metrics.registry.getSingleMetricAsString('briefing_connections_closed_total'),
    ).toContain(`code="${CloseCode.WriteBacklogFull}"`)

    // The client keeps typing while it is refused; then the store comes back.
    appendParagraph(client, `${typed++} typed while refused`)
    store.reopen()
    await waitFor(async () => {
      const stored = new Y.Doc()
      for (const row of await stores.documents.load(ROOM)) Y.applyUpdate(stored, row)
      return stored.getXmlFragment(DOCUMENT_FRAGMENT).length === typed
    }, 'everything typed is stored')
    expect(client.fragment.length).toBe(typed)
    await waitFor(() => room.writeBacklog.bytes === 0, 'the backlog drained')
    expect(await gauge('briefing_write_queue_bytes')).toBe(0)
  })
})
