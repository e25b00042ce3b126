/**
 * Transaction origins on a room's Y.Doc. Typed, so persistence and broadcast know where an
 * edit came from: a client's edit goes to every other client; a peer instance's edit is
 * already stored; a load from the store goes nowhere.
 */
export type UpdateOrigin =
  | { source: 'client'; connectionId: string }
  | { source: 'peer' }
  | { source: 'server'; reason: string }
  | { source: 'load' }

export function isUpdateOrigin(value: unknown): value is UpdateOrigin {
  return typeof value === 'object' && value !== null && 'source' in value
}

/**
 * Origins of awareness changes: a connection's own message (or its leaving), or another
 * instance's (the fan-out). Anything else, such as y-protocols' 'timeout', is neither:
 * every instance applies that on its own.
 */
export type AwarenessOrigin = { source: 'client'; connectionId: string } | { source: 'peer' }

export function isAwarenessOrigin(value: unknown): value is AwarenessOrigin {
  return isUpdateOrigin(value) && (value.source === 'client' || value.source === 'peer')
}
