/**
 * Where Yjs documents live between server runs.
 *
 * A document is an append-only log of Yjs updates plus, after compaction, one snapshot that
 * replaces the prefix of the log it was built from. Appends are durable when the promise
 * resolves: the room appends every update before it applies or broadcasts it, so anything a
 * collaborator has seen is on disk. Every backend passes tests/store/documentStoreContract.ts.
 */

/** Size of a document's stored log, used to decide when to compact. */
export interface DocumentStats {
  /** Rows in the log (a compacted snapshot counts as one). */
  entries: number
  /** Total stored bytes of those rows. */
  bytes: number
}

/** Outcome of one compaction. */
export interface CompactionResult {
  /** Rows merged into the snapshot (0 when there was nothing to merge). */
  merged: number
  /** Size of the snapshot written. */
  snapshotBytes: number
}

export interface DocumentStore {
  /** The document's snapshot and log in append order; empty for a document never written. */
  load(name: string): Promise<Uint8Array[]>
  /** Appends updates in order, atomically: all are stored or none is. */
  append(name: string, updates: readonly Uint8Array[]): Promise<void>
  /**
   * Appends to several documents in one transaction, each in order: all are stored or none is.
   * What group commit (groupCommit.ts) uses; a store without it gets its appends one by one.
   */
  appendMany?(group: readonly { name: string; updates: readonly Uint8Array[] }[]): Promise<void>
  /**
   * Merges the rows present when it starts into one snapshot. Rows appended while it runs are
   * kept after the snapshot, so a racing append is never lost.
   */
  compact(name: string): Promise<CompactionResult>
  stats(name: string): Promise<DocumentStats>
  /** Removes every stored row of the document. */
  delete(name: string): Promise<void>
  /** Whether the backend answers; used by /healthz. */
  ping(): Promise<void>
  close(): Promise<void>
}

/** A store operation failed; the caller keeps its data in memory and retries. */
export class StoreError extends Error {
  override name = 'StoreError'
}
