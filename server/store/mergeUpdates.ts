/** Builds a compacted snapshot from a run of stored updates. */
import * as Y from 'yjs'

/**
 * Applies the updates to a fresh Y.Doc and encodes its state. Unlike Y.mergeUpdates this
 * garbage-collects deleted content, so a long-lived, heavily edited briefing shrinks.
 */
export function snapshotFromUpdates(
  updates: readonly Uint8Array[],
  onUnappliable: (index: number, err: unknown) => void = () => undefined,
): Uint8Array {
  const doc = new Y.Doc()
  try {
    Y.transact(doc, () => {
      updates.forEach((update, index) => {
        // A row Yjs cannot apply (written before the update checks existed) is skipped, as
        // Room.load skips it, so one bad row cannot stop a briefing from ever compacting.
        try {
          Y.applyUpdate(doc, update)
        } catch (err) {
          onUnappliable(index, err)
        }
      })
    })
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}
