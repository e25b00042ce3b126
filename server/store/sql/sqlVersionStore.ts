/** VersionStore on any SqlClient backend (table document_versions). */
import type { VersionAuthor, VersionKind } from '../../../shared/api/versions'
import type { NewVersion, StoredVersion, VersionRecord, VersionStore } from '../versionStore'
import type { SqlClient } from './sqlClient'

interface VersionRow {
  id: string
  createdAt: string
  kind: VersionKind
  name: string | null
  authors: string
  restoredFrom: string | null
  bytes: number | string
}

const COLUMNS = `id, created_at AS "createdAt", kind, name, authors,
  restored_from AS "restoredFrom", bytes`

export class SqlVersionStore implements VersionStore {
  constructor(private readonly sql: SqlClient) {}

  async add(briefingId: string, version: NewVersion): Promise<VersionRecord | undefined> {
    const content = JSON.stringify(version.content)
    const bytes = version.state.byteLength + Buffer.byteLength(content)
    const { changes } = await this.sql.run(
      `INSERT INTO document_versions
         (doc, id, created_at, kind, name, authors, restored_from, state, content, bytes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (doc, id) DO NOTHING`,
      [
        briefingId,
        version.id,
        version.createdAt,
        version.kind,
        version.name,
        JSON.stringify(version.authors),
        version.restoredFrom,
        Buffer.from(version.state.buffer, version.state.byteOffset, version.state.byteLength),
        content,
        bytes,
      ],
    )
    if (changes === 0) return undefined
    const { state: _state, content: _content, ...record } = version
    return { ...record, bytes }
  }

  async list(briefingId: string): Promise<VersionRecord[]> {
    const rows = await this.sql.all<VersionRow>(
      `SELECT ${COLUMNS} FROM document_versions WHERE doc = ? ORDER BY seq DESC`,
      [briefingId],
    )
    return rows.map(recordOf)
  }

  async get(briefingId: string, id: string): Promise<StoredVersion | undefined> {
    const row = await this.sql.get<VersionRow & { state: Uint8Array; content: string }>(
      `SELECT ${COLUMNS}, state, content FROM document_versions WHERE doc = ? AND id = ?`,
      [briefingId, id],
    )
    if (!row) return undefined
    return {
      ...recordOf(row),
      state: new Uint8Array(row.state),
      content: JSON.parse(row.content),
    }
  }

  async latest(briefingId: string): Promise<VersionRecord | undefined> {
    const row = await this.sql.get<VersionRow>(
      `SELECT ${COLUMNS} FROM document_versions WHERE doc = ? ORDER BY seq DESC LIMIT 1`,
      [briefingId],
    )
    return row && recordOf(row)
  }

  async rename(
    briefingId: string,
    id: string,
    name: string | null,
  ): Promise<VersionRecord | undefined> {
    await this.sql.run('UPDATE document_versions SET name = ? WHERE doc = ? AND id = ?', [
      name,
      briefingId,
      id,
    ])
    const row = await this.sql.get<VersionRow>(
      `SELECT ${COLUMNS} FROM document_versions WHERE doc = ? AND id = ?`,
      [briefingId, id],
    )
    return row && recordOf(row)
  }

  async delete(briefingId: string, ids: readonly string[]): Promise<number> {
    let deleted = 0
    // In slices: SQLite allows at most 32,766 parameters per statement.
    for (let at = 0; at < ids.length; at += 500) {
      const slice = ids.slice(at, at + 500)
      const { changes } = await this.sql.run(
        `DELETE FROM document_versions WHERE doc = ? AND id IN (${slice.map(() => '?').join(', ')})`,
        [briefingId, ...slice],
      )
      deleted += changes
    }
    return deleted
  }

  async deleteAll(briefingId: string): Promise<void> {
    await this.sql.run('DELETE FROM document_versions WHERE doc = ?', [briefingId])
  }

  async totals(): Promise<{ count: number; bytes: number }> {
    const row = await this.sql.get<{ count: number | string; bytes: number | string | null }>(
      'SELECT COUNT(*) AS count, SUM(bytes) AS bytes FROM document_versions',
    )
    return { count: Number(row?.count ?? 0), bytes: Number(row?.bytes ?? 0) }
  }
}

function recordOf(row: VersionRow): VersionRecord {
  return {
    id: row.id,
    createdAt: row.createdAt,
    kind: row.kind,
    name: row.name,
    authors: JSON.parse(row.authors) as VersionAuthor[],
    restoredFrom: row.restoredFrom,
    bytes: Number(row.bytes),
  }
}
