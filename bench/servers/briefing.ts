/**
 * Briefing as the benchmarks run it: the product's startBriefingServer with the product's
 * environment configuration (as server/main.ts), plus the bench control channel. With
 * BENCH_DURABILITY=off the document store's append becomes a no-op, which is the baseline
 * the durability-cost scenario compares append-before-broadcast against. The override lives
 * here, on the running instance, so product code carries no benchmark switches.
 */
import { startBriefingServer } from '../../server/app'
import { configFromEnv } from '../../server/config'
import { createLogger } from '../../server/log/logger'
import { serveBenchControl } from './control'

const config = configFromEnv()
// For experiments only (BENCHMARKS.md, "what would close it"); the comparison runs defaults.
const compactAfterEntries = Number(process.env.BENCH_COMPACT_AFTER_ENTRIES) || undefined
const server = await startBriefingServer({
  ...config,
  clientDir: null,
  logger: createLogger(config.logLevel),
  rooms: compactAfterEntries ? { compactAfterEntries } : undefined,
})
if (process.env.BENCH_DURABILITY === 'off') {
  // The registry calls `store.append` and, through group commit, `store.appendMany` on this
  // very object, so replacing them here skips the write while the room's queue, ordering,
  // grouping and broadcast stay exactly as in production.
  server.stores.documents.append = async () => {}
  server.stores.documents.appendMany = async () => {}
}
serveBenchControl(server.port, () => server.close())
