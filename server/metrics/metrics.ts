/**
 * Prometheus metrics for one server. Each server owns its own prom-client Registry (no
 * global default registry), so tests can run several servers in one process.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import type { RoomRegistry } from '../collab/roomRegistry'
import type { DocumentStore } from '../store/documentStore'

export class Metrics {
  readonly registry = new Registry()
  readonly updates: Counter<'origin'>
  readonly storeLatency: Histogram<'operation' | 'outcome'>
  readonly redisLag: Histogram<never>
  readonly closedConnections: Counter<'code'>

  /** `rooms` is read at scrape time, so the registry may be created after this object. */
  constructor(rooms: () => RoomRegistry) {
    const registers = [this.registry]
    collectDefaultMetrics({ register: this.registry, prefix: 'briefing_' })
    new Gauge({
      name: 'briefing_rooms',
      help: 'Briefings loaded in memory',
      registers,
      collect() {
        this.set(rooms().size)
      },
    })
    new Gauge({
      name: 'briefing_connections',
      help: 'Open collaboration connections',
      registers,
      collect() {
        this.set(
          rooms()
            .all()
            .reduce((sum, room) => sum + room.connections.size, 0),
        )
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
    this.redisLag = new Histogram({
      name: 'briefing_redis_lag_seconds',
      help: 'Time from publishing an update on one instance to applying it on this one',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    })
    this.closedConnections = new Counter({
      name: 'briefing_connections_closed_total',
      help: 'Collaboration connections closed by the server, by close code',
      labelNames: ['code'],
      registers,
    })
  }
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
    compact: timed('compact', (name) => store.compact(name)),
    stats: timed('stats', (name) => store.stats(name)),
    delete: timed('delete', (name) => store.delete(name)),
    ping: () => store.ping(),
    close: () => store.close(),
  }
}
