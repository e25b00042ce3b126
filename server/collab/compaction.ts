/**
 * When a room merges its stored log into one snapshot: after `afterEntries` appends (a long
 * log makes every load slower), and whenever asked (unload, shutdown). One at a time; a
 * failed compaction leaves the log intact and the next one tries again.
 */
import { errorField, type Logger } from '../log/logger'
import type { DocumentStore } from '../store/documentStore'

export class Compaction {
  /** Rows appended since the last compaction started (or the log's length at load). */
  private appendsSince = 0
  private running: Promise<void> | null = null

  constructor(
    private readonly name: string,
    private readonly store: DocumentStore,
    private readonly log: Logger,
    private readonly afterEntries: number,
  ) {}

  /**
   * The room loaded a log of `rows` rows: a log left long (an instance died before
   * compacting) is merged after the next append.
   */
  loaded(rows: number): void {
    this.appendsSince = rows
  }

  /** One more row was appended; compacts in the background once there are enough. */
  appended(): void {
    this.appendsSince++
    if (this.appendsSince < this.afterEntries) return
    this.run().catch((err) =>
      this.log.warn('compaction failed', { room: this.name, error: errorField(err) }),
    )
  }

  /** Merges the stored log into one snapshot, or joins the compaction already running. */
  run(): Promise<void> {
    if (this.running) return this.running
    this.appendsSince = 0
    this.running = this.store
      .compact(this.name)
      .then((result) => this.log.debug('compacted', { room: this.name, ...result }))
      .finally(() => {
        this.running = null
      })
    return this.running
  }
}
