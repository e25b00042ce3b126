/**
 * Presence across reconnects. A client that reconnects re-announces the awareness clock it
 * had, and y-protocols, here and in every other client, ignores a clock it has already seen:
 * the client would look absent until its next renewal, up to 15 s (yjs/y-websocket#122).
 */
import type { Awareness } from 'y-protocols/awareness'
import type { AwarenessEntry } from '../../shared/protocol/messages'

/**
 * A state for a client that has none here is re-admitted one clock later than the last one
 * seen; every client takes that as news, and the reconnected client adopts the clock when
 * its own state comes back to it. Only for a connection's hello (its first awareness
 * message, sent before it has heard anything). Returns `entries` itself when nothing changed.
 */
export function readmitReconnected(
  awareness: Awareness,
  entries: AwarenessEntry[],
): AwarenessEntry[] {
  let readmitted = false
  const adjusted = entries.map((entry) => {
    const seen = awareness.meta.get(entry.clientId)?.clock
    if (
      entry.stateJson === 'null' ||
      seen === undefined ||
      entry.clock > seen ||
      awareness.states.has(entry.clientId)
    ) {
      return entry
    }
    readmitted = true
    return { ...entry, clock: seen + 1 }
  })
  return readmitted ? adjusted : entries
}
