/** DocumentStore on SQLite (better-sqlite3): the embedded default. */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type { CompactionResult, DocumentStats, DocumentStore } from '../documentStore'
import { snapshotFromUpdates } from '../mergeUpdates'
import type { SqliteClient } from '../sql/sqliteClient'

export class SqliteDocumentStore implements DocumentStore {
  private readonly statements
  /** Appends a batch atomically; built once, since append runs for every stored edit. */
  private readonly appendBatch: (name: string, updates: readonly Uint8Array[]) => void
  /** Appends several documents' batches in one transaction (group commit). */
  private readonly appendGroup: (
    group: readonly { name: string; updates: readonly Uint8Array[] }[],
  ) => void
  /** Swaps the rows up to `lastSeq` for the snapshot built from them, atomically. */
  private readonly replaceWithSnapshot: (
    name: string,
    lastSeq: number,
    snapshot: Uint8Array,
  ) => void

  /** Takes the shared client so appends never run inside an accounts transaction. */
  constructor(private readonly client: SqliteClient) {
    const db = client.db
    const statements = {
      load: db.prepare<[string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM document_updates WHERE doc = ? ORDER BY seq',
      ),
      // Plucked: a bare Buffer per row, no row object. Building the row objects was most of
      // the read of a 260,000-row log (0.64 s, against 0.28 s plucked), and a long uncompacted
      // log is exactly when load is slow.
      loadData: db
        .prepare<[string], Buffer>('SELECT data FROM document_updates WHERE doc = ? ORDER BY seq')
        .pluck(),
      append: db.prepare<[string, Uint8Array]>(
        'INSERT INTO document_updates (doc, data) VALUES (?, ?)',
      ),
      deleteUpTo: db.prepare<[string, number]>(
        'DELETE FROM document_updates WHERE doc = ? AND seq <= ?',
      ),
      insertAt: db.prepare<[number, string, Uint8Array]>(
        'INSERT INTO document_updates (seq, doc, data) VALUES (?, ?, ?)',
      ),
      stats: db.prepare<[string], { entries: number; bytes: number | null }>(
        'SELECT COUNT(*) AS entries, SUM(LENGTH(data)) AS bytes FROM document_updates WHERE doc = ?',
      ),
      deleteAll: db.prepare<[string]>('DELETE FROM document_updates WHERE doc = ?'),
      ping: db.prepare('SELECT 1'),
    }
    this.statements = statements
    this.appendBatch = db.transaction((name: string, updates: readonly Uint8Array[]) => {
      for (const update of updates) statements.append.run(name, update)
    })
    this.appendGroup = db.transaction(
      (group: readonly { name: string; updates: readonly Uint8Array[] }[]) => {
        for (const { name, updates } of group) {
          for (const update of updates) statements.append.run(name, update)
        }
      },
    )
    this.replaceWithSnapshot = db.transaction(
      (name: string, lastSeq: number, snapshot: Uint8Array) => {
        statements.deleteUpTo.run(name, lastSeq)
        statements.insertAt.run(lastSeq, name, snapshot)
      },
    )
  }

  /**
   * Returns better-sqlite3's Buffers as they are: a Buffer is a Uint8Array, each row's has
   * its own memory, and no caller writes to a loaded update, so copying them bought nothing.
   */
  async load(name: string): Promise<Uint8Array[]> {
    return this.client.exclusive(() => this.statements.loadData.all(name))
  }

  async append(name: string, updates: readonly Uint8Array[]): Promise<void> {
    await this.client.exclusive(() => this.appendBatch(name, updates))
  }

  async appendMany(
    group: readonly { name: string; updates: readonly Uint8Array[] }[],
  ): Promise<void> {
    await this.client.exclusive(() => this.appendGroup(group))
  }

  async compact(name: string): Promise<CompactionResult> {
    const rows = await this.client.exclusive(() => this.statements.load.all(name))
    if (rows.length <= 1) return { merged: 0, snapshotBytes: rows[0]?.data.byteLength ?? 0 }
    const lastSeq = rows[rows.length - 1]!.seq
    const snapshot = snapshotFromUpdates(rows.map((row) => row.data))
    // Merging can take a while on a big log; appends that land meanwhile get higher seqs and
    // survive the delete below, which only touches the rows that went into the snapshot.
    await yieldToEventLoop()
    await this.client.exclusive(() => this.replaceWithSnapshot(name, lastSeq, snapshot))
    return { merged: rows.length, snapshotBytes: snapshot.byteLength }
  }

  async stats(name: string): Promise<DocumentStats> {
    const row = await this.client.exclusive(() => this.statements.stats.get(name))
    return { entries: row?.entries ?? 0, bytes: row?.bytes ?? 0 }
  }

  async delete(name: string): Promise<void> {
    await this.client.exclusive(() => this.statements.deleteAll.run(name))
  }

  async ping(): Promise<void> {
    await this.client.exclusive(() => this.statements.ping.get())
  }

  async close(): Promise<void> {
    // The database handle is shared with the other SQLite stores; openStores closes it.
  }
}
