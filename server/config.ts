/** Server configuration, read from the environment once at start and passed down. */
import path from 'node:path'
import type { LogLevel } from './log/logger'

export interface ServerConfig {
  port: number
  host: string
  /** SQLite database folder (the embedded default store). */
  dataDir: string
  /** Built client to serve; null serves the API only. */
  clientDir: string | null
  logLevel: LogLevel
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT === undefined ? 3000 : Number(env.PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`PORT must be an integer from 0 to 65535, got "${env.PORT}"`)
  }
  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    throw new RangeError(`LOG_LEVEL must be debug, info, warn or error, got "${env.LOG_LEVEL}"`)
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    clientDir: path.resolve(env.CLIENT_DIR ?? './dist/client'),
    logLevel,
  }
}
