/**
 * Which offline copies of briefings this browser keeps, and the rules for dropping them, as
 * pure functions over a small record kept in localStorage (offlineCopies.ts does the I/O).
 *
 * A copy is the briefing's Y.Doc in IndexedDB (y-indexeddb), so a reload offline opens it.
 * Merging a copy into the server's document is only safe when both descend from one history:
 * a document the server recreated or put back from a backup carries a new epoch (the API's
 * `epoch`), and a copy made under another epoch is dropped unmerged, or it would bring back
 * what the server no longer has, and duplicate what both hold. A copy belongs to the person
 * whose session made it: another person signing in on this browser finds none of them.
 */

/** What localStorage keeps: whose copies they are, and each copy's epoch. */
export interface CopyRecord {
  userId: string
  /** Briefing id → the epoch its copy was made under; only copies that reached a server sync. */
  epochs: Record<string, string>
}

/** The localStorage key of the record. */
export const COPY_RECORD_KEY = 'briefing:offline-copies'

/** The IndexedDB database holding one briefing's copy. */
export function copyDatabaseName(briefingId: string): string {
  return `briefing-copy:${briefingId}`
}

/** The stored record, or null when there is none or it is unreadable (then nothing is trusted). */
export function parseCopyRecord(text: string | null): CopyRecord | null {
  if (!text) return null
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null) return null
    const { userId, epochs } = value as Record<string, unknown>
    if (typeof userId !== 'string' || typeof epochs !== 'object' || epochs === null) return null
    const clean: Record<string, string> = {}
    for (const [id, epoch] of Object.entries(epochs))
      if (typeof epoch === 'string') clean[id] = epoch
    return { userId, epochs: clean }
  } catch {
    return null
  }
}

/** What to do when `userId` is signed in: the copies to delete and the record to keep. */
export function planForUser(
  record: CopyRecord | null,
  userId: string,
): { drop: string[]; next: CopyRecord } {
  if (record?.userId === userId) return { drop: [], next: record }
  return { drop: record ? Object.keys(record.epochs) : [], next: { userId, epochs: {} } }
}

/**
 * What to do before opening `briefingId`, whose server epoch is `epoch`, for `userId`:
 * `reuse` says the stored copy may be shown before the server answers; `drop` lists the
 * copies to delete first (another person's, or this briefing's from another epoch, or one
 * never synced that nothing vouches for).
 */
export function planOpen(
  record: CopyRecord | null,
  userId: string,
  briefingId: string,
  epoch: string,
): { reuse: boolean; drop: string[]; next: CopyRecord } {
  const owned = planForUser(record, userId)
  if (owned.next.epochs[briefingId] === epoch) return { reuse: true, ...owned }
  const { [briefingId]: _stale, ...others } = owned.next.epochs
  return {
    reuse: false,
    drop: [...owned.drop.filter((id) => id !== briefingId), briefingId],
    next: { userId, epochs: others },
  }
}

/** The record once `briefingId`'s copy has been synced with the server under `epoch`. */
export function recordSynced(record: CopyRecord, briefingId: string, epoch: string): CopyRecord {
  return { ...record, epochs: { ...record.epochs, [briefingId]: epoch } }
}

/** The record without `briefingId`'s copy. */
export function forgetCopy(record: CopyRecord, briefingId: string): CopyRecord {
  const { [briefingId]: _gone, ...epochs } = record.epochs
  return { ...record, epochs }
}
