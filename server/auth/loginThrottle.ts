/**
 * Backoff on failed sign-ins per account: after a few failures each further attempt on that
 * e-mail must wait twice as long as the last, whatever IP it comes from. Per-IP volume is
 * capped separately by express-rate-limit. The failures live in the database store, not in
 * memory: behind a load balancer every instance would otherwise grant its own free attempts
 * and its own backoff, and a restart would forget them all.
 */
import type { LoginFailureStore } from '../store/accountStore'

const FREE_ATTEMPTS = 3
const BASE_DELAY_MS = 1_000
const MAX_DELAY_MS = 15 * 60_000
/** Forget an account's failures after this long without one. */
const FORGET_AFTER_MS = 60 * 60_000
/**
 * Expired streaks deleted along with each recorded failure. A failure adds at most one row,
 * so this keeps the table near its live size without a timer to own and stop, and bounds
 * the work any one sign-in does.
 */
const PRUNE_BATCH = 100

/**
 * Milliseconds an account must still wait (0 = go ahead) after `count` failures in a row, the
 * latest at `lastAtMs`. Pure, so the schedule is testable apart from any store.
 */
export function backoffMs(count: number, lastAtMs: number, nowMs: number): number {
  if (count < FREE_ATTEMPTS) return 0
  const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (count - FREE_ATTEMPTS))
  return Math.max(0, lastAtMs + delay - nowMs)
}

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * The backoff over a shared LoginFailureStore. E-mails are the normalised (lower-cased)
 * form users are stored under, so every spelling of an address shares one streak.
 */
export class LoginThrottle {
  constructor(
    private readonly store: LoginFailureStore,
    private readonly now: () => number,
  ) {}

  /** Milliseconds the caller must wait before trying this e-mail again (0 = go ahead). */
  async retryAfterMs(email: string): Promise<number> {
    const failures = await this.store.get(email)
    return failures ? backoffMs(failures.count, Date.parse(failures.lastAt), this.now()) : 0
  }

  async recordFailure(email: string): Promise<void> {
    const now = this.now()
    const forgetBefore = iso(now - FORGET_AFTER_MS)
    await this.store.record(email, iso(now), forgetBefore)
    await this.store.prune(forgetBefore, PRUNE_BATCH)
  }

  async recordSuccess(email: string): Promise<void> {
    await this.store.clear(email)
  }
}
