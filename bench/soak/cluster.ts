/**
 * The servers a soak run abuses: one Briefing (`server/main.ts`) on SQLite, or, when
 * DATABASE_URL is set, two instances sharing a fresh PostgreSQL schema in that database and
 * a throwaway redis-server on its own port. The machine's shared Redis (6379) is never
 * used or touched: REDIS_URL's value is ignored. Everything restarts on the same port (and
 * data dir), so clients reconnect to the same URL, exactly as after a crash in production.
 * With `inspect`, each server also runs an inspector on a free loopback port (through
 * NODE_OPTIONS, as the shared launcher takes no node flags), for heap-after-GC samples.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { freePort, type ServerProcess, startServer } from '../lib/processes'

export interface Instance {
  name: string
  port: number
  httpUrl: string
  wsUrl: string
  dataDir: string
  /** The live process; null while it is down. */
  process: ServerProcess | null
  /** When the live process was ready (ms since the epoch); null while it is down. */
  upSince: number | null
}

export interface Cluster {
  mode: 'sqlite' | 'postgres+redis'
  instances: Instance[]
  /** The throwaway Redis, in cluster mode. */
  redis: Redis | null
  /** How to open the stores directly, for the final check. */
  storeConfig: { dataDir: string; databaseUrl: string | null }
  kill(instance: Instance): Promise<void>
  start(instance: Instance): Promise<void>
  close(): Promise<void>
}

export interface ClusterOptions {
  /**
   * Start every server with `--inspect=127.0.0.1:0`; it prints its inspector URL on stderr
   * ("Debugger listening on ws://…", see bench/lib/inspector.ts), a new one at each start.
   */
  inspect?: boolean
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const databaseUrl = process.env.DATABASE_URL?.trim() || null
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-soak-'))
  const schema = databaseUrl ? await createSchema(databaseUrl) : null
  const redis = schema ? await startRedis() : null
  const env: Record<string, string> = schema
    ? { DATABASE_URL: schema.url, REDIS_URL: redis!.url }
    : {}
  if (options.inspect)
    env.NODE_OPTIONS = [process.env.NODE_OPTIONS, '--inspect=127.0.0.1:0'].filter(Boolean).join(' ')
  const count = schema ? 2 : 1
  const instances: Instance[] = []
  for (let i = 0; i < count; i++) {
    const port = await freePort()
    const dataDir = path.join(root, `instance-${i}`)
    instances.push({
      name: count === 1 ? 'server' : `instance-${'ab'[i]}`,
      port,
      httpUrl: `http://127.0.0.1:${port}`,
      wsUrl: `ws://127.0.0.1:${port}/collab`,
      dataDir,
      process: null,
      upSince: null,
    })
  }
  const start = async (instance: Instance) => {
    instance.process = await startServer({
      kind: 'briefing',
      productEntry: true,
      dataDir: instance.dataDir,
      port: instance.port,
      env,
    })
    instance.upSince = Date.now()
  }
  const kill = async (instance: Instance) => {
    await instance.process?.stop('SIGKILL')
    instance.process = null
    instance.upSince = null
  }
  // In cluster mode both start at once: they race to migrate the schema, as in production.
  await Promise.all(instances.map(start))
  return {
    mode: schema ? 'postgres+redis' : 'sqlite',
    instances,
    redis,
    storeConfig: { dataDir: instances[0]!.dataDir, databaseUrl: schema?.url ?? null },
    kill,
    start,
    async close() {
      await Promise.all(instances.map(kill))
      await redis?.kill()
      await schema?.drop()
      fs.rmSync(root, { recursive: true, force: true })
    },
  }
}

/** A fresh schema in the given database, selected through the URL's search_path. */
async function createSchema(databaseUrl: string) {
  const name = `soak_${randomBytes(6).toString('hex')}`
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  await admin(`CREATE SCHEMA ${name}`)
  const url = new URL(databaseUrl)
  url.searchParams.set('options', `-c search_path=${name}`)
  return { url: url.toString(), drop: () => admin(`DROP SCHEMA IF EXISTS ${name} CASCADE`) }
}

export interface Redis {
  port: number
  url: string
  up: boolean
  kill(): Promise<void>
  restart(): Promise<void>
}

/** A private redis-server on a free port, with persistence off (a restart comes back empty). */
async function startRedis(): Promise<Redis> {
  const port = await freePort()
  let child: ChildProcess | null = null
  const launch = async () => {
    const proc = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    child = proc
    let output = ''
    await new Promise<void>((resolve, reject) => {
      proc.stdout.setEncoding('utf8')
      proc.stdout.on('data', (chunk: string) => {
        output += chunk
        if (output.includes('Ready to accept connections')) resolve()
      })
      proc.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)))
    })
    redis.up = true
  }
  const redis: Redis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    up: false,
    async kill() {
      const proc = child
      if (!proc || proc.exitCode !== null) return
      const exited = new Promise((resolve) => proc.once('exit', resolve))
      proc.kill('SIGKILL')
      await exited
      redis.up = false
    },
    restart: launch,
  }
  await launch()
  return redis
}
