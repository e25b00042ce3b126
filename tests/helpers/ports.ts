/** Restarting a server on the port it just had, as a real restart does. */
import { waitFor } from './waitFor'

/**
 * Runs `start` until the port it binds is free again: the kernel releases a just-closed
 * listening socket a moment later. Waits on that condition (a successful bind), not on a
 * fixed time; any failure other than "address in use" ends the wait at once.
 */
export async function startWhenPortFree<T>(
  port: number,
  start: () => Promise<T>,
  isAddressInUse: (err: unknown) => boolean,
): Promise<T> {
  const outcome = await waitFor(
    async () => {
      try {
        return { started: await start() }
      } catch (error) {
        return isAddressInUse(error) ? null : { error }
      }
    },
    `port ${port} to be free for the restart`,
    { timeoutMs: 15_000, intervalMs: 25 },
  )
  if ('error' in outcome) throw outcome.error
  return outcome.started
}
