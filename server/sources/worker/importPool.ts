/**
 * The threads source imports are parsed in. Parsing is synchronous CPU work (an HTML parse
 * and Readability, mammoth, pdf.js, quote extraction) that took seconds to minutes on hostile
 * files; on the main thread that froze every editing session of the instance. Here a few
 * threads (ImportThread) parse, each under a time limit, and imports wait for a free one in a
 * bounded queue: past it, an import is refused at once with `busy` rather than waiting
 * behind work that may take minutes. The server closes the pool on shutdown.
 */
import os from 'node:os'
import type { ImportResult, ParseJob, SourceParser } from '../parseSource'
import { ImportPoolError } from './errors'
import { ImportThread, type ImportThreadOptions } from './importThread'

export interface ImportPoolOptions extends ImportThreadOptions {
  /** Threads parsing at once. */
  size: number
  /** Imports that may wait for a thread; the next one is refused with `busy`. */
  queueLimit: number
}

/**
 * One thread per core the main thread does not need, at most two: on a 2-core machine one
 * thread, so a hostile import can never take the event loop's core.
 */
export function defaultImportThreads(cores = os.availableParallelism()): number {
  return Math.max(1, Math.min(2, cores - 1))
}

/** Defaults of the pool; the server reads overrides from IMPORT_* (server/config.ts). */
export const DEFAULT_IMPORT_POOL: Readonly<Omit<ImportPoolOptions, 'entry'>> = Object.freeze({
  size: defaultImportThreads(),
  queueLimit: 8,
  timeLimitMs: 20_000,
  memoryLimitMb: 512,
})

interface Waiting {
  job: ParseJob
  resolve: (result: ImportResult) => void
  reject: (error: Error) => void
}

export class ImportPool {
  private readonly threads: ImportThread[]
  /** Imports waiting for a thread, oldest first; never longer than `queueLimit`. */
  private readonly queue: Waiting[] = []
  private closed = false

  constructor(private readonly options: ImportPoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) {
      throw new RangeError(`an import pool needs at least one thread, got ${options.size}`)
    }
    this.threads = Array.from({ length: options.size }, () => new ImportThread(options))
  }

  /** Parses `job` in a thread; a SourceParser for importSource. */
  readonly parse: SourceParser = (job, signal) => {
    if (this.closed) return Promise.reject(closedError())
    if (signal?.aborted) return Promise.reject(abortedError())
    const idle = this.queue.length === 0 ? this.threads.find((t) => !t.busy) : undefined
    if (idle) return this.runOn(idle, job)
    if (this.queue.length >= this.options.queueLimit) {
      return Promise.reject(
        new ImportPoolError(
          'busy',
          `the server is importing ${this.threads.length + this.queue.length} other sources; try again shortly`,
          // A thread is certain to be free again within one time limit.
          Math.ceil(this.options.timeLimitMs / 1000),
        ),
      )
    }
    return new Promise<ImportResult>((resolve, reject) => {
      const waiting: Waiting = { job, resolve, reject }
      this.queue.push(waiting)
      signal?.addEventListener(
        'abort',
        () => {
          const at = this.queue.indexOf(waiting)
          if (at < 0) return
          this.queue.splice(at, 1)
          reject(abortedError())
        },
        { once: true },
      )
    })
  }

  /** Imports parsing and waiting, for tests and metrics. */
  get load(): { parsing: number; waiting: number } {
    return { parsing: this.threads.filter((t) => t.busy).length, waiting: this.queue.length }
  }

  /** Stops every thread; imports parsing or waiting fail with `closed`. Safe to call twice. */
  async close(): Promise<void> {
    this.closed = true
    for (const waiting of this.queue.splice(0)) waiting.reject(closedError())
    await Promise.all(this.threads.map((thread) => thread.close()))
  }

  private runOn(thread: ImportThread, job: ParseJob): Promise<ImportResult> {
    const result = thread.run(job)
    // Whatever the outcome, the thread (or its replacement) takes the next waiting import.
    const next = () => {
      const waiting = this.closed ? undefined : this.queue.shift()
      if (waiting) this.runOn(thread, waiting.job).then(waiting.resolve, waiting.reject)
    }
    result.then(next, next)
    return result
  }
}

function closedError(): ImportPoolError {
  return new ImportPoolError('closed', 'the server is shutting down; try again shortly', 5)
}

function abortedError(): ImportPoolError {
  return new ImportPoolError('aborted', 'the import was cancelled before it started')
}
