/**
 * Server processes under test, each in its own process so the load generators never share
 * an event loop with them: Briefing through the bench wrapper (or the product entry
 * `server/main.ts` for the soak), Hocuspocus through bench/servers/hocuspocus.ts. Every
 * server is started the same way: `node --expose-gc --import tsx`, under a raised `ulimit -n`.
 */
import { type ChildProcess, execSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export type ServerKind = 'briefing' | 'hocuspocus'

export interface ServerOptions {
  kind: ServerKind
  dataDir: string
  /** 0 (the default) lets the OS choose. */
  port?: number
  /** Briefing only: `false` makes DocumentStore.append a no-op (the durability baseline). */
  durability?: boolean
  /** Briefing only: run the product entry `server/main.ts` instead of the bench wrapper. */
  productEntry?: boolean
  /** Extra environment (DATABASE_URL, REDIS_URL for the soak's cluster). */
  env?: Record<string, string>
}

export interface ServerProcess {
  kind: ServerKind
  pid: number
  port: number
  /** `http://127.0.0.1:port` */
  httpUrl: string
  /** Where a client's provider points: `/collab` for Briefing, the root for Hocuspocus. */
  wsUrl: string
  dataDir: string
  output: string[]
  exited: Promise<number | null>
  /** Resident set size from /proc (the same method for both servers). */
  rssBytes(): number
  /** User + system CPU seconds the process has used so far. */
  cpuSeconds(): number
  /** V8 heap after a full GC, asked of the wrapper over stdin (not for productEntry). */
  heap(): Promise<{ heapUsed: number; heapTotal: number; external: number; rss: number }>
  /** Writes a V8 heap snapshot to `file` (wrapper only), for investigating memory. */
  heapSnapshot(file: string): Promise<void>
  /** Records a CPU profile until the returned function is called with a .cpuprofile path. */
  profile(): Promise<(file: string) => Promise<void>>
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/** Shared secret for the Hocuspocus wrapper's token check. */
export const HOCUSPOCUS_SECRET = 'bench-hocuspocus-secret'

const ENTRIES = {
  briefing: 'bench/servers/briefing.ts',
  hocuspocus: 'bench/servers/hocuspocus.ts',
  main: 'server/main.ts',
}

export async function startServer(options: ServerOptions): Promise<ServerProcess> {
  const entry = options.productEntry ? ENTRIES.main : ENTRIES[options.kind]
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port ?? 0),
    HOST: '127.0.0.1',
    DATA_DIR: options.dataDir,
    CLIENT_DIR: path.join(options.dataDir, 'no-client'),
    LOG_LEVEL: 'warn',
    API_RATE_LIMIT: '0',
    AUTH_RATE_LIMIT: '0',
    IMPORT_RATE_LIMIT: '0',
    // Thousands of sockets from one address and one bench user are the workload here.
    COLLAB_SOCKETS_PER_USER: '0',
    COLLAB_SOCKETS_PER_IP: '0',
    BENCH_DURABILITY: options.durability === false ? 'off' : 'on',
    BENCH_HOCUSPOCUS_SECRET: HOCUSPOCUS_SECRET,
  }
  // A bench server never picks up the shell's database or Redis by accident.
  delete env.DATABASE_URL
  delete env.REDIS_URL
  Object.assign(env, options.env)
  if (options.productEntry) env.LOG_LEVEL = 'info' // main.ts announces its port at info
  const child = spawn(
    'bash',
    [
      '-c',
      'ulimit -n "$(ulimit -Hn)"; exec "$@"',
      'bash',
      process.execPath,
      '--expose-gc',
      '--import',
      'tsx',
      entry,
    ],
    { cwd: REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] },
  )
  const lines = new LineTap(child)
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))),
  )
  const port = await Promise.race([
    lines.waitFor((line) => {
      const parsed = parseJson(line)
      const ready = parsed?.bench === 'ready' || parsed?.msg === 'listening'
      return ready && typeof parsed?.port === 'number' ? parsed.port : undefined
    }),
    exited.then((code) => {
      throw new Error(`${entry} exited (${code}) before listening:\n${lines.output.join('\n')}`)
    }),
  ])
  const pid = child.pid!
  const base = `http://127.0.0.1:${port}`
  return {
    kind: options.kind,
    pid,
    port,
    httpUrl: base,
    wsUrl: options.kind === 'briefing' ? `ws://127.0.0.1:${port}/collab` : `ws://127.0.0.1:${port}`,
    dataDir: options.dataDir,
    output: lines.output,
    exited,
    rssBytes: () => readRssBytes(pid),
    cpuSeconds: () => readCpuSeconds(pid),
    async heap() {
      const reply = lines.waitFor((line) => {
        const parsed = parseJson(line)
        return parsed?.bench === 'mem' ? parsed : undefined
      })
      child.stdin?.write('mem\n')
      const mem = await reply
      return {
        heapUsed: Number(mem.heapUsed),
        heapTotal: Number(mem.heapTotal),
        external: Number(mem.external),
        rss: Number(mem.rss),
      }
    },
    async heapSnapshot(file) {
      const written = lines.waitFor((line) =>
        parseJson(line)?.bench === 'snapshot' ? true : undefined,
      )
      child.stdin?.write(`snapshot ${file}\n`)
      await written
    },
    async profile() {
      const started = lines.waitFor((line) =>
        parseJson(line)?.bench === 'profile-started' ? true : undefined,
      )
      child.stdin?.write('profile-start\n')
      await started
      return async (file: string) => {
        const written = lines.waitFor((line) =>
          parseJson(line)?.bench === 'profile' ? true : undefined,
        )
        child.stdin?.write(`profile-stop ${file}\n`)
        await written
      }
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return exited
    },
  }
}

/** Collects a child's output lines and lets callers wait for a line that matches. */
class LineTap {
  readonly output: string[] = []
  private readonly waiters = new Set<(line: string) => void>()

  constructor(child: ChildProcess) {
    for (const stream of [child.stdout, child.stderr]) {
      let partial = ''
      stream?.setEncoding('utf8')
      stream?.on('data', (chunk: string) => {
        const parts = (partial + chunk).split('\n')
        partial = parts.pop() ?? ''
        for (const line of parts) {
          if (this.output.length < 5_000) this.output.push(line)
          for (const waiter of [...this.waiters]) waiter(line)
        }
      })
    }
  }

  waitFor<T>(match: (line: string) => T | undefined): Promise<T> {
    return new Promise((resolve) => {
      const waiter = (line: string) => {
        const value = match(line)
        if (value === undefined) return
        this.waiters.delete(waiter)
        resolve(value)
      }
      this.waiters.add(waiter)
    })
  }
}

function parseJson(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined
  try {
    return JSON.parse(line) as Record<string, unknown>
  } catch {
    return undefined
  }
}

/** VmRSS of a process, in bytes. */
export function readRssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)
  if (!match) throw new Error(`no VmRSS for process ${pid}`)
  return Number(match[1]) * 1024
}

let clockTicks: number | null = null

/** utime + stime of a process, in seconds. */
export function readCpuSeconds(pid: number): number {
  clockTicks ??= Number(execSync('getconf CLK_TCK').toString().trim()) || 100
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name may hold spaces; the fields after its closing parenthesis do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / clockTicks
}

/** A port the OS just handed out, for a server that must come back on the same one. */
export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}
