/** Read access to a briefing's document for the REST API and export, loaded or not. */
import * as Y from 'yjs'
import type { DocumentStore } from '../store/documentStore'
import type { RoomRegistry } from './roomRegistry'

/**
 * Runs `read` on the briefing's current document: the live room's doc when it is in memory
 * (so unsaved-to-snapshot edits are included), otherwise a throwaway doc loaded from the
 * store, which avoids creating a room nobody is connected to.
 */
export async function readDocument<T>(
  registry: RoomRegistry,
  store: DocumentStore,
  name: string,
  read: (doc: Y.Doc) => T,
): Promise<T> {
  const room = registry.get(name)
  if (room) return read(room.doc)
  const doc = new Y.Doc()
  try {
    const updates = await store.load(name)
    Y.transact(doc, () => {
      for (const update of updates) Y.applyUpdate(doc, update)
    })
    return read(doc)
  } finally {
    doc.destroy()
  }
}
