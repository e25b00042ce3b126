/**
 * [IM] The migration that gives invites a public id gives one to every invite that already
 * exists, distinct and non-empty, on SQLite and on PostgreSQL, and keeps the rows intact.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../server/store/postgres/database'
import { PG_MIGRATIONS } from '../../server/store/postgres/migrations'
import { openSqliteDatabase } from '../../server/store/sqlite/database'
import { SQLITE_MIGRATIONS } from '../../server/store/sqlite/migrations'
import { createTestSchema } from '../helpers/postgres'
import { tempDir } from '../helpers/server'

const SEED = `
  INSERT INTO teams (id, name, personal, created_at) VALUES ('t1', 'Desk', 0, '2030-01-01');
  INSERT INTO invites (token_hash, team_id, email, role, created_by, created_at, expires_at)
  VALUES ('h1', 't1', 'a@example.test', 'member', 'u1', '2030-01-01', '2030-01-08'),
         ('h2', 't1', 'b@example.test', 'admin', 'u1', '2030-01-02', '2030-01-09');
`
const SELECT = 'SELECT id, token_hash, email, revoked_at FROM invites ORDER BY token_hash'

function expectBackfilled(rows: Array<Record<string, unknown>>) {
  expect(rows.map((row) => [row.token_hash, row.email, row.revoked_at])).toEqual([
    ['h1', 'a@example.test', null],
    ['h2', 'b@example.test', null],
  ])
  const ids = rows.map((row) => String(row.id))
  for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/)
  expect(new Set(ids).size).toBe(2)
}

describe('[IM] invite id migration', () => {
  it('[IM1] SQLite: invites from before the migration get distinct ids', () => {
    const dir = tempDir()
    try {
      const old = new Database(path.join(dir, 'briefing.db'))
      old.exec(SQLITE_MIGRATIONS[0]!)
      old.pragma('user_version = 1')
      old.exec(SEED)
      old.close()
      const db = openSqliteDatabase(dir)
      expectBackfilled(db.prepare(SELECT).all() as Array<Record<string, unknown>>)
      db.close()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('[IM2] PostgreSQL: invites from before the migration get distinct ids', async () => {
    const schema = await createTestSchema()
    const pool = new pg.Pool({ connectionString: schema.url })
    try {
      await pool.query(PG_MIGRATIONS[0]!)
      await pool.query(`
        CREATE TABLE schema_migrations (
          version INTEGER PRIMARY KEY,
          applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
        );
        INSERT INTO schema_migrations (version) VALUES (1);`)
      await pool.query(SEED)
      await migrate(pool)
      expectBackfilled((await pool.query(SELECT)).rows)
    } finally {
      await pool.end()
      await schema.drop()
    }
  })
})
