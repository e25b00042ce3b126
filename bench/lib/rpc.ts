/**
 * Load generators run as child processes (forked with tsx) so they do not share an event
 * loop with the orchestrator or each other. The parent calls named methods; each call gets
 * exactly one reply carrying a result or an error message.
 */
import { type ChildProcess, fork } from 'node:child_process'
import path from 'node:path'
import { REPO_ROOT } from './processes'

interface Call {
  id: number
  method: string
  params: unknown
}

interface Reply {
  id: number
  result?: unknown
  error?: string
}

export class WorkerProcess {
  private nextId = 1
  private readonly pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void }
  >()
  private readonly child: ChildProcess
  readonly exited: Promise<number | null>
  private readonly stderr: string[] = []

  /** Forks `script` (relative to the repo root). */
  constructor(script: string) {
    this.child = fork(path.join(REPO_ROOT, script), [], {
      cwd: REPO_ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    })
    this.child.stderr?.setEncoding('utf8')
    this.child.stderr?.on('data', (chunk: string) => {
      if (this.stderr.length < 200) this.stderr.push(chunk)
    })
    this.child.on('message', (message: Reply) => {
      const call = this.pending.get(message.id)
      if (!call) return
      this.pending.delete(message.id)
      if (message.error !== undefined) call.reject(new Error(`${script}: ${message.error}`))
      else call.resolve(message.result)
    })
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code) => {
        for (const call of this.pending.values()) {
          call.reject(new Error(`${script} exited (${code}): ${this.stderr.join('').slice(-2000)}`))
        }
        this.pending.clear()
        resolve(code)
      })
    })
  }

  get pid(): number {
    return this.child.pid!
  }

  call<T>(method: string, params: unknown = {}): Promise<T> {
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
      this.child.send({ id, method, params } satisfies Call)
    })
  }

  /** Ends the worker (it has nothing to save) and waits for it. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL')
    await this.exited
  }
}

/** The worker side: answers calls with `methods[call.method](call.params)`. */
export function serveRpc(methods: Record<string, (params: never) => Promise<unknown>>): void {
  process.on('message', (call: Call) => {
    const method = methods[call.method]
    const reply = (body: Omit<Reply, 'id'>) => process.send?.({ id: call.id, ...body })
    if (!method) {
      reply({ error: `unknown method ${call.method}` })
      return
    }
    method(call.params as never).then(
      (result) => reply({ result }),
      (err: unknown) =>
        reply({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
    )
  })
  // The parent went away: nothing left to do.
  process.on('disconnect', () => process.exit(0))
}
