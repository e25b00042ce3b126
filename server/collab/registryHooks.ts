/** Several parties follow the rooms (fan-out, metrics, timestamps); each brings its hooks. */
import type { RegistryHooks } from './roomRegistry'

/** One set of hooks calling each given set's, in the order given. */
export function combineHooks(...sets: RegistryHooks[]): RegistryHooks {
  const each = <K extends keyof RegistryHooks>(key: K) => {
    const hooks = sets.map((set) => set[key]).filter((hook) => hook !== undefined)
    if (hooks.length === 0) return undefined
    return ((...args: unknown[]) => {
      for (const hook of hooks) (hook as (...a: unknown[]) => void)(...args)
    }) as NonNullable<RegistryHooks[K]>
  }
  return {
    onPersisted: each('onPersisted'),
    onAwareness: each('onAwareness'),
    onRoomLoaded: each('onRoomLoaded'),
    onRoomUnloaded: each('onRoomUnloaded'),
  }
}
