/** Process entry: runs the server from the environment and stops it cleanly on signals. */
import { startBriefingServer } from './app'
import { configFromEnv } from './config'
import { createLogger, errorField } from './log/logger'

/** Longest a graceful stop may take before the process exits anyway. */
const SHUTDOWN_DEADLINE_MS = 15_000

async function main(): Promise<void> {
  const config = configFromEnv()
  const log = createLogger(config.logLevel)
  const server = await startBriefingServer({ ...config, logger: log })
  log.info('Briefing is running', { url: `http://localhost:${server.port}` })

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    log.info('stopping', { signal })
    const deadline = setTimeout(() => {
      log.error('shutdown deadline passed; exiting with work unfinished')
      process.exit(1)
    }, SHUTDOWN_DEADLINE_MS)
    deadline.unref()
    server.close().then(
      () => process.exit(0),
      (err) => {
        log.error('shutdown failed', { error: errorField(err) })
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

main().catch((err) => {
  process.stderr.write(`Briefing failed to start: ${errorField(err)}\n`)
  process.exit(1)
})
