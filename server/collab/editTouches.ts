/**
 * Keeps a briefing's `updatedAt` current while it is edited, without a store write per
 * keystroke: a briefing is touched at most once per interval. It remembers only briefings
 * touched within the last interval (an older entry decides nothing: the next edit touches
 * anyway), so what it holds is bounded by the briefings edited in one interval, not by every
 * briefing ever edited since the process started.
 */
import { errorField, type Logger } from '../log/logger'

export class EditTouches {
  /** Briefing id -> when it was last touched (ms), oldest first (see edited). */
  private readonly touched = new Map<string, number>()

  constructor(
    private readonly intervalMs: number,
    private readonly touch: (briefingId: string, at: string) => Promise<void>,
    private readonly log: Logger,
  ) {}

  /** Briefings remembered; for tests. */
  get size(): number {
    return this.touched.size
  }

  /** A briefing was edited at `at` (ms): touches it unless it was touched within the interval. */
  edited(briefingId: string, at: number): void {
    this.prune(at)
    const last = this.touched.get(briefingId)
    if (last !== undefined && at - last < this.intervalMs) return
    // Deleted first so the map stays in touch order, which is what lets prune stop early.
    this.touched.delete(briefingId)
    this.touched.set(briefingId, at)
    this.touch(briefingId, new Date(at).toISOString()).catch((err) => {
      this.log.warn('could not update briefing timestamp', {
        room: briefingId,
        error: errorField(err),
      })
    })
  }

  /** Forgets briefings touched an interval or more before `at`, oldest first. */
  private prune(at: number): void {
    for (const [briefingId, last] of this.touched) {
      if (at - last < this.intervalMs) return
      this.touched.delete(briefingId)
    }
  }
}
