/**
 * Edits the server itself makes to a briefing (adding an imported source, say). They take
 * the same path as a client's edit: the change is computed on a scratch copy, stored, then
 * applied to the live room and broadcast, so append-before-broadcast holds for them too.
 */
import * as Y from 'yjs'
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
  return registry.withRoom(name, async (room) => {
    const scratch = new Y.Doc()
    const updates: Uint8Array[] = []
    try {
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(room.doc))
      scratch.on('update', (update: Uint8Array) => updates.push(update))
      const result = Y.transact(scratch, () => mutate(scratch))
      if (updates.length > 0) {
        await room.persistAndApply(Y.mergeUpdates(updates), { source: 'server', reason })
      }
      return result
    } finally {
      scratch.destroy()
    }
  })
}
