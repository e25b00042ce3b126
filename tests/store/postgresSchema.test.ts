/**
 * [PGS] The PostgreSQL schema mirrors the SQLite one column for column, so the shared SQL
 * stores read identical rows on both. Fails when a migration is added to one backend only.
 */
import fs from 'node:fs'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStores, type Stores } from '../../server/store'
import { openSqliteDatabase, type SqliteDatabase } from '../../server/store/sqlite/database'
import { createTestSchema, type TestSchema } from '../helpers/postgres'
import { tempDir } from '../helpers/server'

interface Column {
  table: string
  column: string
  type: 'text' | 'integer' | 'blob'
  notNull: boolean
}

/** SQLite declared types and PostgreSQL types, reduced to what a row reads back as. */
const PG_TYPES: Record<string, Column['type']> = {
  text: 'text',
  integer: 'integer',
  bigint: 'integer',
  bytea: 'blob',
}

/**
 * The FTS5 index (search_fts and the shadow tables it makes) is SQLite's counterpart of the
 * GIN index PostgreSQL keeps on search_documents: an index, not rows the stores read.
 */
function sqliteColumns(db: SqliteDatabase): Column[] {
  const tables = db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND name NOT LIKE 'search_fts%'`,
    )
    .all()
  return tables.flatMap(({ name }) =>
    db
      .prepare<[], { name: string; type: string; notnull: number; pk: number }>(
        `PRAGMA table_info(${name})`,
      )
      .all()
      .map((col) => ({
        table: name,
        column: col.name,
        type: col.type.toLowerCase() as Column['type'],
        // SQLite lets an INTEGER PRIMARY KEY be declared without NOT NULL; it still is.
        notNull: col.notnull === 1 || col.pk > 0,
      })),
  )
}

describe('PostgreSQL schema', () => {
  let schema: TestSchema
  let stores: Stores
  let pool: pg.Pool
  let sqlite: SqliteDatabase
  let dir: string

  beforeAll(async () => {
    schema = await createTestSchema()
    stores = await openStores({ dataDir: '', databaseUrl: schema.url })
    pool = new pg.Pool({ connectionString: schema.url })
    dir = tempDir()
    sqlite = openSqliteDatabase(dir)
  })
  afterAll(async () => {
    sqlite?.close()
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
    await pool?.end()
    await stores?.close()
    await schema?.drop()
  })

  async function pgColumns(): Promise<Array<Column & { collation: string | null }>> {
    const { rows } = await pool.query<{
      table_name: string
      column_name: string
      data_type: string
      is_nullable: string
      collation_name: string | null
    }>(
      `SELECT table_name, column_name, data_type, is_nullable, collation_name
       FROM information_schema.columns
       WHERE table_schema = $1 AND table_name <> 'schema_migrations'`,
      [schema.name],
    )
    return rows.map((row) => ({
      table: row.table_name,
      column: row.column_name,
      type: PG_TYPES[row.data_type] ?? (row.data_type as Column['type']),
      notNull: row.is_nullable === 'NO',
      collation: row.collation_name,
    }))
  }

  it('[PGS1] has the same tables and columns, types and nullability as SQLite', async () => {
    const key = (c: Column) => `${c.table}.${c.column}`
    const strip = ({ table, column, type, notNull }: Column) => ({ table, column, type, notNull })
    const sort = (cols: Column[]) => cols.map(strip).sort((x, y) => key(x).localeCompare(key(y)))
    expect(sort(await pgColumns())).toEqual(sort(sqliteColumns(sqlite)))
  })

  it('[PGS2] every text column sorts bytewise, as SQLite does', async () => {
    const notC = (await pgColumns()).filter((c) => c.type === 'text' && c.collation !== 'C')
    expect(notC.map((c) => `${c.table}.${c.column}`)).toEqual([])
  })
})
