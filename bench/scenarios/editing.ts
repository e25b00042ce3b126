/**
 * One timed editing session on one document (the building block of the sync-latency and
 * hot-document scenarios): seed the document, spread its editors over one or two load
 * generator processes, run the schedule, merge what every editor measured.
 */
import * as Y from 'yjs'
import { openClient } from '../lib/clients'
import { monoMs, until, withTimeout } from '../lib/clock'
import { coresBusy, machineCpu } from '../lib/cpu'
import type { DocFactory } from '../lib/docs'
import { Histogram, type LatencySummary } from '../lib/histogram'
import type { ServerProcess } from '../lib/processes'
import { WorkerProcess } from '../lib/rpc'
import { paragraphTexts, SEEDER_CLIENT_ID, seedParagraphs } from '../lib/workload'
import type { RunResult } from '../workers/editors'

export interface SessionOptions {
  editors: number
  /** Editors that apply what they receive; the rest are light (bench/workers/editors.ts). */
  applyingEditors: number
  intervalMs: number
  warmupMs: number
  durationMs: number
  drainMs: number
}

export interface SessionResult {
  editors: number
  applyingEditors: number
  /** Scheduled edit → applied on the applying editors (every edit, from every editor). */
  p50: number
  p95: number
  p99: number
  max: number
  samples: number
  /** Scheduled edit → received on the light editors. */
  received: LatencySummary
  /** (receiver, edit) pairs never applied; each also counted in the percentiles. */
  missing: number
  /** How late the load generators sent their own edits (p99, ms); part of the latency. */
  sendLagP99: number
  loadGenerators: Array<{ loopDelayP99Ms: number; cpuShare: number }>
  /** Server CPU seconds per wall second during the session (1.0 = one core). */
  serverCpu: number
  /** Cores busy on the whole machine meanwhile: server + generators + anything else. */
  machineCpu: number
  /** machineCpu minus the server and the generators: other work on the machine. */
  otherCpu: number
}

const PARAGRAPHS = 20

/** Above this many editors the load is split over two generator processes. */
const ONE_GENERATOR_MAX = 20

export async function editingSession(
  server: ServerProcess,
  docs: DocFactory,
  options: SessionOptions,
  seed = 1,
): Promise<SessionResult> {
  const [access] = await docs.create(1)
  ;(await seedDocument(server, access!, seed))()
  const count = options.editors > ONE_GENERATOR_MAX ? 2 : 1
  const workers = Array.from({ length: count }, () => new WorkerProcess('bench/workers/editors.ts'))
  try {
    await withTimeout(
      Promise.all(
        workers.map((worker, w) =>
          worker.call('connect', {
            kind: server.kind,
            wsUrl: server.wsUrl,
            access,
            editors: range(options.editors).filter((c) => c % count === w),
            totalEditors: options.editors,
            applying: options.applyingEditors,
          }),
        ),
      ),
      120_000,
      `${options.editors} editors connecting to ${server.kind}`,
    )
    const editsPerEditor = Math.ceil((options.warmupMs + options.durationMs) / options.intervalMs)
    const t0 = monoMs() + 500
    const schedule = {
      t0,
      editors: options.editors,
      intervalMs: options.intervalMs,
      editsPerEditor,
    }
    const cpuStart = server.cpuSeconds()
    const machineStart = machineCpu()
    const wallStart = monoMs()
    const results = await Promise.all(
      workers.map((worker) =>
        worker.call<RunResult>('run', {
          schedule,
          measureFrom: t0 + options.warmupMs,
          drainMs: options.drainMs,
          seed,
        }),
      ),
    )
    const serverCpu = (server.cpuSeconds() - cpuStart) / ((monoMs() - wallStart) / 1000)
    const machine = coresBusy(machineStart, machineCpu())
    const applied = new Histogram()
    const received = new Histogram()
    const sendLag = new Histogram()
    for (const result of results) {
      applied.merge(result.applied)
      received.merge(result.received)
      sendLag.merge(result.sendLag)
    }
    const summary = applied.summary()
    return {
      editors: options.editors,
      applyingEditors: Math.min(options.applyingEditors, options.editors),
      received: received.summary(),
      p50: summary.p50,
      p95: summary.p95,
      p99: summary.p99,
      max: summary.max,
      samples: summary.samples,
      missing: results.reduce((sum, r) => sum + r.missing, 0),
      sendLagP99: sendLag.summary().p99,
      loadGenerators: results.map((r) => ({
        loopDelayP99Ms: r.loopDelayP99Ms,
        cpuShare: r.cpuShare,
      })),
      serverCpu: Math.round(serverCpu * 100) / 100,
      machineCpu: machine,
      otherCpu: outside(machine, serverCpu, results),
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.call('close').catch(() => null)))
    await Promise.all(workers.map((worker) => worker.stop()))
    await settle(server)
  }
}

/**
 * Writes the starting paragraphs through a real client, and resolves once a second client
 * has received them, so they are on the server before any editor connects. The second client
 * stays connected until the returned function is called: a server whose store is a no-op
 * (the durability baseline) would otherwise drop the unloaded document.
 */
export async function seedDocument(
  server: ServerProcess,
  access: { name: string; token: string },
  seed: number,
): Promise<() => void> {
  const seederDoc = new Y.Doc()
  seederDoc.clientID = SEEDER_CLIENT_ID
  const seeder = openClient(server.kind, server.wsUrl, access, seederDoc)
  const keeper = openClient(server.kind, server.wsUrl, access, new Y.Doc())
  try {
    await withTimeout(seeder.whenSynced(), 30_000, 'the seeding client to sync')
    seedParagraphs(seederDoc, PARAGRAPHS, seed)
    await until(() => paragraphTexts(keeper.doc).length === PARAGRAPHS, 'the seeded paragraphs')
  } catch (err) {
    keeper.destroy()
    throw err
  } finally {
    seeder.destroy()
  }
  return () => keeper.destroy()
}

/** Waits until the server's CPU use over 250 ms falls under 5% (rooms unloaded, GC done). */
export async function settle(server: ServerProcess, maxMs = 15_000): Promise<void> {
  const deadline = monoMs() + maxMs
  while (monoMs() < deadline) {
    const before = server.cpuSeconds()
    await new Promise((resolve) => setTimeout(resolve, 250))
    if (server.cpuSeconds() - before < 0.0125) return
  }
}

/** Cores used by anything but the server and the generators (never below 0). */
export function outside(
  machine: number,
  server: number,
  generators: ReadonlyArray<{ cpuShare: number }>,
): number {
  const ours = server + generators.reduce((sum, g) => sum + g.cpuShare, 0)
  return Math.max(0, Math.round((machine - ours) * 100) / 100)
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i)
}
