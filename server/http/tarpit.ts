/**
 * Slow refusals for callers over a rate limit. A refusal answered at once invites the next
 * request at once: a client that sends again as soon as it is answered turned the import rate's
 * 429 into 700 requests a second, each costing the event loop its routing, session lookup and
 * the body it had to discard, and other people's edits waited twice as long (issue 16,
 * BENCHMARKS.md "Hostile imports"). Held for a second, with the request's body left unread
 * (TCP pushes back on the sender), such a client costs next to nothing. A caller holding many
 * refusals at once is answered at once and its connection closed, so holding costs no more
 * than a few timers.
 */
import type { Response } from 'express'

/** How long a refusal is held, and how many one key may have held at once. */
export const TARPIT_MS = 1_000
export const MAX_HELD_PER_KEY = 4

/** The timer a hold uses (tests pass one they fire themselves). */
export interface HoldTimer {
  start(run: () => void, ms: number): () => void
}

const realTimer: HoldTimer = {
  start(run, ms) {
    const timer = setTimeout(run, ms)
    return () => clearTimeout(timer)
  },
}

export class Tarpit {
  private readonly held = new Map<string, number>()

  constructor(
    private readonly holdMs = TARPIT_MS,
    private readonly maxHeld = MAX_HELD_PER_KEY,
    private readonly timer: HoldTimer = realTimer,
  ) {}

  /**
   * Answers `res` with `answer` after the hold, or at once past the cap. Either way the
   * connection closes after the answer: its body was never read, and draining it to keep the
   * connection alive would cost what the refusal saves (a 7 MiB upload, again and again).
   */
  refuse(key: string, res: Response, answer: () => void): void {
    res.set('Connection', 'close')
    const count = this.held.get(key) ?? 0
    if (count >= this.maxHeld || this.holdMs <= 0) {
      answer()
      return
    }
    this.held.set(key, count + 1)
    const release = () => {
      cancel()
      res.off('close', release)
      const left = (this.held.get(key) ?? 1) - 1
      if (left <= 0) this.held.delete(key)
      else this.held.set(key, left)
    }
    const cancel = this.timer.start(() => {
      release()
      if (!res.headersSent && !res.destroyed) answer()
    }, this.holdMs)
    // A caller that gives up frees its place at once.
    res.on('close', release)
  }
}
