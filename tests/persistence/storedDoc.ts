/** Reading what a data directory holds, with the server stopped: the ground truth of a crash. */
import * as Y from 'yjs'
import { openStores } from '../../server/store'

/**
 * Opens the stores in `dataDir` (as a restarted server would), loads the briefing's stored
 * updates into a fresh Y.Doc and closes the stores again. Only while no server runs on it.
 */
export async function loadStoredDoc(dataDir: string, briefingId: string): Promise<Y.Doc> {
  const stores = await openStores({ dataDir })
  try {
    const updates = await stores.documents.load(briefingId)
    const doc = new Y.Doc()
    Y.transact(doc, () => {
      for (const update of updates) Y.applyUpdate(doc, update)
    })
    return doc
  } finally {
    await stores.close()
  }
}

/** A doc's state vector as a plain map, for comparing what two replicas hold. */
export function stateVector(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc))
}
