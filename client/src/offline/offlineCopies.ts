/**
 * The browser side of offline copies (copyRegistry.ts has the rules): reading and writing the
 * record in localStorage, deleting copies from IndexedDB, and opening one for a session. The
 * y-indexeddb code is loaded only when a briefing opens (localCopy.ts), so the list page and
 * the editor's first load do not carry it.
 */
import type * as Y from 'yjs'
import {
  COPY_RECORD_KEY,
  type CopyRecord,
  copyDatabaseName,
  forgetCopy,
  parseCopyRecord,
  planForUser,
  planOpen,
  recordSynced,
} from './copyRegistry'

function readRecord(): CopyRecord | null {
  try {
    return parseCopyRecord(localStorage.getItem(COPY_RECORD_KEY))
  } catch {
    // Storage blocked (a privacy setting): no copies are kept or trusted.
    return null
  }
}

function writeRecord(record: CopyRecord | null): void {
  try {
    if (record) localStorage.setItem(COPY_RECORD_KEY, JSON.stringify(record))
    else localStorage.removeItem(COPY_RECORD_KEY)
  } catch {
    // As above: without storage, the next open simply finds no copy to trust.
  }
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name)
    // Blocked means another tab still has it open; it is deleted once that tab closes it.
    request.onsuccess = request.onerror = request.onblocked = () => resolve()
  })
}

async function deleteCopies(briefingIds: readonly string[]): Promise<void> {
  await Promise.all(briefingIds.map((id) => deleteDatabase(copyDatabaseName(id))))
}

/** Deletes every copy this browser keeps: the person signed out. */
export async function wipeOfflineCopies(): Promise<void> {
  const record = readRecord()
  writeRecord(null)
  await deleteCopies(record ? Object.keys(record.epochs) : [])
}

/** Deletes another person's copies when `userId` signs in on this browser. */
export async function claimOfflineCopies(userId: string): Promise<void> {
  const { drop, next } = planForUser(readRecord(), userId)
  writeRecord(next)
  await deleteCopies(drop)
}

/** Deletes the copy of a briefing the person may no longer open (deleted, or access removed). */
export async function dropOfflineCopy(briefingId: string): Promise<void> {
  const record = readRecord()
  if (record) writeRecord(forgetCopy(record, briefingId))
  await deleteCopies([briefingId])
}

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
  void deleteCopies(plan.drop)
    .then(() => import('./localCopy'))
    .then(({ persistDoc }) => {
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
