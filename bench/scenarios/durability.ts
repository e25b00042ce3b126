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
import { coresBusy, machineCpu, undisturbed } from '../lib/cpu'
import { docFactory } from '../lib/docs'
import { Histogram, type LatencySummary } from '../lib/histogram'
import { type ServerProcess, startServer } from '../lib/processes'
import { WorkerProcess } from '../lib/rpc'
import type { WritersResult } from '../workers/writers'
import { outside, seedDocument, settle } from './editing'
import { ratio, type Targets } from './sync'

export interface ThroughputResult {
  /** Edits the observers received per second of the measured window. */
  updatesPerSecond: number
  latency: LatencySummary
  serverCpu: number
  /** Cores busy on the whole machine meanwhile. */
  machineCpu: number
  /** machineCpu minus the server and the generators: other work on the machine. */
  otherCpu: number
  loadGenerators: Array<{ loopDelayP99Ms: number; cpuShare: number }>
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
  const { documents, writersPerDocument, maxRatePerWriter, repeats } = config.durability
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-nodurable-'))
  const bare = await startServer({ kind: 'briefing', dataDir, durability: false })
  const variants = [
    { name: 'Briefing', server: targets.briefing.server, runs: [] as ThroughputResult[] },
    { name: 'no-op append', server: bare, runs: [] as ThroughputResult[] },
    { name: 'Hocuspocus', server: targets.hocuspocus.server, runs: [] as ThroughputResult[] },
  ]
  let storedRows: number
  try {
    // Interleaved (A B C A B C): outside load on the shared machine hits every variant.
    for (let r = 0; r < repeats; r++) {
      for (const variant of variants) {
        const result = await undisturbed(
          async () => {
            await Promise.all(variants.map((v) => settle(v.server)))
            return throughput(variant.server, config)
          },
          log,
          config.attempts,
        )
        variant.runs.push(result)
        log(
          `  durability ${variant.name}: ${result.updatesPerSecond}/s, p99 ${result.latency.p99} ms (server CPU ${result.serverCpu}, machine ${result.machineCpu})`,
        )
      }
    }
    await bare.stop('SIGTERM')
    const db = new Database(path.join(dataDir, 'briefing.db'), { readonly: true })
    storedRows = (db.prepare('SELECT COUNT(*) AS n FROM document_updates').get() as { n: number }).n
    db.close()
  } finally {
    await bare.stop('SIGKILL')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  const best = (runs: ThroughputResult[]) =>
    runs.reduce((a, b) => (b.updatesPerSecond > a.updatesPerSecond ? b : a))
  const [durable, notDurable, hocuspocus] = variants.map((v) => best(v.runs)) as [
    ThroughputResult,
    ThroughputResult,
    ThroughputResult,
  ]
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
    const machineStart = machineCpu()
    const results = await Promise.all(
      workers.map((worker) =>
        worker.call<WritersResult>('run', { warmupMs, durationMs, maxRatePerWriter, window }),
      ),
    )
    const serverCpu = (server.cpuSeconds() - cpuStart) / ((warmupMs + durationMs) / 1000)
    const machine = coresBusy(machineStart, machineCpu())
    const latency = new Histogram()
    for (const result of results) latency.merge(result.latency)
    const delivered = results.reduce((sum, r) => sum + r.delivered, 0)
    return {
      updatesPerSecond: Math.round(delivered / (durationMs / 1000)),
      latency: latency.summary(),
      serverCpu: Math.round(serverCpu * 100) / 100,
      machineCpu: machine,
      otherCpu: outside(machine, serverCpu, results),
      loadGenerators: results.map((r) => ({
        loopDelayP99Ms: r.loopDelayP99Ms,
        cpuShare: r.cpuShare,
      })),
    }
  } finally {
    for (const release of keepers) release()
    await Promise.all(workers.map((worker) => worker.call('close').catch(() => null)))
    await Promise.all(workers.map((worker) => worker.stop()))
    await settle(server)
  }
}
