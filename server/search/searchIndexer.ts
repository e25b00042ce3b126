/**
 * Keeps the search index current with the edits the server stores. A stored edit marks its
 * briefing changed; the briefing is re-read and re-indexed once edits pause for `delayMs`,
 * and at least every `maxWaitMs` while they go on, so typing costs one index write per pause
 * rather than one per keystroke. One briefing is indexed at a time per briefing: an edit
 * arriving during a write schedules another after it. The index is derived data (rebuilt by
 * `briefing reindex`), so a failed write is logged and retried at the next edit, never thrown.
 */
import type * as Y from 'yjs'
import { errorField, type Logger } from '../log/logger'
import type { BriefingText } from '../store/search/searchIndex'

export interface SearchIndexerOptions {
  delayMs: number
  maxWaitMs: number
}

export const DEFAULT_SEARCH_INDEXER: SearchIndexerOptions = { delayMs: 2_000, maxWaitMs: 10_000 }

/** What the indexer needs: a copy of the briefing's document, and the index's write. */
export interface SearchIndexerDeps {
  /** Runs `read` on the briefing's current document (live room or store). */
  read<T>(briefingId: string, read: (doc: Y.Doc) => T): Promise<T>
  text(doc: Y.Doc): BriefingText
  write(briefingId: string, text: BriefingText): Promise<void>
}

interface Pending {
  timer: NodeJS.Timeout
  /** When the first edit not yet indexed arrived (ms). */
  since: number
}

export class SearchIndexer {
  private readonly pending = new Map<string, Pending>()
  /** Briefings being written now; a change meanwhile is scheduled after the write. */
  private readonly running = new Map<string, Promise<void>>()
  private closed = false

  constructor(
    private readonly deps: SearchIndexerDeps,
    private readonly log: Logger,
    private readonly options: SearchIndexerOptions = DEFAULT_SEARCH_INDEXER,
    private readonly now: () => number = Date.now,
  ) {}

  /** The briefing's document changed (an edit was stored). */
  changed(briefingId: string): void {
    if (this.closed) return
    const at = this.now()
    const pending = this.pending.get(briefingId)
    if (pending) clearTimeout(pending.timer)
    const since = pending?.since ?? at
    const wait = Math.max(0, Math.min(this.options.delayMs, since + this.options.maxWaitMs - at))
    const timer = setTimeout(() => this.flush(briefingId), wait)
    timer.unref()
    this.pending.set(briefingId, { timer, since })
  }

  /** Indexes the briefing now if a change is waiting; resolves once it is written. */
  async flush(briefingId: string): Promise<void> {
    const pending = this.pending.get(briefingId)
    if (!pending) return this.running.get(briefingId)
    clearTimeout(pending.timer)
    this.pending.delete(briefingId)
    // One write per briefing at a time, in order: a later read must not be overtaken.
    const previous = this.running.get(briefingId) ?? Promise.resolve()
    const run = previous.then(() => this.index(briefingId))
    this.running.set(briefingId, run)
    try {
      await run
    } finally {
      if (this.running.get(briefingId) === run) this.running.delete(briefingId)
    }
  }

  /**
   * Indexes `briefingIds` one after another (briefings the index lacks, at start), so a
   * server upgraded to one with search finds what was written before, without a burst of
   * reads. Stops when the indexer closes; what is left is indexed at the next start.
   */
  async backfill(briefingIds: readonly string[]): Promise<void> {
    for (const id of briefingIds) {
      if (this.closed) return
      const run = (this.running.get(id) ?? Promise.resolve()).then(() => this.index(id))
      this.running.set(id, run)
      await run
      if (this.running.get(id) === run) this.running.delete(id)
    }
  }

  /** Writes every waiting change and stops taking new ones (server shutdown). */
  async close(): Promise<void> {
    this.closed = true
    await Promise.all([...this.pending.keys()].map((id) => this.flush(id)))
    await Promise.all([...this.running.values()])
  }

  private async index(briefingId: string): Promise<void> {
    try {
      const text = await this.deps.read(briefingId, (doc) => this.deps.text(doc))
      await this.deps.write(briefingId, text)
    } catch (err) {
      this.log.warn('could not update the search index', {
        room: briefingId,
        error: errorField(err),
      })
    }
  }
}
