/** Builds a compacted snapshot from a run of stored updates. */
import * as Y from 'yjs'

/**
 * Applies the updates to a fresh Y.Doc and encodes its state. Unlike Y.mergeUpdates this
 * garbage-collects deleted content, so a long-lived, heavily edited briefing shrinks.
 */
export function snapshotFromUpdates(updates: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc()
  try {
    Y.transact(doc, () => {
      for (const update of updates) Y.applyUpdate(doc, update)
    })
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}
