/** Read access to a briefing's document for the REST API and export, loaded or not. */
import * as Y from 'yjs'
import type { DocumentStore } from '../store/documentStore'
import type { RoomRegistry } from './roomRegistry'

/**
 * Runs `read` on a copy of the briefing's current document: the live room's state when it is
 * in memory (so the newest edits are included), otherwise what the store holds. Always a
 * copy: converting a Y.Doc to ProseMirror can rewrite content the schema rejects, and such a
 * rewrite must never reach the live room, where it would be neither stored nor broadcast.
 */
export async function readDocument<T>(
  registry: RoomRegistry,
  store: DocumentStore,
  name: string,
  read: (doc: Y.Doc) => T | Promise<T>,
): Promise<T> {
  const room = registry.get(name)
  const updates = room ? [Y.encodeStateAsUpdate(room.doc)] : await store.load(name)
  const doc = new Y.Doc()
  try {
    Y.transact(doc, () => {
      for (const update of updates) Y.applyUpdate(doc, update)
    })
    return await read(doc)
  } finally {
    doc.destroy()
  }
}
