/**
 * The browser side of offline copies (copyRegistry.ts has the rules): reading and writing the
 * record in localStorage, and deleting copies from IndexedDB. Every page needs these (signing
 * out wipes); opening a copy (openCopy.ts, with y-indexeddb) is only the editor's.
 */
import {
  COPY_RECORD_KEY,
  type CopyRecord,
  copyDatabaseName,
  forgetCopy,
  parseCopyRecord,
  planForUser,
} from './copyRegistry'

/** The stored record; null when there is none or storage is blocked. */
export function readRecord(): CopyRecord | null {
  try {
    return parseCopyRecord(localStorage.getItem(COPY_RECORD_KEY))
  } catch {
    // Storage blocked (a privacy setting): no copies are kept or trusted.
    return null
  }
}

/** Stores `record`, or removes the record when null. */
export function writeRecord(record: CopyRecord | null): void {
  try {
    if (record) localStorage.setItem(COPY_RECORD_KEY, JSON.stringify(record))
    else localStorage.removeItem(COPY_RECORD_KEY)
  } catch {
    // As above: without storage, the next open simply finds no copy to trust.
  }
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    // No IndexedDB (some private windows, or no DOM at all) means no copy was ever kept; a
    // browser may also refuse it with a SecurityError. Either way there is nothing to delete,
    // and a sign-out or a closed socket must not end in an unhandled rejection.
    if (typeof indexedDB === 'undefined') return resolve()
    try {
      const request = indexedDB.deleteDatabase(name)
      // Blocked means another tab still has it open; it is deleted once that tab closes it.
      request.onsuccess = request.onerror = request.onblocked = () => resolve()
    } catch {
      resolve()
    }
  })
}

/** Deletes the copies of these briefings. */
export async function deleteCopies(briefingIds: readonly string[]): Promise<void> {
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
