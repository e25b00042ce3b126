/**
 * Edit latency during a hostile import (issue 16, item 1): two clients of one briefing edit
 * while another user uploads hostile files into a briefing of their own, one after another,
 * as fast as the server answers. Each case gets a fresh server and is measured right after
 * an idle phase of the same length on it, and compared with it: the goal is that nobody's edits slow down
 * past 2× idle, whatever the file. The files are those of the red-team pass
 * (tests/hostile/hostileFiles.ts): some the caps refuse at once, others the worst each format
 * can be and still be within every cap, which parse until done or until the time limit.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DEFAULT_RATE_LIMITS } from '../../server/config'
import { createBriefingAs, signUp } from '../../tests/helpers/users'
import type { BenchConfig } from '../config'
import { monoMs } from '../lib/clock'
import { coresBusy, machineCpu } from '../lib/cpu'
import { docFactory } from '../lib/docs'
import { EditProbe } from '../lib/editProbe'
import type { LatencySummary } from '../lib/histogram'
import type { HostileCase } from '../lib/hostileCases'
import { startServer } from '../lib/processes'
import { WorkerProcess } from '../lib/rpc'
import type { UploadTally } from '../workers/uploader'

export interface HostileImportPoint {
  case: HostileCase
  fileBytes: number
  idle: LatencySummary
  during: LatencySummary
  /** during / idle, at p50, p95 and p99. */
  ratioP50: number
  ratioP95: number
  ratioP99: number
  /** Imports answered during the phase, by HTTP status, and the slowest answer. */
  imports: Record<string, number>
  slowestImportMs: number
  serverCpu: number
  machineBusyCores: number
  /**
   * The server's own event-loop delay over each phase (its /metrics, from
   * monitorEventLoopDelay at 10 ms resolution): what the server did, apart from whatever
   * else on the machine delayed the clients.
   */
  loopLagIdle: LoopLag
  loopLagDuring: LoopLag
}

export interface LoopLag {
  p99Ms: number
  maxMs: number
}

export interface HostileImportResult {
  intervalMs: number
  phaseMs: number
  importThreads: string
  /** The API rate limit per IP the server ran with (requests per minute). */
  apiPerMinute: number
  /** The per-user import rate the server ran with (imports per minute, after a burst of 10). */
  importsPerMinute?: number
  points: HostileImportPoint[]
}

export async function hostileImport(
  config: BenchConfig,
  log: (line: string) => void,
): Promise<HostileImportResult> {
  const { phaseMs, intervalMs, cases } = config.hostileImport
  const points: HostileImportPoint[] = []
  for (const name of cases) {
    const point = await measureCase(name, config.hostileImport)
    log(
      `  ${name}: edit p95 ${point.idle.p95} ms idle, ${point.during.p95} ms during (${point.ratioP95}×); imports ${JSON.stringify(point.imports)}`,
    )
    points.push(point)
  }
  return {
    intervalMs,
    phaseMs,
    importThreads: process.env.IMPORT_THREADS ?? 'default',
    apiPerMinute: DEFAULT_RATE_LIMITS.apiPerMinute,
    importsPerMinute: DEFAULT_RATE_LIMITS.importsPerMinute,
    points,
  }
}

/**
 * One file on a fresh server: one case's uploads neither leave a briefing full of sources
 * nor use up the API limit of the next.
 */
async function measureCase(
  name: HostileCase,
  { phaseMs, intervalMs }: BenchConfig['hostileImport'],
): Promise<HostileImportPoint> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-hostile-import-'))
  // The product's per-IP API limit and per-user import rate stay on here (the other scenarios
  // switch them off): what a hostile user can do to everyone else includes what they let through.
  const server = await startServer({
    kind: 'briefing',
    dataDir,
    env: {
      API_RATE_LIMIT: String(DEFAULT_RATE_LIMITS.apiPerMinute),
      IMPORT_RATE_LIMIT: String(DEFAULT_RATE_LIMITS.importsPerMinute),
    },
  })
  const uploader = new WorkerProcess('bench/workers/uploader.ts')
  let probe: EditProbe | null = null
  try {
    const [access] = await (await docFactory(server)).create(1)
    probe = await EditProbe.open(server.wsUrl, access!)
    const importer = await signUp(server.httpUrl, { name: 'Importer' })
    const briefingId = await createBriefingAs(importer, 'Hostile imports')
    // The first import starts the import thread (loading the importers); that is start-up,
    // not what a hostile file costs, so it happens before anything is measured.
    const warmUp = await importer.api(`/api/briefings/${briefingId}/sources`, {
      method: 'POST',
      body: { type: 'text', text: '“We are ready,” the spokesperson said.' },
    })
    if (warmUp.status !== 201) throw new Error(`warm-up import failed: ${warmUp.status}`)
    const { fileBytes } = await uploader.call<{ fileBytes: number }>('prepare', {
      case: name,
      url: `${server.httpUrl}/api/briefings/${briefingId}/sources`,
      cookie: importer.cookie,
    })
    await loopLag(server.httpUrl)
    const idle = await probe.measure(phaseMs, intervalMs)
    const loopLagIdle = await loopLag(server.httpUrl)
    const cpuBefore = server.cpuSeconds()
    const machineBefore = machineCpu()
    const started = monoMs()
    await uploader.call('start')
    const during = await probe.measure(phaseMs, intervalMs)
    const loopLagDuring = await loopLag(server.httpUrl)
    const elapsedSeconds = (monoMs() - started) / 1000
    const serverCpu = (server.cpuSeconds() - cpuBefore) / elapsedSeconds
    const machineBusyCores = coresBusy(machineBefore, machineCpu())
    const answered = await uploader.call<UploadTally>('stop')
    return {
      case: name,
      fileBytes,
      idle,
      during,
      ratioP50: ratio(during.p50, idle.p50),
      ratioP95: ratio(during.p95, idle.p95),
      ratioP99: ratio(during.p99, idle.p99),
      imports: answered.statuses,
      slowestImportMs: Math.round(answered.slowestMs),
      serverCpu: Math.round(serverCpu * 100) / 100,
      machineBusyCores,
      loopLagIdle,
      loopLagDuring,
    }
  } finally {
    probe?.close()
    await uploader.stop()
    await server.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/** The event-loop delay since the last call (prom-client resets it on every scrape). */
export async function loopLag(httpUrl: string): Promise<LoopLag> {
  const text = await (await fetch(`${httpUrl}/metrics`)).text()
  const seconds = (name: string) =>
    Number(
      new RegExp(`^briefing_nodejs_eventloop_lag_${name}_seconds (\\S+)$`, 'm').exec(text)?.[1],
    )
  return {
    p99Ms: Math.round(seconds('p99') * 10_000) / 10,
    maxMs: Math.round(seconds('max') * 10_000) / 10,
  }
}

function ratio(during: number, idle: number): number {
  return Math.round((during / idle) * 100) / 100
}
