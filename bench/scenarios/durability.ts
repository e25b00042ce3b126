/**
 * The cost of append-before-broadcast: update throughput and latency of Briefing as shipped
 * against the same server whose DocumentStore.append is a no-op (bench/servers/briefing.ts,
 * BENCH_DURABILITY=off), with Hocuspocus (which stores on a 2 s debounce) for reference.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { BenchConfig } from '../config'
import { withTimeout } from '../lib/clock'
import { docFactory } from '../lib/docs'
import { Histogram, type LatencySummary } from '../lib/histogram'
import { type ServerProcess, startServer } from '../lib/processes'
import { WorkerProcess } from '../lib/rpc'
import type { WritersResult } from '../workers/writers'
import { seedDocument, settle } from './editing'
import { ratio, type Targets } from './sync'

export interface ThroughputResult {
  updatesPerSecond: number
  latency: LatencySummary
  serverCpu: number
}

export interface DurabilityResult {
  documents: number
  writers: number
  offeredMaxPerSecond: number
  durable: ThroughputResult
  notDurable: ThroughputResult & { storedRows: number }
  hocuspocus: ThroughputResult
  /** durable / not durable throughput; 1.0 means durability costs no throughput. */
  throughputRatio: number
  /** durable / not durable p99 latency. */
  latencyRatioP99: number
}

export async function durabilityCost(
  targets: Targets,
  config: BenchConfig,
  log: (line: string) => void,
): Promise<DurabilityResult> {
  const { documents, writersPerDocument, maxRatePerWriter } = config.durability
  const durable = await throughput(targets.briefing.server, config)
  log(`  durability: Briefing ${durable.updatesPerSecond}/s, p99 ${durable.latency.p99} ms`)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-nodurable-'))
  const bare = await startServer({ kind: 'briefing', dataDir, durability: false })
  let notDurable: ThroughputResult
  let storedRows: number
  try {
    notDurable = await throughput(bare, config)
    await bare.stop('SIGTERM')
    const db = new Database(path.join(dataDir, 'briefing.db'), { readonly: true })
    storedRows = (db.prepare('SELECT COUNT(*) AS n FROM document_updates').get() as { n: number }).n
    db.close()
  } finally {
    await bare.stop('SIGKILL')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  log(
    `  durability: no-op append ${notDurable.updatesPerSecond}/s, p99 ${notDurable.latency.p99} ms`,
  )
  const hocuspocus = await throughput(targets.hocuspocus.server, config)
  log(`  durability: Hocuspocus ${hocuspocus.updatesPerSecond}/s, p99 ${hocuspocus.latency.p99} ms`)
  return {
    documents,
    writers: documents * writersPerDocument,
    offeredMaxPerSecond: documents * writersPerDocument * maxRatePerWriter,
    durable,
    notDurable: { ...notDurable, storedRows },
    hocuspocus,
    throughputRatio: ratio(durable.updatesPerSecond, notDurable.updatesPerSecond),
    latencyRatioP99: ratio(durable.latency.p99, notDurable.latency.p99),
  }
}

async function throughput(server: ServerProcess, config: BenchConfig): Promise<ThroughputResult> {
  const { documents, writersPerDocument, warmupMs, durationMs, maxRatePerWriter, window } =
    config.durability
  const docs = await (await docFactory(server)).create(documents)
  const keepers: Array<() => void> = []
  for (let i = 0; i < docs.length; i += 10) {
    const batch = docs.slice(i, i + 10).map((access) => seedDocument(server, access, i))
    keepers.push(...(await Promise.all(batch)))
  }
  const workers = [
    new WorkerProcess('bench/workers/writers.ts'),
    new WorkerProcess('bench/workers/writers.ts'),
  ]
  const half = Math.ceil(documents / 2)
  try {
    await withTimeout(
      Promise.all(
        workers.map((worker, w) =>
          worker.call('connect', {
            kind: server.kind,
            wsUrl: server.wsUrl,
            docs: docs.slice(w * half, (w + 1) * half),
            writersPerDocument,
            firstWriter: w * half * writersPerDocument,
          }),
        ),
      ),
      120_000,
      `writers connecting to ${server.kind}`,
    )
    // The writers and observers hold the documents open now.
    for (const release of keepers.splice(0)) release()
    const cpuStart = server.cpuSeconds()
    const results = await Promise.all(
      workers.map((worker) =>
        worker.call<WritersResult>('run', { warmupMs, durationMs, maxRatePerWriter, window }),
      ),
    )
    const serverCpu = (server.cpuSeconds() - cpuStart) / ((warmupMs + durationMs) / 1000)
    const latency = new Histogram()
    for (const result of results) latency.merge(result.latency)
    const delivered = results.reduce((sum, r) => sum + r.delivered, 0)
    return {
      updatesPerSecond: Math.round(delivered / (durationMs / 1000)),
      latency: latency.summary(),
      serverCpu: Math.round(serverCpu * 100) / 100,
    }
  } finally {
    for (const release of keepers) release()
    await Promise.all(workers.map((worker) => worker.call('close').catch(() => null)))
    await Promise.all(workers.map((worker) => worker.stop()))
    await settle(server)
  }
}
