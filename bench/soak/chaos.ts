/**
 * What goes wrong during a soak: clients drop their connection and come back, close for good
 * and are replaced, and servers (and, in cluster mode, Redis) are killed with SIGKILL and
 * restarted on the same port. Server kills are spread over the run, at least one per run.
 */
import { delay } from '../lib/clock'
import type { Prng } from '../lib/prng'
import type { Cluster } from './cluster'

export interface ChaosOptions {
  durationMs: number
  /** Mean seconds between server kills; 0 disables them. */
  killEverySec: number
}

export interface ChaosEvent {
  atSec: number
  target: string
  action: 'kill' | 'restart'
}

/** Runs the server kills until `durationMs`; resolves with everything back up. */
export async function killServers(
  cluster: Cluster,
  options: ChaosOptions,
  prng: Prng,
  startedAt: number,
  events: ChaosEvent[],
  stopped: () => boolean,
): Promise<void> {
  if (options.killEverySec <= 0) return
  const kills = Math.max(1, Math.round(options.durationMs / 1000 / options.killEverySec))
  const slot = options.durationMs / kills
  const note = (target: string, action: ChaosEvent['action']) =>
    events.push({ atSec: Math.round((Date.now() - startedAt) / 100) / 10, target, action })
  for (let i = 0; i < kills && !stopped(); i++) {
    const at = startedAt + i * slot + slot * (0.2 + 0.6 * prng.next())
    await delay(at - Date.now())
    if (stopped()) return
    const targets = [...cluster.instances.map((x) => x.name), ...(cluster.redis ? ['redis'] : [])]
    const target = prng.pick(targets)
    const downMs = 200 + prng.int(1300)
    if (target === 'redis') {
      await cluster.redis!.kill()
      note(target, 'kill')
      await delay(downMs)
      await cluster.redis!.restart()
    } else {
      const instance = cluster.instances.find((x) => x.name === target)!
      await cluster.kill(instance)
      note(target, 'kill')
      await delay(downMs)
      await cluster.start(instance)
    }
    note(target, 'restart')
  }
}

/** Exponentially distributed wait with the given mean, for Poisson-like events. */
export function exponential(prng: Prng, meanMs: number): number {
  return -Math.log(1 - prng.next()) * meanMs
}
