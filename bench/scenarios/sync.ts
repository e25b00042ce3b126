/**
 * Sync latency and the hot-document ceiling: editors on one document at 5 edits/s each,
 * latency from each edit's scheduled time to its application on every other editor.
 */
import type { BenchConfig } from '../config'
import type { DocFactory } from '../lib/docs'
import type { ServerKind, ServerProcess } from '../lib/processes'
import { editingSession, type SessionResult } from './editing'

/** A running server with its document factory, per kind. */
export type Targets = Record<ServerKind, { server: ServerProcess; docs: DocFactory }>

export interface SyncPoint {
  editors: number
  ours: SessionResult
  theirs: SessionResult
  /** ours / theirs; below 1 means Briefing is faster. */
  ratioP99: number
}

export async function syncLatency(
  targets: Targets,
  config: BenchConfig,
  log: (line: string) => void,
): Promise<{ points: SyncPoint[] }> {
  const points: SyncPoint[] = []
  for (const editors of config.sync.editorCounts) {
    const options = { editors, ...config.sync }
    const ours = await editingSession(targets.briefing.server, targets.briefing.docs, options)
    log(`  sync ${editors} editors: Briefing p99 ${ours.p99} ms`)
    const theirs = await editingSession(targets.hocuspocus.server, targets.hocuspocus.docs, options)
    log(`  sync ${editors} editors: Hocuspocus p99 ${theirs.p99} ms`)
    points.push({ editors, ours, theirs, ratioP99: ratio(ours.p99, theirs.p99) })
  }
  return { points }
}

export interface CeilingResult {
  limitMs: number
  /** Most editors with p99 under the limit; null when even the first step failed. */
  maxEditors: number | null
  /** True when the ramp ended without reaching the limit (the ceiling is higher). */
  notReached: boolean
  steps: Array<{ editors: number; p99: number; p50: number; missing: number; serverCpu: number }>
}

export async function hotDocumentCeiling(
  targets: Targets,
  config: BenchConfig,
  log: (line: string) => void,
): Promise<{ ours: CeilingResult; theirs: CeilingResult; ratio: number | null }> {
  const ours = await ceilingOf(targets.briefing, config, (l) => log(`  ceiling Briefing: ${l}`))
  const theirs = await ceilingOf(targets.hocuspocus, config, (l) =>
    log(`  ceiling Hocuspocus: ${l}`),
  )
  const both = ours.maxEditors !== null && theirs.maxEditors !== null
  return { ours, theirs, ratio: both ? ratio(ours.maxEditors!, theirs.maxEditors!) : null }
}

async function ceilingOf(
  target: Targets[ServerKind],
  config: BenchConfig,
  log: (line: string) => void,
): Promise<CeilingResult> {
  const { ceiling, sync } = config
  const steps: CeilingResult['steps'] = []
  const trial = async (editors: number) => {
    const result = await editingSession(target.server, target.docs, {
      editors,
      intervalMs: sync.intervalMs,
      warmupMs: ceiling.warmupMs,
      durationMs: ceiling.durationMs,
      drainMs: sync.drainMs,
    })
    steps.push({
      editors,
      p99: result.p99,
      p50: result.p50,
      missing: result.missing,
      serverCpu: result.serverCpu,
    })
    log(`${editors} editors p99 ${result.p99} ms (server CPU ${result.serverCpu})`)
    return result.p99 < ceiling.limitMs
  }
  let pass: number | null = null
  let fail: number | null = null
  for (const editors of ceiling.ramp) {
    if (await trial(editors)) pass = editors
    else {
      fail = editors
      break
    }
  }
  // Bisect between the last passing and the first failing step.
  for (let i = 0; i < ceiling.refineSteps && pass !== null && fail !== null; i++) {
    const mid = Math.round((pass + fail) / 2)
    if (mid === pass || mid === fail) break
    if (await trial(mid)) pass = mid
    else fail = mid
  }
  return { limitMs: ceiling.limitMs, maxEditors: pass, notReached: fail === null, steps }
}

export function ratio(ours: number, theirs: number): number {
  return Math.round((ours / theirs) * 100) / 100
}
