/**
 * [LM] The migration that adds `login_failures` (the shared sign-in backoff) applies to a
 * database at the previous version, on SQLite and on PostgreSQL, keeps every existing row,
 * and leaves a table the store can count failures in.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { openStores } from '../../server/store'
import { PG_MIGRATIONS } from '../../server/store/postgres/migrations'
import { SQLITE_MIGRATIONS } from '../../server/store/sqlite/migrations'
import { createTestSchema } from '../helpers/postgres'
import { tempDir } from '../helpers/server'

/** The version this migration starts from: the one that gave invites their ids. */
const PREVIOUS = 2

const SEED = `
  INSERT INTO users (id, email, name, password_hash, is_admin, created_at)
  VALUES ('u1', 'ada@example.test', 'Ada', 'scrypt$hash', 1, '2030-01-01');
  INSERT INTO teams (id, name, personal, created_at) VALUES ('t1', 'Desk', 0, '2030-01-01');
  INSERT INTO team_members (team_id, user_id, role, joined_at)
  VALUES ('t1', 'u1', 'admin', '2030-01-01');
  INSERT INTO invites (id, token_hash, team_id, email, role, created_by, created_at, expires_at)
  VALUES ('i1', 'h1', 't1', 'b@example.test', 'member', 'u1', '2030-01-01', '2030-01-08');
  INSERT INTO settings (key, value) VALUES ('open_registration', 'false');
`
const SELECTS = [
  'SELECT id, email, name, password_hash, is_admin FROM users',
  'SELECT team_id, user_id, role FROM team_members',
  'SELECT id, token_hash, email, revoked_at FROM invites',
  'SELECT key, value FROM settings',
]
const SEEDED = [
  [
    {
      id: 'u1',
      email: 'ada@example.test',
      name: 'Ada',
      password_hash: 'scrypt$hash',
      is_admin: 1,
    },
  ],
  [{ team_id: 't1', user_id: 'u1', role: 'admin' }],
  [{ id: 'i1', token_hash: 'h1', email: 'b@example.test', revoked_at: null }],
  [{ key: 'open_registration', value: 'false' }],
]

describe('[LM] login failures migration', () => {
  it('[LM1] SQLite: a database at the previous version migrates and keeps its rows', async () => {
    const dir = tempDir()
    try {
      const old = new Database(path.join(dir, 'briefing.db'))
      for (const step of SQLITE_MIGRATIONS.slice(0, PREVIOUS)) old.exec(step)
      old.pragma(`user_version = ${PREVIOUS}`)
      old.exec(SEED)
      old.close()

      const stores = await openStores({ dataDir: dir })
      try {
        const record = await stores.loginFailures.record('ada@example.test', '2030-01-02', '')
        expect(record).toEqual({ count: 1, lastAt: '2030-01-02' })
      } finally {
        await stores.close()
      }
      const db = new Database(path.join(dir, 'briefing.db'))
      expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_MIGRATIONS.length)
      expect(SELECTS.map((sql) => db.prepare(sql).all())).toEqual(SEEDED)
      db.close()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('[LM2] PostgreSQL: a database at the previous version migrates and keeps its rows', async () => {
    const schema = await createTestSchema()
    const pool = new pg.Pool({ connectionString: schema.url })
    try {
      for (const step of PG_MIGRATIONS.slice(0, PREVIOUS)) await pool.query(step)
      await pool.query(`
        CREATE TABLE schema_migrations (
          version INTEGER PRIMARY KEY,
          applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
        );
        INSERT INTO schema_migrations (version) VALUES (1), (2);`)
      await pool.query(SEED)

      const stores = await openStores({ dataDir: '', databaseUrl: schema.url })
      try {
        const record = await stores.loginFailures.record('ada@example.test', '2030-01-02', '')
        expect(record).toEqual({ count: 1, lastAt: '2030-01-02' })
      } finally {
        await stores.close()
      }
      const versions = await pool.query('SELECT version FROM schema_migrations ORDER BY version')
      expect(versions.rows.map((row) => row.version)).toEqual(PG_MIGRATIONS.map((_, i) => i + 1))
      const rows = []
      for (const sql of SELECTS) rows.push((await pool.query(sql)).rows)
      expect(rows).toEqual(SEEDED)
    } finally {
      await pool.end()
      await schema.drop()
    }
  })
})
