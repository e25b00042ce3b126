/**
 * Sync latency and the hot-document ceiling: editors on one document at 5 edits/s each,
 * latency from each edit's scheduled time to its arrival at every other editor.
 *
 * The machine is shared and other work adds latency, never removes it, so each point is run
 * more than once with the servers alternating (ours, theirs, theirs, ours) and the better
 * run of each server is kept; every run's p99 and the machine's CPU are in the results.
 */
import type { BenchConfig } from '../config'
import { undisturbed } from '../lib/cpu'
import type { DocFactory } from '../lib/docs'
import type { ServerKind, ServerProcess } from '../lib/processes'
import { editingSession, type SessionOptions, type SessionResult, settle } from './editing'

/** A running server with its document factory, per kind. */
export type Targets = Record<ServerKind, { server: ServerProcess; docs: DocFactory }>

export interface SyncPoint {
  editors: number
  /** The run with the lower p99, per server. */
  ours: SessionResult
  theirs: SessionResult
  oursRunsP99: number[]
  theirsRunsP99: number[]
  /** ours / theirs; below 1 means Briefing is faster. */
  ratioP99: number
}

/** One undisturbed session on `kind`, each attempt after both servers have gone quiet. */
function session(
  targets: Targets,
  kind: ServerKind,
  options: SessionOptions,
  config: BenchConfig,
  log: (line: string) => void,
) {
  return undisturbed(
    async () => {
      await Promise.all([settle(targets.briefing.server), settle(targets.hocuspocus.server)])
      return editingSession(targets[kind].server, targets[kind].docs, options)
    },
    log,
    config.attempts,
  )
}

export async function syncLatency(
  targets: Targets,
  config: BenchConfig,
  log: (line: string) => void,
): Promise<{ points: SyncPoint[] }> {
  const points: SyncPoint[] = []
  for (const editors of config.sync.editorCounts) {
    const options = { editors, ...config.sync }
    const runs: Record<ServerKind, SessionResult[]> = { briefing: [], hocuspocus: [] }
    const order: ServerKind[] = []
    for (let r = 0; r < config.sync.repeats; r++) {
      order.push(
        ...(r % 2 === 0
          ? (['briefing', 'hocuspocus'] as const)
          : (['hocuspocus', 'briefing'] as const)),
      )
    }
    for (const kind of order) {
      const result = await session(targets, kind, options, config, log)
      runs[kind].push(result)
      log(
        `  sync ${editors} editors, ${kind}: p99 ${result.p99} ms (machine ${result.machineCpu} cores busy)`,
      )
    }
    const best = (results: SessionResult[]) => results.reduce((a, b) => (b.p99 < a.p99 ? b : a))
    const ours = best(runs.briefing)
    const theirs = best(runs.hocuspocus)
    points.push({
      editors,
      ours,
      theirs,
      oursRunsP99: runs.briefing.map((r) => r.p99),
      theirsRunsP99: runs.hocuspocus.map((r) => r.p99),
      ratioP99: ratio(ours.p99, theirs.p99),
    })
  }
  return { points }
}

export interface CeilingStep {
  editors: number
  p99: number
  p50: number
  missing: number
  serverCpu: number
  machineCpu: number
  otherCpu: number
  passed: boolean
}

export interface CeilingResult {
  limitMs: number
  /** Most editors with p99 under the limit; null when even the first step failed. */
  maxEditors: number | null
  /** True when the ramp ended without reaching the limit (the ceiling is higher). */
  notReached: boolean
  steps: CeilingStep[]
}

interface Ramp {
  kind: ServerKind
  pass: number | null
  fail: number | null
  steps: CeilingStep[]
}

/**
 * Ramps both servers in step (the same editor count for each before the next), so a noisy
 * minute on the machine hits both; then bisects between each one's last pass and first fail.
 * A step fails only if a second try fails too, so one burst of outside load cannot end a ramp.
 */
export async function hotDocumentCeiling(
  targets: Targets,
  config: BenchConfig,
  log: (line: string) => void,
): Promise<{ ours: CeilingResult; theirs: CeilingResult; ratio: number | null }> {
  const { ceiling, sync } = config
  const ramps: Ramp[] = (['briefing', 'hocuspocus'] as const).map((kind) => ({
    kind,
    pass: null,
    fail: null,
    steps: [],
  }))
  const trial = async (ramp: Ramp, editors: number) => {
    let result: SessionResult | null = null
    for (let attempt = 0; attempt < 2; attempt++) {
      result = await session(
        targets,
        ramp.kind,
        {
          editors,
          applyingEditors: sync.applyingEditors,
          intervalMs: sync.intervalMs,
          warmupMs: ceiling.warmupMs,
          durationMs: ceiling.durationMs,
          drainMs: sync.drainMs,
        },
        config,
        log,
      )
      const passed = result.p99 < ceiling.limitMs
      ramp.steps.push({
        editors,
        p99: result.p99,
        p50: result.p50,
        missing: result.missing,
        serverCpu: result.serverCpu,
        machineCpu: result.machineCpu,
        otherCpu: result.otherCpu,
        passed,
      })
      log(
        `  ceiling ${ramp.kind}: ${editors} editors p99 ${result.p99} ms (server CPU ${result.serverCpu}, machine ${result.machineCpu})`,
      )
      if (passed) return true
    }
    return false
  }
  for (const editors of ceiling.ramp) {
    const active = ramps.filter((ramp) => ramp.fail === null)
    if (active.length === 0) break
    for (const ramp of active) {
      if (await trial(ramp, editors)) ramp.pass = editors
      else ramp.fail = editors
    }
  }
  for (let i = 0; i < ceiling.refineSteps; i++) {
    for (const ramp of ramps) {
      if (ramp.pass === null || ramp.fail === null) continue
      const mid = Math.round((ramp.pass + ramp.fail) / 2)
      if (mid === ramp.pass || mid === ramp.fail) continue
      if (await trial(ramp, mid)) ramp.pass = mid
      else ramp.fail = mid
    }
  }
  const [ours, theirs] = ramps.map((ramp) => ({
    limitMs: ceiling.limitMs,
    maxEditors: ramp.pass,
    notReached: ramp.fail === null,
    steps: ramp.steps,
  })) as [CeilingResult, CeilingResult]
  const both = ours.maxEditors !== null && theirs.maxEditors !== null
  return { ours, theirs, ratio: both ? ratio(ours.maxEditors!, theirs.maxEditors!) : null }
}

export function ratio(ours: number, theirs: number): number {
  return Math.round((ours / theirs) * 100) / 100
}
