/** Server configuration, read from the environment once at start and passed down. */
import path from 'node:path'
import { DEFAULT_SOCKET_LIMITS, type SocketLimits } from './collab/socketLimits'
import type { LogLevel } from './log/logger'
import { DEFAULT_IMPORT_POOL } from './sources/worker/importPool'

export interface ServerConfig {
  port: number
  host: string
  /** SQLite database folder (the embedded default store). */
  dataDir: string
  /** Built client to serve; null serves the API only. */
  clientDir: string | null
  logLevel: LogLevel
  /** PostgreSQL URL; when set, every store lives there instead of SQLite. */
  databaseUrl: string | null
  /** Redis URL; when set, instances sharing it fan live updates out to each other. */
  redisUrl: string | null
  /** Origins trusted by the CSRF and WebSocket origin checks besides the request's host. */
  trustedOrigins: string[]
  limits: RateLimits
  /** Collaboration sockets one user, and one client address, may hold open at once. */
  sockets: SocketLimits
  /**
   * Which proxies' X-Forwarded-* headers to believe (Express "trust proxy"): client IPs for
   * rate limits and the audit log, and HTTPS for Secure cookies. Default: loopback only.
   */
  trustProxy: boolean | number | string
  /**
   * Bearer token `/metrics` asks for (METRICS_TOKEN). With neither it nor `metricsPort`, the
   * metrics are served only to direct requests from loopback.
   */
  metricsToken: string | null
  /** A separate port that serves `/metrics` instead of the main one (METRICS_PORT). */
  metricsPort: number | null
  /** Test-only (BRIEFING_ALLOW_LOOPBACK_FETCH=1): source import may fetch from loopback. */
  allowLoopbackFetch: boolean
  /** The threads source imports are parsed in (server/sources/worker/importPool.ts). */
  imports: ImportPoolConfig
}

/** How many imports parse at once, how many may wait, and for how long one may parse. */
export interface ImportPoolConfig {
  size: number
  queueLimit: number
  timeLimitMs: number
  memoryLimitMb: number
}

/** Request rate limits per client IP; 0 switches one off (benchmarks, load tests). */
export interface RateLimits {
  /** API requests per minute. */
  apiPerMinute: number
  /** Register and login attempts per 15 minutes. */
  authPer15Minutes: number
  /** Source imports each user may start per minute (after a burst of 10; http/importRate.ts). */
  importsPerMinute: number
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  apiPerMinute: 1200,
  authPer15Minutes: 30,
  importsPerMinute: 30,
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT === undefined ? 3000 : portFromEnv('PORT', env.PORT)
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
    databaseUrl: urlFromEnv(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: urlFromEnv(env, 'REDIS_URL', ['redis:', 'rediss:']),
    trustedOrigins: (env.PUBLIC_URL ?? '')
      .split(',')
      .map((origin) => origin.trim().replace(/\/+$/, ''))
      .filter(Boolean),
    allowLoopbackFetch: env.BRIEFING_ALLOW_LOOPBACK_FETCH === '1',
    metricsToken: metricsTokenFromEnv(env.METRICS_TOKEN),
    metricsPort: env.METRICS_PORT ? portFromEnv('METRICS_PORT', env.METRICS_PORT) : null,
    trustProxy: trustProxyFromEnv(env.TRUST_PROXY),
    limits: {
      apiPerMinute: countFromEnv(env, 'API_RATE_LIMIT', DEFAULT_RATE_LIMITS.apiPerMinute),
      authPer15Minutes: countFromEnv(env, 'AUTH_RATE_LIMIT', DEFAULT_RATE_LIMITS.authPer15Minutes),
      importsPerMinute: countFromEnv(
        env,
        'IMPORT_RATE_LIMIT',
        DEFAULT_RATE_LIMITS.importsPerMinute,
      ),
    },
    imports: {
      size: positiveFromEnv(env, 'IMPORT_THREADS', DEFAULT_IMPORT_POOL.size),
      queueLimit: countFromEnv(env, 'IMPORT_QUEUE', DEFAULT_IMPORT_POOL.queueLimit),
      timeLimitMs:
        positiveFromEnv(env, 'IMPORT_TIME_LIMIT', DEFAULT_IMPORT_POOL.timeLimitMs / 1000) * 1000,
      memoryLimitMb: positiveFromEnv(env, 'IMPORT_MEMORY_MB', DEFAULT_IMPORT_POOL.memoryLimitMb),
    },
    sockets: {
      perUser: countFromEnv(env, 'COLLAB_SOCKETS_PER_USER', DEFAULT_SOCKET_LIMITS.perUser),
      perAddress: countFromEnv(env, 'COLLAB_SOCKETS_PER_IP', DEFAULT_SOCKET_LIMITS.perAddress),
    },
  }
}

function portFromEnv(name: string, value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`${name} must be an integer from 0 to 65535, got "${value}"`)
  }
  return port
}

/** Shortest METRICS_TOKEN accepted: a bearer secret must not be guessable. */
const MIN_METRICS_TOKEN_LENGTH = 24

/** The error never repeats the value: it is a secret. */
function metricsTokenFromEnv(value: string | undefined): string | null {
  const token = value?.trim()
  if (!token) return null
  if (token.length < MIN_METRICS_TOKEN_LENGTH) {
    throw new RangeError(
      `METRICS_TOKEN must be at least ${MIN_METRICS_TOKEN_LENGTH} characters (e.g. openssl rand -hex 24)`,
    )
  }
  return token
}

function positiveFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name]
  if (value === undefined || value === '') return fallback
  const count = Number(value)
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`${name} must be a whole number of at least 1, got "${value}"`)
  }
  return count
}

function countFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name]
  if (value === undefined || value === '') return fallback
  const count = Number(value)
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(
      `${name} must be a whole number (0 switches the limit off), got "${value}"`,
    )
  }
  return count
}

/**
 * An optional URL setting; unset or empty is null. Errors name the scheme, never the URL,
 * which usually holds a password.
 */
function urlFromEnv(
  env: NodeJS.ProcessEnv,
  name: string,
  protocols: readonly string[],
): string | null {
  const value = env[name]?.trim()
  if (!value) return null
  let protocol: string
  try {
    protocol = new URL(value).protocol
  } catch {
    throw new RangeError(`${name} is not a valid URL`)
  }
  if (!protocols.includes(protocol)) {
    throw new RangeError(`${name} must start with ${protocols.join('// or ')}//, got ${protocol}//`)
  }
  return value
}

/** `TRUST_PROXY`: true/false, a hop count, or Express's address list ("loopback, uniquelocal"). */
function trustProxyFromEnv(value: string | undefined): boolean | number | string {
  if (value === undefined || value.trim() === '') return 'loopback'
  if (value === 'true' || value === 'false') return value === 'true'
  if (/^\d+$/.test(value)) return Number(value)
  return value
}
