/**
 * Real processes for the scale-out tests: Briefing servers (`node --import tsx
 * server/main.ts`) and a throwaway redis-server each test may kill and restart. The
 * machine's shared Redis (6379) and PostgreSQL are never stopped: each test gets its own
 * redis-server on a free port and its own PostgreSQL schema.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** A child process with its output kept for failure reports. */
interface Tracked {
  child: ChildProcess
  output: string[]
  exited: Promise<number | null>
}

function track(child: ChildProcess, onLine: (line: string) => void = () => {}): Tracked {
  const output: string[] = []
  const collect = (stream: NodeJS.ReadableStream | null) => {
    let partial = ''
    stream?.setEncoding('utf8')
    stream?.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) {
        output.push(line)
        onLine(line)
      }
    })
  }
  collect(child.stdout)
  collect(child.stderr)
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  return { child, output, exited }
}

/** A port the OS just handed out, free again for a server that needs a fixed one. */
export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

export interface RedisProcess {
  port: number
  url: string
  /** Kills it like a crash (SIGKILL); nothing is saved. */
  kill(): Promise<void>
  /** Starts it again on the same port. */
  restart(): Promise<void>
}

/**
 * A private redis-server. Its port has to stay fixed across restarts (the instances hold
 * its URL), so it is picked free once and reused.
 */
export async function startRedis(): Promise<RedisProcess> {
  const port = await freePort()
  let current: Tracked | null = null
  const start = async () => {
    let ready!: () => void
    const isReady = new Promise<void>((resolve) => {
      ready = resolve
    })
    const child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    current = track(child, (line) => {
      if (line.includes('Ready to accept connections')) ready()
    })
    const failed = current.exited.then((code) => {
      throw new Error(`redis-server exited (${code}):\n${current?.output.join('\n')}`)
    })
    await Promise.race([isReady, failed])
  }
  await start()
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async kill() {
      if (!current) return
      current.child.kill('SIGKILL')
      await current.exited
      current = null
    },
    restart: start,
  }
}

export interface InstanceProcess {
  /** `http://127.0.0.1:port` */
  url: string
  /** `ws://127.0.0.1:port/collab` */
  wsUrl: string
  port: number
  /** Its stdout and stderr lines so far. */
  output: string[]
  /** Log lines (parsed JSON) whose msg matches. */
  logs(msg: string): Array<Record<string, unknown>>
  /** Sends a signal and waits for the process to exit. */
  stop(signal: NodeJS.Signals): Promise<number | null>
}

/** Starts `server/main.ts` on a free port and resolves once it logs "listening". */
export async function startInstance(env: {
  DATABASE_URL: string
  REDIS_URL: string
}): Promise<InstanceProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-scaleout-'))
  let listening!: (port: number) => void
  const port = new Promise<number>((resolve) => {
    listening = resolve
  })
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      CLIENT_DIR: path.join(dataDir, 'no-client'),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const tracked = track(child, (line) => {
    const parsed = parseLine(line)
    if (parsed?.msg === 'listening' && typeof parsed.port === 'number') listening(parsed.port)
  })
  void tracked.exited.then(() => fs.rmSync(dataDir, { recursive: true, force: true }))
  const failed = tracked.exited.then((code) => {
    throw new Error(`server exited (${code}) before listening:\n${tracked.output.join('\n')}`)
  })
  const boundPort = await Promise.race([port, failed])
  failed.catch(() => undefined)
  return {
    url: `http://127.0.0.1:${boundPort}`,
    wsUrl: `ws://127.0.0.1:${boundPort}/collab`,
    port: boundPort,
    output: tracked.output,
    logs: (msg) =>
      tracked.output
        .map(parseLine)
        .filter((line): line is Record<string, unknown> => line?.msg === msg),
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return tracked.exited
    },
  }
}

function parseLine(line: string): Record<string, unknown> | null {
  try {
    const parsed = JSON.parse(line)
    return typeof parsed === 'object' && parsed !== null ? parsed : null
  } catch {
    return null
  }
}
