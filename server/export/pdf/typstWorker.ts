/**
 * The thread PDF typesetting runs in. Typst compiles and writes PDF synchronously (about
 * 250 ms warm and 1 s cold for 100 pages); on the main thread that stalls every editing
 * session of the instance for as long. Here one worker thread does it instead, owning one
 * warm compiler (typstWorkerEntry.mjs) and compiling one briefing at a time.
 *
 * The thread starts on the first compile. Jobs wait here, not in the thread's port, and
 * are sent one at a time, so when the thread dies only the job it was compiling fails: that
 * job is rejected with TypstWorkerError and the next one starts a fresh thread. The thread
 * is unref'd while idle, so a warm compiler never keeps a finished process alive, and ref'd
 * while it works, so a CLI awaiting its export does not exit half-way.
 */
import { Worker } from 'node:worker_threads'

/** The thread's code. */
export const TYPST_WORKER_ENTRY = new URL('./typstWorkerEntry.mjs', import.meta.url)

export interface TypstWorkerOptions {
  /** The compiler's project root: nothing outside it can be read by a template. */
  workspace: string
  /** Font files the thread reads and hands to the compiler. */
  fontFiles: string[]
  /** Compiles an unused memoised result survives in Typst's cache. */
  cacheMaxAge: number
  /** The thread's code; tests swap in a wrapper that can crash on demand. */
  entry?: URL
}

/** One compile: the template's text and its `sys.inputs`. */
export interface CompileJob {
  mainFileContent: string
  inputs: Record<string, string>
  /** PDF creation date, in seconds since the epoch. */
  creationTimestamp: number
}

/** What the main thread posts to the thread. */
export interface CompileRequest extends CompileJob {
  id: number
}

/** A diagnostic as the binding reports it (severity 1 is an error, 2 a warning). */
export interface RawDiagnostic {
  message: unknown
  severity: unknown
  path: unknown
  range: unknown
}

/** What the thread posts back for each request. */
export type CompileReply =
  | { id: number; outcome: 'pdf'; pdf: ArrayBuffer; pages: number; warnings: RawDiagnostic[] }
  | { id: number; outcome: 'diagnostics'; diagnostics: RawDiagnostic[] }
  | { id: number; outcome: 'failed'; stage: 'compile' | 'pdf'; message: string }

/** The thread stopped, or was closed, before answering a job. */
export class TypstWorkerError extends Error {
  override name = 'TypstWorkerError'
}

interface Pending {
  request: CompileRequest
  resolve: (reply: CompileReply) => void
  reject: (error: Error) => void
}

export class TypstWorker {
  /** The live thread; null before the first job and after it stopped or was closed. */
  private thread: Worker | null = null
  /** The job the thread is compiling; the thread is ref'd exactly while this is set. */
  private current: Pending | null = null
  /** Jobs waiting for the thread, oldest first. */
  private readonly queue: Pending[] = []
  private nextId = 1

  constructor(private readonly options: TypstWorkerOptions) {}

  /** Compiles `job` in the thread once the jobs before it are done. */
  compile(job: CompileJob): Promise<CompileReply> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, ...job }, resolve, reject })
      this.sendNext()
    })
  }

  /**
   * Stops the thread, failing the job it was compiling and those waiting. Safe to call at
   * any time; a later compile starts a new thread.
   */
  async close(): Promise<void> {
    const thread = this.thread
    this.thread = null
    const failed = this.current ? [this.current, ...this.queue] : [...this.queue]
    this.current = null
    this.queue.length = 0
    for (const job of failed) job.reject(new TypstWorkerError('the PDF exporter was closed'))
    await thread?.terminate()
  }

  private sendNext(): void {
    if (this.current) return
    const next = this.queue.shift()
    if (!next) return
    this.current = next
    const thread = this.thread ?? this.start()
    thread.ref()
    thread.postMessage(next.request)
  }

  private start(): Worker {
    const { entry = TYPST_WORKER_ENTRY, workspace, fontFiles, cacheMaxAge } = this.options
    const thread = new Worker(entry, {
      workerData: { workspace, fontFiles, cacheMaxAge },
      // The entry is plain JavaScript; the parent's loader flags (tsx's --import) would
      // only slow the thread's start.
      execArgv: [],
    })
    // Every handler first checks the thread is still this one: after a crash or close() a
    // newer thread may own the jobs.
    let failure: Error | null = null
    thread.on('message', (reply: CompileReply) => {
      if (this.thread !== thread || reply.id !== this.current?.request.id) return
      this.current.resolve(reply)
      this.current = null
      if (this.queue.length === 0) thread.unref()
      this.sendNext()
    })
    thread.on('error', (err) => {
      failure = err
    })
    // A reply that cannot be deserialised would leave its job waiting forever.
    thread.on('messageerror', (err) => {
      failure = err
      void thread.terminate()
    })
    thread.on('exit', (code) => {
      if (this.thread !== thread) return
      this.thread = null
      const job = this.current
      this.current = null
      job?.reject(new TypstWorkerError(stoppedMessage(code, failure)))
      this.sendNext()
    })
    this.thread = thread
    return thread
  }
}

function stoppedMessage(code: number, failure: Error | null): string {
  const why = failure ? `: ${failure.message || failure.name}` : ` with exit code ${code}`
  return `the typesetting thread stopped${why}`
}
