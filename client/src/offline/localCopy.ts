/**
 * Keeps a Y.Doc in IndexedDB with y-indexeddb: what is stored is applied to the doc when it
 * opens, and every change is stored as it happens.
 */
import { IndexeddbPersistence } from 'y-indexeddb'
import type * as Y from 'yjs'

/** Persists `doc` under `name`; `onLoaded` once the stored state is in the doc. Returns the stop. */
export function persistDoc(name: string, doc: Y.Doc, onLoaded: () => void): () => void {
  const persistence = new IndexeddbPersistence(name, doc)
  void persistence.whenSynced.then(onLoaded)
  return () => {
    void persistence.destroy()
  }
}
