/**
 * One import thread: a worker running importWorkerEntry.mjs, parsing one job at a time under a
 * time limit. The thread starts on its first job and stays warm. A job past its time limit
 * gets its thread terminated (parsing is synchronous, so there is no gentler way to stop it);
 * a thread that dies (out of heap, a crash) fails only the job it was parsing. Either way the
 * next job starts a fresh thread. Like the typesetting thread (server/export/pdf/typstWorker.ts)
 * it is unref'd while idle, so a warm thread never keeps a finished process alive.
 */
import { Worker } from 'node:worker_threads'
import { SourceImportError } from '../errors'
import type { ImportResult, ParseJob } from '../parseSource'
import { UploadBodyError } from '../uploadBody'
import { ImportPoolError } from './errors'
import type { ParseReply, ParseRequest, ReadyMessage } from './messages'

/**
 * How long a fresh thread may take to load the importers (0.4–2 s here) before its job is
 * failed as if it had timed out: a thread that never says it is ready must not hold a job.
 */
const LOAD_ALLOWANCE_MS = 30_000

/** The thread's code. */
export const IMPORT_WORKER_ENTRY = new URL('./importWorkerEntry.mjs', import.meta.url)

export interface ImportThreadOptions {
  /** Longest one job may parse, from the moment the ready thread is handed it. */
  timeLimitMs: number
  /** The thread's V8 heap limit (old generation), in MiB. */
  memoryLimitMb: number
  /** The thread's code; tests swap in one that can hang or crash on demand. */
  entry?: URL
}

interface Running {
  id: number
  resolve: (result: ImportResult) => void
  reject: (error: Error) => void
  timer: NodeJS.Timeout | null
}

export class ImportThread {
  /** The live thread and its readiness; null before the first job and after it stopped. */
  private thread: { worker: Worker; ready: Promise<void> } | null = null
  /** The job being parsed; the thread is ref'd exactly while this is set. */
  private running: Running | null = null
  private nextId = 1

  constructor(private readonly options: ImportThreadOptions) {}

  /** Whether a job is being parsed (or waits for the thread to load). */
  get busy(): boolean {
    return this.running !== null
  }

  /** Parses `job`. Only one job at a time: the pool never calls this while `busy`. */
  run(job: ParseJob): Promise<ImportResult> {
    if (this.running) throw new Error('ImportThread.run called while a job is running')
    return new Promise<ImportResult>((resolve, reject) => {
      const running: Running = { id: this.nextId++, resolve, reject, timer: null }
      this.running = running
      const thread = this.thread ?? this.start()
      thread.worker.ref()
      const limit = this.options.timeLimitMs
      running.timer = setTimeout(() => this.timeOut(running, job), limit + LOAD_ALLOWANCE_MS)
      thread.ready.then(
        () => {
          if (this.running !== running || this.thread !== thread) return
          clearTimeout(running.timer ?? undefined)
          running.timer = setTimeout(() => this.timeOut(running, job), limit)
          thread.worker.postMessage(
            { id: running.id, job } satisfies ParseRequest,
            transferable(job),
          )
        },
        // The thread died while loading: its exit handler has already failed the job.
        () => {},
      )
    })
  }

  /** Stops the thread, failing the job it was parsing with `closed`. */
  async close(): Promise<void> {
    const thread = this.thread
    this.thread = null
    this.settle(new ImportPoolError('closed', 'the server is shutting down', 5))
    await thread?.worker.terminate()
  }

  private start(): { worker: Worker; ready: Promise<void> } {
    const worker = new Worker(this.options.entry ?? IMPORT_WORKER_ENTRY, {
      // The entry registers tsx itself; inheriting the parent's --import would load it twice.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryLimitMb },
    })
    let failure: Error | null = null
    let markReady: () => void = () => {}
    let markDead: (error: Error) => void = () => {}
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve
      markDead = reject
    })
    const thread = { worker, ready }
    // Every handler first checks the thread is still this one: after a timeout or close()
    // a newer thread may own the next job.
    worker.on('message', (message: ParseReply | ReadyMessage) => {
      if (this.thread !== thread) return
      if (message.type === 'ready') markReady()
      else if (message.id === this.running?.id) this.settle(resultOf(message))
    })
    worker.on('error', (error) => {
      failure = error
    })
    // A reply that cannot be deserialised would leave its job waiting forever.
    worker.on('messageerror', (error) => {
      failure = error
      void worker.terminate()
    })
    worker.on('exit', (code) => {
      markDead(failure ?? new Error(`exit ${code}`))
      if (this.thread !== thread) return
      this.thread = null
      this.settle(stoppedError(code, failure))
    })
    this.thread = thread
    return thread
  }

  private timeOut(running: Running, job: ParseJob): void {
    if (this.running !== running) return
    const thread = this.thread
    this.thread = null
    this.settle(
      new ImportPoolError(
        'timed-out',
        `${job.what} took longer than the ${this.options.timeLimitMs / 1000} s an import may take; it is too complex to import`,
      ),
    )
    void thread?.worker.terminate()
  }

  /** Ends the running job with a result or an error, and lets an idle thread be unref'd. */
  private settle(outcome: ImportResult | Error): void {
    const running = this.running
    if (!running) return
    this.running = null
    if (running.timer) clearTimeout(running.timer)
    this.thread?.worker.unref()
    if (outcome instanceof Error) running.reject(outcome)
    else running.resolve(outcome)
  }
}

function resultOf(reply: ParseReply): ImportResult | Error {
  switch (reply.type) {
    case 'parsed':
      return reply.result
    case 'refused':
      return new SourceImportError(reply.code, reply.message)
    case 'invalid-body':
      return new UploadBodyError(reply.status, reply.code, reply.message, reply.field)
    case 'failed': {
      const error = new Error(`parsing a source failed in its thread: ${reply.message}`)
      if (reply.stack) error.stack = reply.stack
      return error
    }
  }
}

function stoppedError(code: number, failure: Error | null): ImportPoolError {
  if ((failure as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new ImportPoolError(
      'out-of-memory',
      'the source needed more memory than an import may use; it is too large to import',
    )
  }
  const why = failure ? `: ${failure.message || failure.name}` : ` with exit code ${code}`
  return new ImportPoolError('crashed', `the import thread stopped${why}`)
}

/**
 * The job's bytes, moved to the thread rather than copied when they own their whole buffer
 * (a large request body does: Node allocates it alone). A copy of a 10 MiB upload cost the
 * event loop a few milliseconds per import; the main thread never reads the bytes again
 * once the job is sent. Bytes sharing a buffer (small, pooled) are copied as before.
 */
export function transferable(job: ParseJob): ArrayBuffer[] {
  const bytes = job.type === 'upload' ? job.body : job.type === 'file' ? job.bytes : null
  if (!bytes || !(bytes.buffer instanceof ArrayBuffer)) return []
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
  return whole ? [bytes.buffer] : []
}
