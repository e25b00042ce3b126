/**
 * Who has edited each briefing since its last version, and when a burst of editing has
 * settled. Each stored client edit is noted here (from the room hooks); once a briefing has
 * had no edit for `settleMs`, `onSettled` is called so an automatic version is made. Per
 * instance: on several instances each notes its own clients' edits, and versions of the same
 * state collapse into one (the store keys them by state hash).
 */
import { errorField, type Logger } from '../log/logger'

export class EditLedger {
  /** Briefing id → ids of the people who edited it since its last version. */
  private readonly authors = new Map<string, Set<string>>()
  private readonly timers = new Map<string, NodeJS.Timeout>()

  constructor(
    private readonly settleMs: number,
    private readonly onSettled: (briefingId: string) => Promise<void>,
    private readonly log: Logger,
  ) {}

  /** A stored edit by `userId` (null: the server's own, which names nobody). */
  edited(briefingId: string, userId: string | null): void {
    if (userId !== null) {
      const set = this.authors.get(briefingId) ?? new Set<string>()
      set.add(userId)
      this.authors.set(briefingId, set)
    }
    clearTimeout(this.timers.get(briefingId))
    const timer = setTimeout(() => {
      this.timers.delete(briefingId)
      this.onSettled(briefingId).catch((err) =>
        this.log.error('automatic version failed', {
          briefing: briefingId,
          error: errorField(err),
        }),
      )
    }, this.settleMs)
    // A pending version must not keep a stopping process alive; close() makes them now.
    timer.unref()
    this.timers.set(briefingId, timer)
  }

  /** The people who edited since the last version, forgotten as they are handed over. */
  take(briefingId: string): string[] {
    const ids = [...(this.authors.get(briefingId) ?? [])]
    this.authors.delete(briefingId)
    return ids
  }

  /** Briefings with a burst not yet settled. */
  get pending(): string[] {
    return [...this.timers.keys()]
  }

  /** Stops every timer; what was pending is returned so the caller can version it now. */
  close(): string[] {
    const pending = this.pending
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
    return pending
  }
}
