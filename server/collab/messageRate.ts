/**
 * A token bucket per connection: a client may send `perSecond` messages on average and
 * `burst` at once. Typing with carets is a few dozen messages a second; a flood far past
 * that is abuse and gets the connection closed (4429), not the room slowed down.
 */
export class MessageRate {
  private tokens: number
  private last: number

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = monotonicNow,
  ) {
    this.tokens = burst
    this.last = now()
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    const now = this.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond)
    this.last = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}

/** One function for every bucket: a default of `() => performance.now()` is a closure each. */
function monotonicNow(): number {
  return performance.now()
}

/** Default limits for a collaboration connection. */
export const MESSAGE_RATE = { perSecond: 200, burst: 1000 } as const
