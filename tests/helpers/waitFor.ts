/** Waiting on conditions, never on fixed times. */

/**
 * Polls `condition` on each turn of the event loop (and at most every `intervalMs`) until it
 * returns a truthy value, then returns that value. Fails with `message` after `timeoutMs`.
 */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  message: string,
  { timeoutMs = 20_000, intervalMs = 5 } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  for (;;) {
    try {
      const value = await condition()
      if (value) return value as NonNullable<T>
    } catch (err) {
      lastError = err
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for: ${message}${lastError ? ` (last error: ${String(lastError)})` : ''}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

/** Resolves on the next `event` from an emitter-like object. */
export function once<T = unknown>(
  target: { once(event: string, listener: (value: T) => void): unknown },
  event: string,
): Promise<T> {
  return new Promise((resolve) => target.once(event, resolve))
}
