/**
 * How often each user may start a source import: a token bucket per user, checked before the
 * request body is read. Imports are the one request that hands a user's bytes to a parser, and
 * a refusal is answered in milliseconds, so without a rate one account could send a hundred
 * hostile uploads a second and every refusal would still cost the event loop its body
 * (issue 16: the .docx bomb sent again and again doubled other people's edit latency).
 */

/** Imports one user may start at once before the rate applies. */
export const IMPORT_BURST = 10

export class ImportRate {
  /** Tokens left and when they were counted, by user id; a full bucket is dropped. */
  private readonly buckets = new Map<string, { tokens: number; at: number }>()
  private readonly burst: number

  /** `perMinute` 0 switches the rate off. `now` is in milliseconds (monotonic). */
  constructor(
    readonly perMinute: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.burst = Math.min(IMPORT_BURST, Math.max(1, perMinute))
  }

  /** Takes an import for `userId`: 0 if it may start, else the seconds until one may. */
  take(userId: string): number {
    if (this.perMinute <= 0) return 0
    const now = this.now()
    const perMs = this.perMinute / 60_000
    const bucket = this.buckets.get(userId)
    const tokens = bucket
      ? Math.min(this.burst, bucket.tokens + (now - bucket.at) * perMs)
      : this.burst
    if (tokens < 1) {
      this.buckets.set(userId, { tokens, at: now })
      return Math.max(1, Math.ceil((1 - tokens) / perMs / 1000))
    }
    this.buckets.set(userId, { tokens: tokens - 1, at: now })
    if (this.buckets.size > 1000) this.dropFull(now, perMs)
    return 0
  }

  /** Forgets users whose bucket has refilled: the map holds only recent importers. */
  private dropFull(now: number, perMs: number): void {
    for (const [userId, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * perMs >= this.burst) this.buckets.delete(userId)
    }
  }
}
