/**
 * Edits the server itself makes to a briefing (adding an imported source, say). They take
 * the same path as a client's edit: the change is computed on a scratch copy, stored, then
 * applied to the live room and broadcast, so append-before-broadcast holds for them too.
 */
import * as Y from 'yjs'
import type { Room } from './room'
import type { RoomRegistry } from './roomRegistry'

/**
 * Runs `mutate` on a copy of the briefing's document and commits the resulting update.
 * Returns what `mutate` returned. Nothing is stored when `mutate` throws or changes nothing.
 */
export function editDocument<T>(
  registry: RoomRegistry,
  name: string,
  reason: string,
  mutate: (doc: Y.Doc) => T,
): Promise<T> {
  return registry.withRoom(name, (room) =>
    commit(room, reason, mutate, Y.encodeStateAsUpdate(room.doc)),
  )
}

/**
 * editDocument for an edit that reads nothing of the document: one that only sets a new key
 * of a root-level map (an imported source, under a fresh UUID). It is computed on an empty
 * scratch document, which gives the same update as a copy would, at a cost that does not grow
 * with the briefing: copying a briefing that holds a few large sources held the event loop
 * for hundreds of milliseconds per import.
 */
export function addToDocument<T>(
  registry: RoomRegistry,
  name: string,
  reason: string,
  mutate: (doc: Y.Doc) => T,
): Promise<T> {
  return registry.withRoom(name, (room) => commit(room, reason, mutate, null))
}

async function commit<T>(
  room: Room,
  reason: string,
  mutate: (doc: Y.Doc) => T,
  state: Uint8Array | null,
): Promise<T> {
  const scratch = new Y.Doc()
  const updates: Uint8Array[] = []
  try {
    if (state) Y.applyUpdate(scratch, state)
    scratch.on('update', (update: Uint8Array) => updates.push(update))
    const result = Y.transact(scratch, () => mutate(scratch))
    if (updates.length > 0) {
      await room.persistAndApply(Y.mergeUpdates(updates), { source: 'server', reason })
    }
    return result
  } finally {
    scratch.destroy()
  }
}
