/**
 * Where the machine's CPU went during a measurement: the whole machine (from /proc/stat),
 * so a result taken while something else was busy can be recognised as such.
 */
import fs from 'node:fs'
import os from 'node:os'

export interface CpuSnapshot {
  busy: number
  total: number
}

export function machineCpu(): CpuSnapshot {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!
  const [, ...fields] = line.trim().split(/\s+/)
  const values = fields.map(Number)
  const total = values.reduce((sum, v) => sum + v, 0)
  // idle and iowait
  const idle = (values[3] ?? 0) + (values[4] ?? 0)
  return { busy: total - idle, total }
}

/** Cores busy on average between two snapshots (0..cores). */
export function coresBusy(from: CpuSnapshot, to: CpuSnapshot): number {
  const total = to.total - from.total
  if (total <= 0) return 0
  return Math.round(((to.busy - from.busy) / total) * os.cpus().length * 100) / 100
}

/** CPU (in cores) used by processes outside the measurement before a run counts as disturbed. */
export const DISTURBED_CORES = 0.35
/** Attempts per measurement in a full run. */
export const ATTEMPTS = 4

/**
 * Runs a measurement until one is not disturbed by outside work (other processes on this
 * shared machine using more than DISTURBED_CORES), at most ATTEMPTS times; otherwise keeps
 * the least disturbed. Outside load only ever adds latency, so a disturbed run says nothing
 * about the server.
 */
export async function undisturbed<T extends { otherCpu: number }>(
  run: () => Promise<T>,
  log: (line: string) => void,
  attempts = ATTEMPTS,
): Promise<T & { attempts: number }> {
  let best: T | null = null
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const result = await run()
    if (!best || result.otherCpu < best.otherCpu) best = result
    if (result.otherCpu <= DISTURBED_CORES || attempt === attempts) {
      return { ...(attempt === attempts ? best! : result), attempts: attempt }
    }
    log(`    (disturbed: ${result.otherCpu} cores busy outside the measurement; again)`)
  }
  throw new RangeError(`undisturbed needs at least one attempt, got ${attempts}`)
}
