/**
 * Backoff on failed sign-ins per account: after a few failures each further attempt on that
 * e-mail must wait twice as long as the last, whatever IP it comes from. Per-IP volume is
 * capped separately by express-rate-limit. Kept per instance, in memory, which is enough to
 * make guessing slow; a shared store would make it exact across instances.
 */
const FREE_ATTEMPTS = 3
const BASE_DELAY_MS = 1_000
const MAX_DELAY_MS = 15 * 60_000
/** Forget an account's failures after this long without one. */
const FORGET_AFTER_MS = 60 * 60_000
const MAX_TRACKED = 10_000

interface Failures {
  count: number
  lastAt: number
}

export class LoginThrottle {
  private readonly failures = new Map<string, Failures>()

  constructor(private readonly now: () => number) {}

  /** Milliseconds the caller must wait before trying this e-mail again (0 = go ahead). */
  retryAfterMs(email: string): number {
    const entry = this.failures.get(email)
    if (!entry || entry.count < FREE_ATTEMPTS) return 0
    const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (entry.count - FREE_ATTEMPTS))
    return Math.max(0, entry.lastAt + delay - this.now())
  }

  recordFailure(email: string): void {
    const now = this.now()
    const entry = this.failures.get(email)
    const fresh = !entry || now - entry.lastAt > FORGET_AFTER_MS
    this.failures.set(email, { count: fresh ? 1 : entry.count + 1, lastAt: now })
    if (this.failures.size > MAX_TRACKED) this.prune(now)
  }

  recordSuccess(email: string): void {
    this.failures.delete(email)
  }

  private prune(now: number): void {
    for (const [email, entry] of this.failures) {
      if (now - entry.lastAt > FORGET_AFTER_MS) this.failures.delete(email)
    }
  }
}
