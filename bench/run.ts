/**
 * `npm run bench [-- --quick] [--only a,b] [--merge results.json] [--out dir] [--no-doc]`
 *
 * Runs every scenario against Briefing and Hocuspocus in one run on one machine, each server
 * in its own process and the load in separate generator processes, then writes
 * `<out>/<timestamp>.json` (default bench/results) and prints the ours/theirs table. A full
 * run also rewrites the generated section of BENCHMARKS.md. `--quick` uses tiny sizes so CI
 * can check every scenario still works (tests/bench/quick.test.ts); its numbers mean nothing.
 * `--only` with `--merge` re-runs some scenarios of an earlier full run and writes the
 * combined results (and BENCHMARKS.md) as a full run would.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { type BenchConfig, FULL, QUICK } from './config'
import { docFactory } from './lib/docs'
import { describeMachine, machineInfo } from './lib/machine'
import { REPO_ROOT, type ServerKind, startServer } from './lib/processes'
import { renderMarkdown, updateBenchmarksDoc } from './report'
import { coldLoad } from './scenarios/coldLoad'
import { durabilityCost } from './scenarios/durability'
import { hostileImport } from './scenarios/hostileImport'
import { idleConnections } from './scenarios/idle'
import { importUnderLoad } from './scenarios/importUnderLoad'
import { pdfExport, quoteExtraction } from './scenarios/local'
import { SCENARIOS, type ScenarioName } from './scenarios/names'
import { pageWeight } from './scenarios/pageWeight'
import { searchLatency } from './scenarios/search'
import { hotDocumentCeiling, syncLatency, type Targets } from './scenarios/sync'
import { versionsBench } from './scenarios/versions'

export interface BenchResults {
  mode: BenchConfig['mode']
  startedAt: string
  finishedAt: string
  machine: ReturnType<typeof machineInfo> & { loadAverageAtEnd: number }
  notes: string[]
  scenarios: Partial<Record<ScenarioName, unknown>>
}

const NOTES = [
  'Each server runs in its own process (node --expose-gc --import tsx); load generators are separate processes (two when a document has more than 20 editors), all on this machine, so at high load they compete with the server for the same cores.',
  'Briefing: bench/servers/briefing.ts = startBriefingServer with the environment config of server/main.ts, SQLite in a temp DATA_DIR, log level warn, HTTP rate limits off.',
  'Hocuspocus 3.4.0 with default debounce; storage = @hocuspocus/extension-sqlite layout (merged Y state per document) implemented on better-sqlite3 through onLoadDocument/onStoreDocument, because the native sqlite3 package is not built here.',
  'Clients: y-websocket 3.1 WebsocketProvider for Briefing, @hocuspocus/provider 3.4.0 for Hocuspocus, one socket per client and document on both.',
]

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      merge: { type: 'string' },
      out: { type: 'string' },
      'no-doc': { type: 'boolean', default: false },
    },
  })
  const config = values.quick ? QUICK : FULL
  const only = values.only ? values.only.split(',') : [...SCENARIOS]
  for (const name of only) {
    if (!(SCENARIOS as readonly string[]).includes(name)) {
      throw new RangeError(`unknown scenario "${name}" (expected ${SCENARIOS.join(', ')})`)
    }
  }
  const log = (line: string) => process.stdout.write(`${line}\n`)
  const machine = machineInfo()
  log(`Briefing benchmarks (${config.mode}) on ${describeMachine(machine)}`)
  const base: BenchResults | null = values.merge
    ? JSON.parse(fs.readFileSync(values.merge, 'utf8'))
    : null
  if (base && base.mode !== config.mode) {
    throw new RangeError(
      `--merge needs a ${config.mode} results file, ${values.merge} is ${base.mode}`,
    )
  }
  const results: BenchResults = {
    mode: config.mode,
    startedAt: new Date().toISOString(),
    finishedAt: '',
    machine: { ...machine, loadAverageAtEnd: 0 },
    notes: base
      ? [
          ...base.notes,
          `${only.join(', ')} re-run on ${new Date().toISOString()}; the rest is from ${path.basename(values.merge!)}.`,
        ]
      : NOTES,
    scenarios: { ...base?.scenarios },
  }
  let failed = false
  const run = async (name: ScenarioName, body: () => Promise<unknown>) => {
    if (!only.includes(name)) return
    log(`${name}…`)
    const started = Date.now()
    try {
      const result = await body()
      results.scenarios[name] = { status: 'ok', ...(result as object) }
    } catch (err) {
      failed = true
      results.scenarios[name] = { status: `failed: ${String(err)}` }
      log(`  FAILED: ${err instanceof Error ? err.stack : String(err)}`)
    }
    log(`  (${Math.round((Date.now() - started) / 100) / 10} s)`)
  }

  // Each of these gets fresh servers: an overload in one scenario (200 editors) must not
  // leave a server still digesting its backlog when the next scenario starts.
  const withTargets = (body: (targets: Targets) => Promise<unknown>) => async () => {
    const targets = await startTargets()
    try {
      return await body(targets.targets)
    } finally {
      await targets.stop()
    }
  }
  await run(
    'syncLatency',
    withTargets((t) => syncLatency(t, config, log)),
  )
  await run(
    'hotDocumentCeiling',
    withTargets((t) => hotDocumentCeiling(t, config, log)),
  )
  await run(
    'durabilityCost',
    withTargets((t) => durabilityCost(t, config, log)),
  )
  await run('idleConnections', () => idleConnections(config, log))
  await run('coldLoad', () => coldLoad(config, log))
  await run('export', () => pdfExport(config, log))
  await run('quoteExtraction', () => quoteExtraction(config))
  await run('hostileImport', () => hostileImport(config, log))
  await run('importUnderLoad', () => importUnderLoad(config, log))
  await run('pageWeight', () => pageWeight(log))
  await run('versions', () => versionsBench(config))
  await run('searchLatency', () => searchLatency(config, log))

  results.finishedAt = new Date().toISOString()
  results.machine.loadAverageAtEnd = Math.round(os.loadavg()[0]! * 100) / 100
  const outDir = path.resolve(values.out ?? path.join(REPO_ROOT, 'bench/results'))
  fs.mkdirSync(outDir, { recursive: true })
  const file = path.join(outDir, `${results.startedAt.replace(/[:.]/g, '-')}.json`)
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
  const table = renderMarkdown(results)
  log(`\n${table}`)
  log(`results: ${path.relative(process.cwd(), file)}`)
  if (config.mode === 'full' && !values['no-doc'] && (!values.only || base)) {
    updateBenchmarksDoc(table, path.relative(REPO_ROOT, file))
    log('BENCHMARKS.md updated')
  }
  process.exitCode = failed ? 1 : 0
}

/** Both servers on fresh data dirs, shared by the scenarios that do not need their own. */
async function startTargets(): Promise<{ targets: Targets; stop(): Promise<void> }> {
  const dirs: string[] = []
  const start = async (kind: ServerKind) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${kind}-`))
    dirs.push(dataDir)
    const server = await startServer({ kind, dataDir })
    return { server, docs: await docFactory(server) }
  }
  const [briefing, hocuspocus] = await Promise.all([start('briefing'), start('hocuspocus')])
  return {
    targets: { briefing, hocuspocus },
    async stop() {
      await Promise.all([briefing.server.stop(), hocuspocus.server.stop()])
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

main().then(
  () => process.exit(),
  (err) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`)
    process.exit(1)
  },
)
