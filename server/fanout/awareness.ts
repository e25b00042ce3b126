/**
 * Awareness across instances. Each instance is the authority on the clients connected to
 * it, those its connections speak for (`Connection.awarenessClients`): it publishes their
 * awareness and answers for them, and ignores what peers say about them (a client that moved
 * here must not be removed by its old instance's late goodbye).
 */
import {
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import { decodeAwarenessUpdate, encodeAwarenessEntries } from '../../shared/protocol/messages'
import type { AwarenessOrigin } from '../collab/origin'
import type { Room } from '../collab/room'

/**
 * Origin of awareness changes the fan-out applies, so the room's awareness hook can tell
 * them from its own clients' changes and never publishes them back.
 */
const FANOUT_ORIGIN: AwarenessOrigin = { source: 'peer' }

/** Awareness client ids this instance's connections to the room speak for. */
export function localClients(room: Room): Set<number> {
  const clients = new Set<number>()
  for (const connection of room.connections.values()) {
    for (const client of connection.awarenessClients) clients.add(client)
  }
  return clients
}

/** The current awareness of this instance's clients in the room; null when there is none. */
export function encodeLocalAwareness(room: Room): Uint8Array | null {
  const present = Array.from(localClients(room)).filter((id) => room.awareness.states.has(id))
  return present.length > 0 ? encodeAwarenessUpdate(room.awareness, present) : null
}

/** Applies awareness a peer instance sent about its own clients, except about `local` ones. */
export function applyPeerAwareness(
  room: Room,
  update: Uint8Array,
  local: ReadonlySet<number>,
): void {
  const entries = decodeAwarenessUpdate(update).filter((entry) => !local.has(entry.clientId))
  if (entries.length === 0) return
  applyAwarenessUpdate(room.awareness, encodeAwarenessEntries(entries), FANOUT_ORIGIN)
}

/**
 * Removes the clients of a peer that is shutting down. Those that reconnect here are
 * re-admitted by the room even though they announce a clock it has seen (see room.ts).
 */
export function removePeerClients(
  room: Room,
  clients: readonly number[],
  local: ReadonlySet<number>,
): void {
  const present = clients.filter((id) => !local.has(id) && room.awareness.states.has(id))
  if (present.length > 0) removeAwarenessStates(room.awareness, present, FANOUT_ORIGIN)
}
