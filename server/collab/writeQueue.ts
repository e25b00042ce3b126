/**
 * The ordered path from received updates to the store.
 *
 * Updates queue while an append is in flight and go to the store together in the next batch,
 * so a burst costs one transaction, not one per keystroke. A failed append keeps its batch at
 * the head of the queue and retries with capped exponential backoff: the data stays in
 * memory until the store takes it, and later updates wait behind it so order is kept.
 *
 * What waits is bounded: `admit` refuses a client's update once `maxPendingBytes` wait
 * (WriteBacklogFull; the room closes that client with a retryable code, and its provider
 * resends the edit on reconnect). Updates the room must store whatever the backlog (edits
 * Yjs derived from ones already applied, the server's own edits) use `push`.
 */
import { WriteBacklogFull } from './errors'

interface Pending {
  update: Uint8Array
  resolve: () => void
  reject: (err: Error) => void
}

const INITIAL_BACKOFF_MS = 50
const MAX_BACKOFF_MS = 5_000

export class WriteQueue {
  private queue: Pending[] = []
  private bytes = 0
  private running = false
  private stopped = false
  private idleWaiters: Array<() => void> = []
  private retryTimer: NodeJS.Timeout | null = null
  private wakeRetry: (() => void) | null = null

  constructor(
    private readonly append: (updates: Uint8Array[]) => Promise<void>,
    private readonly onError: (err: unknown, attempt: number) => void,
    private readonly maxPendingBytes = Number.POSITIVE_INFINITY,
  ) {}

  /** Updates queued or in flight. */
  get pending(): number {
    return this.queue.length
  }

  /** Bytes of the updates queued or in flight. */
  get pendingBytes(): number {
    return this.bytes
  }

  /**
   * Queues a client's update unless the backlog is full: throws WriteBacklogFull then, before
   * anything is queued. Resolves once the update is durably stored.
   */
  admit(update: Uint8Array): Promise<void> {
    if (this.bytes > 0 && this.bytes + update.byteLength > this.maxPendingBytes) {
      throw new WriteBacklogFull(
        `${this.bytes} bytes of edits are waiting to be stored; try again shortly`,
      )
    }
    return this.push(update)
  }

  /** Queues an update whatever the backlog; resolves once it is durably stored. */
  push(update: Uint8Array): Promise<void> {
    if (this.stopped) return Promise.reject(new Error('write queue stopped'))
    return new Promise((resolve, reject) => {
      this.queue.push({ update, resolve, reject })
      this.bytes += update.byteLength
      if (!this.running) void this.run()
    })
  }

  /** Resolves when the queue is empty. */
  drained(): Promise<void> {
    if (this.queue.length === 0 && !this.running) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  /** Rejects everything still queued; used when the room is destroyed. */
  stop(): void {
    this.stopped = true
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.wakeRetry?.()
    const left = this.queue
    this.queue = []
    this.bytes = 0
    for (const item of left) item.reject(new Error('write queue stopped'))
  }

  private async run(): Promise<void> {
    this.running = true
    let attempt = 0
    while (this.queue.length > 0 && !this.stopped) {
      const batch = this.queue.slice()
      try {
        await this.append(batch.map((item) => item.update))
      } catch (err) {
        attempt++
        this.onError(err, attempt)
        await this.backoff(attempt)
        continue
      }
      attempt = 0
      // Only the stored prefix leaves the queue; updates pushed during the append stay.
      this.queue.splice(0, batch.length)
      for (const item of batch) this.bytes -= item.update.byteLength
      for (const item of batch) item.resolve()
    }
    this.running = false
    const waiters = this.idleWaiters
    this.idleWaiters = []
    for (const wake of waiters) wake()
  }

  private backoff(attempt: number): Promise<void> {
    const delay = Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** (attempt - 1))
    return new Promise((resolve) => {
      this.wakeRetry = resolve
      this.retryTimer = setTimeout(resolve, delay)
    })
  }
}
