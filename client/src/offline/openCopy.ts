/**
 * Opening a session's copy of its briefing (copyRegistry.ts has the rules). Only the editor
 * imports this, so y-indexeddb travels in the editor's chunk, which already holds Yjs: a chunk
 * of its own would split Yjs out and cost the editor page more than it saves.
 */
import type * as Y from 'yjs'
import { copyDatabaseName, planOpen, recordSynced } from './copyRegistry'
import { persistDoc } from './localCopy'
import { deleteCopies, readRecord, writeRecord } from './offlineCopies'

/** A session's copy of its briefing, open in IndexedDB. */
export interface OpenCopy {
  /** Call once the provider has synced: the copy now holds a server state of this epoch. */
  synced(): void
  close(): void
}

/**
 * Opens `briefingId`'s copy into `doc` (see planOpen for which copies are dropped first).
 * `onLoaded` is called once a copy that may be shown before the server answers is in `doc`.
 */
export function openOfflineCopy(
  briefingId: string,
  epoch: string,
  userId: string,
  doc: Y.Doc,
  onLoaded: () => void,
): OpenCopy {
  const plan = planOpen(readRecord(), userId, briefingId, epoch)
  writeRecord(plan.next)
  let closed = false
  let release: (() => void) | null = null
  void deleteCopies(plan.drop).then(() => {
    if (closed) return
    release = persistDoc(copyDatabaseName(briefingId), doc, () => {
      if (plan.reuse && !closed) onLoaded()
    })
  })
  return {
    synced() {
      const record = readRecord()
      // Signed out (or another person signed in) meanwhile: that record is not ours to extend.
      if (record?.userId === userId) writeRecord(recordSynced(record, briefingId, epoch))
    },
    close() {
      closed = true
      release?.()
    },
  }
}
