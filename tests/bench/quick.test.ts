/**
 * [BENCH1] `npm run bench -- --quick` keeps working: it runs every scenario against Briefing
 * and Hocuspocus end to end as child processes, exits 0 and writes a results file that has
 * every scenario. Its numbers are not checked; the full run is for numbers.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { SCENARIOS } from '../../bench/scenarios/names'

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

describe('benchmarks, quick mode', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-quick-test-'))
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }))

  // Every scenario end to end, two of them with a client build and Chromium: about six
  // minutes on two busy cores (load average ~20), so the limit leaves room.
  it('[BENCH1] runs every scenario and writes the results', { timeout: 600_000 }, async () => {
    const output: string[] = []
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'bench/run.ts', '--quick', '--out', out],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    child.stdout.on('data', (chunk) => output.push(String(chunk)))
    child.stderr.on('data', (chunk) => output.push(String(chunk)))
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(code, output.join('')).toBe(0)

    const files = fs.readdirSync(out).filter((file) => file.endsWith('.json'))
    expect(files).toHaveLength(1)
    const results = JSON.parse(fs.readFileSync(path.join(out, files[0]!), 'utf8'))
    expect(results.mode).toBe('quick')
    expect(results.machine.cores).toBeGreaterThan(0)
    for (const name of SCENARIOS) {
      const status = results.scenarios[name]?.status
      expect(status, `${name}: ${status}`).toMatch(/^(ok|not measured: .+)$/)
    }
    const sync = results.scenarios.syncLatency
    expect(sync.points[0].ours.samples).toBeGreaterThan(0)
    expect(sync.points[0].theirs.samples).toBeGreaterThan(0)
  })
})
