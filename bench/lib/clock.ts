/**
 * Time for measurements that cross process boundaries. `process.hrtime` reads the machine's
 * monotonic clock (CLOCK_MONOTONIC on Linux), which every process on the host shares, so a
 * time taken in one load generator can be subtracted from a time taken in another.
 */

/** Milliseconds on the host's monotonic clock, comparable across processes. */
export function monoMs(): number {
  return Number(process.hrtime.bigint()) / 1e6
}

/** Resolves after `ms`; for pacing a load, never for waiting on a condition. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))
}

/** Polls `condition` until it holds; fails with `what` after `timeoutMs`. */
export async function until(
  condition: () => boolean,
  what: string,
  timeoutMs = 60_000,
  intervalMs = 10,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await delay(intervalMs)
  }
}

/** Rejects with a message naming `what` if `promise` has not settled within `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}
