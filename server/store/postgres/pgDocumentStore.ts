/**
 * DocumentStore on PostgreSQL, shared by every instance of a scaled-out deployment. Unlike
 * SQLite, several processes append to and compact the same document at once, so compaction
 * deletes exactly the rows it merged and nothing else (see `compact`).
 */
import type pg from 'pg'
import type { CompactionResult, DocumentStats, DocumentStore } from '../documentStore'
import { snapshotFromUpdates } from '../mergeUpdates'
import { inTransaction } from './database'

/** Rows per INSERT: keeps a statement well under PostgreSQL's 65535 parameters. */
const MAX_ROWS_PER_INSERT = 1_000

/**
 * First key of the two-int4 advisory lock taken while compacting a document (the second is
 * the hash of its name), so compactions of one document on different instances take turns.
 */
export const COMPACTION_LOCK_SPACE = 0x42524643

/** Another instance compacted some of the same rows first; this compaction backs off. */
class CompactionRaced extends Error {}

export class PgDocumentStore implements DocumentStore {
  constructor(private readonly pool: pg.Pool) {}

  async load(name: string): Promise<Uint8Array[]> {
    const { rows } = await this.pool.query<{ data: Buffer }>(
      'SELECT data FROM document_updates WHERE doc = $1 ORDER BY seq',
      [name],
    )
    return rows.map((row) => new Uint8Array(row.data))
  }

  async append(name: string, updates: readonly Uint8Array[]): Promise<void> {
    if (updates.length === 0) return
    // A single statement is atomic on its own; a longer batch needs a transaction.
    if (updates.length <= MAX_ROWS_PER_INSERT) {
      await insertRows(this.pool, name, updates)
      return
    }
    await inTransaction(this.pool, async (client) => {
      for (let start = 0; start < updates.length; start += MAX_ROWS_PER_INSERT) {
        await insertRows(client, name, updates.slice(start, start + MAX_ROWS_PER_INSERT))
      }
    })
  }

  async appendMany(
    group: readonly { name: string; updates: readonly Uint8Array[] }[],
  ): Promise<void> {
    const rows = group.flatMap(({ name, updates }) => updates.map((update) => ({ name, update })))
    if (rows.length === 0) return
    // One statement is atomic and keeps each document's rows in order (seq follows VALUES).
    if (rows.length <= MAX_ROWS_PER_INSERT) {
      await insertMixedRows(this.pool, rows)
      return
    }
    await inTransaction(this.pool, async (client) => {
      for (let start = 0; start < rows.length; start += MAX_ROWS_PER_INSERT) {
        await insertMixedRows(client, rows.slice(start, start + MAX_ROWS_PER_INSERT))
      }
    })
  }

  /**
   * Merges the rows it reads into one snapshot stored at the last merged seq, then deletes
   * exactly those rows (by seq, not by range). A row this read did not see survives, whatever
   * its seq: an append from another instance whose seq was allocated before ours but which
   * committed after the read lands before the snapshot in seq order, which Yjs does not mind
   * (updates commute; missing dependencies wait in the pending queue until the snapshot).
   * If any merged row is already gone, another instance compacted concurrently: this one
   * rolls back and reports nothing merged, so no row is ever deleted without being merged.
   */
  async compact(name: string): Promise<CompactionResult> {
    const { rows } = await this.pool.query<{ seq: string; data: Buffer }>(
      'SELECT seq, data FROM document_updates WHERE doc = $1 ORDER BY seq',
      [name],
    )
    if (rows.length <= 1) return { merged: 0, snapshotBytes: rows[0]?.data.byteLength ?? 0 }
    const seqs = rows.map((row) => row.seq)
    const lastSeq = seqs[seqs.length - 1]!
    const snapshot = snapshotFromUpdates(rows.map((row) => new Uint8Array(row.data)))
    try {
      await inTransaction(this.pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
          COMPACTION_LOCK_SPACE,
          name,
        ])
        const deleted = await client.query(
          'DELETE FROM document_updates WHERE doc = $1 AND seq = ANY($2::bigint[])',
          [name, seqs],
        )
        if (deleted.rowCount !== seqs.length) throw new CompactionRaced()
        await client.query('INSERT INTO document_updates (seq, doc, data) VALUES ($1, $2, $3)', [
          lastSeq,
          name,
          toBuffer(snapshot),
        ])
      })
    } catch (err) {
      if (err instanceof CompactionRaced) return { merged: 0, snapshotBytes: 0 }
      throw err
    }
    return { merged: rows.length, snapshotBytes: snapshot.byteLength }
  }

  async stats(name: string): Promise<DocumentStats> {
    const { rows } = await this.pool.query<{ entries: number; bytes: string }>(
      `SELECT COUNT(*)::int AS entries, COALESCE(SUM(octet_length(data)), 0)::bigint AS bytes
       FROM document_updates WHERE doc = $1`,
      [name],
    )
    return { entries: rows[0]?.entries ?? 0, bytes: Number(rows[0]?.bytes ?? 0) }
  }

  async delete(name: string): Promise<void> {
    await this.pool.query('DELETE FROM document_updates WHERE doc = $1', [name])
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1')
  }

  async close(): Promise<void> {
    // The pool is shared with the other PostgreSQL stores; openStores ends it.
  }
}

/** One multi-row INSERT; PostgreSQL assigns seqs in VALUES order, so the log keeps order. */
async function insertRows(
  db: pg.Pool | pg.PoolClient,
  name: string,
  updates: readonly Uint8Array[],
): Promise<void> {
  const values = updates.map((_, i) => `($1, $${i + 2})`).join(', ')
  await db.query(`INSERT INTO document_updates (doc, data) VALUES ${values}`, [
    name,
    ...updates.map(toBuffer),
  ])
}

async function insertMixedRows(
  db: pg.Pool | pg.PoolClient,
  rows: readonly { name: string; update: Uint8Array }[],
): Promise<void> {
  const values = rows.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(', ')
  await db.query(
    `INSERT INTO document_updates (doc, data) VALUES ${values}`,
    rows.flatMap((row) => [row.name, toBuffer(row.update)]),
  )
}

/** A Buffer view (no copy): node-postgres sends Buffers as binary bytea parameters. */
function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
