/**
 * Prometheus metrics for one server. Each server owns its own prom-client Registry (no
 * global default registry), so tests can run several servers in one process.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import type { RoomRegistry } from '../collab/roomRegistry'
import type { DocumentStore } from '../store/documentStore'
import type { VersionStore } from '../store/versionStore'

export class Metrics {
  readonly registry = new Registry()
  readonly updates: Counter<'origin'>
  readonly storeLatency: Histogram<'operation' | 'outcome'>
  readonly closedConnections: Counter<'code'>
  /** The rooms the gauges describe (see watch); none until then. */
  private rooms: RoomRegistry | null = null
  /** The version store the version gauges read (see watchVersions); none until then. */
  private versions: Pick<VersionStore, 'totals'> | null = null

  constructor() {
    const registers = [this.registry]
    const rooms = () => this.rooms
    collectDefaultMetrics({ register: this.registry, prefix: 'briefing_' })
    new Gauge({
      name: 'briefing_rooms',
      help: 'Briefings loaded in memory',
      registers,
      collect() {
        this.set(rooms()?.size ?? 0)
      },
    })
    new Gauge({
      name: 'briefing_connections',
      help: 'Open collaboration connections',
      registers,
      collect() {
        this.set(
          rooms()
            ?.all()
            .reduce((sum, room) => sum + room.connections.size, 0) ?? 0,
        )
      },
    })
    // Edits accepted but not yet stored, across rooms: it grows when the store is slow or
    // down, and past a room's cap its clients are asked to come back later (4507).
    new Gauge({
      name: 'briefing_write_queue_updates',
      help: 'Document updates waiting to be stored, across rooms',
      registers,
      collect() {
        this.set(backlog(rooms()).updates)
      },
    })
    new Gauge({
      name: 'briefing_write_queue_bytes',
      help: 'Bytes of document updates waiting to be stored, across rooms',
      registers,
      collect() {
        this.set(backlog(rooms()).bytes)
      },
    })
    // Versions kept across briefings, and their stored size (Yjs state plus JSON): what the
    // retention rule is holding down. Read from the store at each scrape; a scrape while the
    // store is down reports nothing for them rather than failing the rest.
    const versions = () => this.versions
    const versionTotals = async () => {
      try {
        return (await versions()?.totals()) ?? null
      } catch {
        return null
      }
    }
    new Gauge({
      name: 'briefing_versions',
      help: 'Stored versions of briefings',
      registers,
      async collect() {
        const totals = await versionTotals()
        if (totals) this.set(totals.count)
      },
    })
    new Gauge({
      name: 'briefing_versions_bytes',
      help: 'Bytes of stored versions (Yjs state and JSON)',
      registers,
      async collect() {
        const totals = await versionTotals()
        if (totals) this.set(totals.bytes)
      },
    })
    this.updates = new Counter({
      name: 'briefing_document_updates_total',
      help: 'Document updates stored and applied, by origin (rate() gives updates/s)',
      labelNames: ['origin'],
      registers,
    })
    this.storeLatency = new Histogram({
      name: 'briefing_store_seconds',
      help: 'Document store operation latency',
      labelNames: ['operation', 'outcome'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
      registers,
    })
    this.closedConnections = new Counter({
      name: 'briefing_connections_closed_total',
      help: 'Collaboration connections closed by the server, by close code',
      labelNames: ['code'],
      registers,
    })
  }

  /**
   * Describes these rooms from now on. Separate from the constructor because the registry
   * is built after this object: its store is measured by it (instrumentStore).
   */
  watch(rooms: RoomRegistry): void {
    this.rooms = rooms
  }

  /** Reports this store's versions from now on. */
  watchVersions(versions: Pick<VersionStore, 'totals'>): void {
    this.versions = versions
  }
}

/** The write backlog summed over every room in memory. */
function backlog(registry: RoomRegistry | null): { updates: number; bytes: number } {
  let updates = 0
  let bytes = 0
  for (const room of registry?.all() ?? []) {
    const pending = room.writeBacklog
    updates += pending.updates
    bytes += pending.bytes
  }
  return { updates, bytes }
}

/** Wraps a DocumentStore so every operation's latency and outcome is measured. */
export function instrumentStore(store: DocumentStore, metrics: Metrics): DocumentStore {
  const timed =
    <A extends unknown[], R>(operation: string, call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const end = metrics.storeLatency.startTimer({ operation })
      try {
        const result = await call(...args)
        end({ outcome: 'ok' })
        return result
      } catch (err) {
        end({ outcome: 'error' })
        throw err
      }
    }
  return {
    load: timed('load', (name) => store.load(name)),
    append: timed('append', (name, updates) => store.append(name, updates)),
    ...(store.appendMany
      ? {
          appendMany: timed(
            'append',
            (group: Parameters<NonNullable<DocumentStore['appendMany']>>[0]) =>
              store.appendMany!(group),
          ),
        }
      : {}),
    compact: timed('compact', (name) => store.compact(name)),
    stats: timed('stats', (name) => store.stats(name)),
    delete: timed('delete', (name) => store.delete(name)),
    ping: () => store.ping(),
    close: () => store.close(),
  }
}
