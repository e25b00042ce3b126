/**
 * Backoff on sign-in attempts (and other password checks). Each attempt is counted in one or
 * more buckets *before* the password is checked, in one transaction that also decides whether
 * it may go ahead, so attempts that race cannot all slip past the check: after a bucket's free
 * attempts, each further one must wait twice as long as the last.
 *
 * The buckets limit the lockout an outsider can cause:
 * - from a browser the account knows (a known-device cookie, server/auth/knownDevice.ts), only
 *   that device's own attempts count, and it never waits more than two minutes;
 * - from anywhere else, the e-mail *and address* pair is one bucket, so guesses from one
 *   address hold back that address only, and the e-mail alone is another with a larger
 *   allowance, which stops guesses spread over many addresses.
 * Per-IP request volume is capped separately by express-rate-limit. The counts live in the
 * database store, not in memory: every instance of a deployment shares them and a restart
 * keeps them.
 */
import type { LoginFailureStore, LoginFailures } from '../store/accountStore'

/** When attempts in one bucket start to wait, and the longest wait. */
export interface BackoffSchedule {
  /** Attempts that never wait. */
  free: number
  /** The wait after the first attempt past the free ones; each further one doubles it. */
  baseDelayMs: number
  maxDelayMs: number
}

/** One e-mail from one address, without a known-device cookie. */
export const PAIR_SCHEDULE: BackoffSchedule = {
  free: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
}
/**
 * One e-mail from any address without a known-device cookie: the backstop against guesses
 * spread over many addresses. Larger, because an outsider can fill it from many addresses
 * too, and then it holds back the owner's new browsers (never their known ones).
 */
export const ACCOUNT_SCHEDULE: BackoffSchedule = {
  free: 20,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
}
/** One known device of the account: only its own attempts count, and waits stay short. */
export const KNOWN_DEVICE_SCHEDULE: BackoffSchedule = {
  free: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 2 * 60_000,
}

/** Forget a bucket's streak after this long without an attempt. */
const FORGET_AFTER_MS = 60 * 60_000
/**
 * Expired streaks deleted along with each counted attempt. An attempt adds at most a few
 * rows, so this keeps the table near its live size without a timer to own and stop, and
 * bounds the work any one sign-in does.
 */
const PRUNE_BATCH = 100

/**
 * Milliseconds a bucket must still wait (0 = go ahead) after `count` attempts in a row, the
 * latest at `lastAtMs`. Pure, so the schedule is testable apart from any store.
 */
export function backoffMs(
  count: number,
  lastAtMs: number,
  nowMs: number,
  schedule: BackoffSchedule = PAIR_SCHEDULE,
): number {
  if (count < schedule.free) return 0
  const doublings = Math.min(count - schedule.free, 40)
  const delay = Math.min(schedule.maxDelayMs, schedule.baseDelayMs * 2 ** doublings)
  return Math.max(0, lastAtMs + delay - nowMs)
}

/** Who is trying which account, and from where. */
export interface SignInAttempt {
  /** Normalised (lower-cased), as users are stored, so every spelling shares the buckets. */
  email: string
  /** The client address (after the trusted proxies). */
  ip: string
  /** The id of a valid known-device cookie for this account, or null. */
  knownDevice: string | null
}

interface Bucket {
  key: string
  schedule: BackoffSchedule
}

/**
 * The buckets an attempt counts in. Keys are `email`, `email from ip` and `email device id`
 * (an e-mail holds no space, so they cannot collide); the bare e-mail is the bucket the
 * backoff used before it had the others, so streaks stored then keep their meaning.
 */
export function bucketsOf(attempt: SignInAttempt): Bucket[] {
  if (attempt.knownDevice) {
    return [
      { key: `${attempt.email} device ${attempt.knownDevice}`, schedule: KNOWN_DEVICE_SCHEDULE },
    ]
  }
  return [
    { key: attempt.email, schedule: ACCOUNT_SCHEDULE },
    { key: `${attempt.email} from ${attempt.ip}`, schedule: PAIR_SCHEDULE },
  ]
}

const iso = (ms: number) => new Date(ms).toISOString()

/** The backoff over a shared LoginFailureStore. */
export class LoginThrottle {
  constructor(
    private readonly store: LoginFailureStore,
    private readonly now: () => number,
  ) {}

  /**
   * Counts the attempt and returns 0 when it may go ahead (check the password), or returns
   * the milliseconds it must wait and counts nothing.
   */
  async admit(attempt: SignInAttempt): Promise<number> {
    const now = this.now()
    const forgetBefore = iso(now - FORGET_AFTER_MS)
    const buckets = bucketsOf(attempt)
    const wait = await this.store.attempt(
      buckets.map((bucket) => bucket.key),
      iso(now),
      forgetBefore,
      (streaks) => Math.max(0, ...streaks.map((streak, i) => waitOf(streak, buckets[i]!, now))),
    )
    if (wait === 0) await this.store.prune(forgetBefore, PRUNE_BATCH)
    return wait
  }

  /** The password was right: the attempt's buckets start again. */
  async succeeded(attempt: SignInAttempt): Promise<void> {
    for (const bucket of bucketsOf(attempt)) await this.store.clear(bucket.key)
  }
}

function waitOf(streak: LoginFailures | undefined, bucket: Bucket, nowMs: number): number {
  return streak ? backoffMs(streak.count, Date.parse(streak.lastAt), nowMs, bucket.schedule) : 0
}
