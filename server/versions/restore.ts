/**
 * A restore, applied through the live room: the forward edit (./restoreEdit.ts) is computed
 * on a copy of the room's document and enters the room's write path like any server edit
 * (stored, then applied and broadcast). The state just before and just after are captured in
 * the same synchronous turn as the edit is computed, so the "before" version holds exactly
 * what the restore replaced, whatever arrives while the edit is being stored. `keepBefore`
 * stores that version before the edit is applied: a restore whose undo could not be kept
 * does not happen. Edits arriving meanwhile are concurrent with the restore and merge with it.
 */
import type { Schema } from '@tiptap/pm/model'
import * as Y from 'yjs'
import type { RoomRegistry } from '../collab/roomRegistry'
import { restoreInto } from './restoreEdit'
import { type Snapshot, snapshotOf, withVersionDoc } from './snapshot'

export interface RestoreOutcome {
  before: Snapshot
  after: Snapshot
}

export function restoreVersion(
  registry: RoomRegistry,
  briefingId: string,
  versionState: Uint8Array,
  schema: Schema,
  keepBefore: (before: Snapshot) => Promise<void>,
): Promise<RestoreOutcome> {
  return registry.withRoom(briefingId, async (room) => {
    const scratch = new Y.Doc()
    try {
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(room.doc))
      const before = snapshotOf(scratch, schema)
      const updates: Uint8Array[] = []
      scratch.on('update', (update: Uint8Array) => updates.push(update))
      withVersionDoc(versionState, (version) =>
        Y.transact(scratch, () => restoreInto(scratch, version, schema)),
      )
      const after = snapshotOf(scratch, schema)
      await keepBefore(before)
      if (updates.length > 0) {
        await room.persistAndApply(Y.mergeUpdates(updates), {
          source: 'server',
          reason: 'restore version',
        })
      }
      return { before, after }
    } finally {
      scratch.destroy()
    }
  })
}
