/** The stored versions of briefings: Yjs state and ProseMirror JSON, with what the list shows. */
import type { Version, VersionAuthor, VersionKind } from '../../shared/api/versions'

export type VersionRecord = Version

/** A version with what it holds. */
export interface StoredVersion extends VersionRecord {
  /** The whole Y.Doc (`Y.encodeStateAsUpdate`): exports and restores use it. */
  state: Uint8Array
  /** The body as ProseMirror JSON: the history panel and compare read it without a Y.Doc. */
  content: unknown
}

export interface NewVersion {
  id: string
  createdAt: string
  kind: VersionKind
  name: string | null
  authors: VersionAuthor[]
  restoredFrom: string | null
  state: Uint8Array
  content: unknown
}

export interface VersionStore {
  /**
   * Stores a version; returns it, or undefined when the briefing already has a version with
   * that id (the same document state), which is left as it was.
   */
  add(briefingId: string, version: NewVersion): Promise<VersionRecord | undefined>
  /** Every version of the briefing, newest first, without state or content. */
  list(briefingId: string): Promise<VersionRecord[]>
  get(briefingId: string, id: string): Promise<StoredVersion | undefined>
  /** The newest version, without state or content. */
  latest(briefingId: string): Promise<VersionRecord | undefined>
  rename(briefingId: string, id: string, name: string | null): Promise<VersionRecord | undefined>
  delete(briefingId: string, ids: readonly string[]): Promise<number>
  deleteAll(briefingId: string): Promise<void>
  /** Versions and their bytes across every briefing (for /metrics). */
  totals(): Promise<{ count: number; bytes: number }>
}
