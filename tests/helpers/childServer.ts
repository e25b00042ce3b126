/**
 * The real server as a child process (`node --import tsx server/main.ts`), for tests where
 * the process itself is the point: graceful stops on signals, `kill -9`, restarts on the
 * same data directory. In-process servers (./server.ts) cover everything else.
 */

import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'
import { startWhenPortFree } from './ports'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** How a child ended: its exit code, or the signal that killed it. */
export interface ChildExit {
  code: number | null
  signal: NodeJS.Signals | null
}

export interface ChildServer {
  port: number
  /** `http://127.0.0.1:port` */
  url: string
  /** `ws://127.0.0.1:port/collab`, the provider's server URL. */
  wsUrl: string
  dataDir: string
  /** The child's JSON log lines (stdout), parsed, in order. */
  lines: Array<Record<string, unknown>>
  /** Everything the child wrote to stderr. */
  stderr(): string
  /** Resolves when the child has exited. */
  exited: Promise<ChildExit>
  /** Sends `signal` (SIGTERM by default); a no-op once the child has exited. */
  kill(signal?: NodeJS.Signals): void
  /** SIGTERM, then the exit. */
  stop(): Promise<ChildExit>
}

export interface ChildServerOptions {
  dataDir: string
  /** 0 (the default) lets the OS choose; pass an old port to restart "in place". */
  port?: number
  logLevel?: 'debug' | 'info' | 'warn' | 'error'
  env?: Record<string, string>
}

/** Children not yet exited, killed by `killAllChildren` so a failed test leaves none behind. */
const running = new Set<ChildProcess>()

/** Starts the server and resolves once it logged "listening". */
export function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const port = options.port
  if (!port) return spawnOnce(options)
  return startWhenPortFree(
    port,
    () => spawnOnce(options),
    (err) => err instanceof ChildStartError && /EADDRINUSE/.test(err.stderr),
  )
}

/** SIGKILLs every child still running; for afterEach/afterAll. */
export async function killAllChildren(): Promise<void> {
  const exits = Array.from(running, (child) => {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill('SIGKILL')
    return exited
  })
  await Promise.all(exits)
}

class ChildStartError extends Error {
  override name = 'ChildStartError'
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message)
  }
}

function spawnOnce(options: ChildServerOptions): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server', 'main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      LOG_LEVEL: options.logLevel ?? 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  const lines: Array<Record<string, unknown>> = []
  let stderr = ''
  child.stderr!.setEncoding('utf8')
  child.stderr!.on('data', (chunk: string) => {
    stderr += chunk
  })
  const exited = new Promise<ChildExit>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child)
      resolve({ code, signal })
    })
  })

  return new Promise<ChildServer>((resolve, reject) => {
    let started = false
    readline.createInterface({ input: child.stdout! }).on('line', (text) => {
      let line: Record<string, unknown>
      try {
        line = JSON.parse(text)
      } catch {
        line = { level: 'raw', msg: text }
      }
      lines.push(line)
      if (!started && line.msg === 'listening' && typeof line.port === 'number') {
        started = true
        resolve(describe(line.port))
      }
    })
    void exited.then((exit) => {
      if (started) return
      reject(
        new ChildStartError(
          `server exited before listening (code ${exit.code}, signal ${exit.signal}): ${stderr}`,
          stderr,
        ),
      )
    })
  })

  function describe(port: number): ChildServer {
    let exit: ChildExit | null = null
    void exited.then((value) => {
      exit = value
    })
    const kill = (signal: NodeJS.Signals = 'SIGTERM') => {
      if (!exit) child.kill(signal)
    }
    return {
      port,
      url: `http://127.0.0.1:${port}`,
      wsUrl: `ws://127.0.0.1:${port}/collab`,
      dataDir: options.dataDir,
      lines,
      stderr: () => stderr,
      exited,
      kill,
      stop() {
        kill('SIGTERM')
        return exited
      },
    }
  }
}
