/**
 * [SSM] The migrations that mark where each share came from and key the sign-in backoff by
 * bucket apply to a database at the previous version, on SQLite and on PostgreSQL: a
 * creator's owner share becomes `created` (it lapses with their membership), every other
 * share `granted`, and an e-mail's backoff streak is kept as that e-mail's bucket.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { openStores, type Stores } from '../../server/store'
import { PG_MIGRATIONS } from '../../server/store/postgres/migrations'
import { SQLITE_MIGRATIONS } from '../../server/store/sqlite/migrations'
import { createTestSchema } from '../helpers/postgres'
import { tempDir } from '../helpers/server'

/** The version these migrations start from: the one that added login_failures. */
const PREVIOUS = 3

const SEED = `
  INSERT INTO users (id, email, name, password_hash, is_admin, created_at) VALUES
    ('u1', 'ada@example.test', 'Ada', 'scrypt$hash', 1, '2030-01-01'),
    ('u2', 'bo@example.test', 'Bo', 'scrypt$hash', 0, '2030-01-01');
  INSERT INTO teams (id, name, personal, created_at) VALUES ('t1', 'Desk', 0, '2030-01-01');
  INSERT INTO team_members (team_id, user_id, role, joined_at) VALUES
    ('t1', 'u1', 'member', '2030-01-01'), ('t1', 'u2', 'admin', '2030-01-01');
  INSERT INTO briefings (id, team_id, title, team_role, created_by, created_at, updated_at) VALUES
    ('b1', 't1', 'By Ada', 'none', 'u1', '2030-01-01', '2030-01-01'),
    ('b2', 't1', 'By Bo', 'none', 'u2', '2030-01-01', '2030-01-01');
  INSERT INTO briefing_shares (briefing_id, user_id, role) VALUES
    ('b1', 'u1', 'owner'), ('b1', 'u2', 'editor'), ('b2', 'u2', 'owner'), ('b2', 'u1', 'owner');
  INSERT INTO login_failures (email, failures, last_failed_at)
  VALUES ('ada@example.test', 2, '2030-01-01T09:00:00.000Z');
`
const SHARES = 'SELECT briefing_id, user_id, role, source FROM briefing_shares ORDER BY 1, 2'
const MIGRATED = [
  { briefing_id: 'b1', user_id: 'u1', role: 'owner', source: 'created' },
  { briefing_id: 'b1', user_id: 'u2', role: 'editor', source: 'granted' },
  { briefing_id: 'b2', user_id: 'u1', role: 'owner', source: 'granted' },
  { briefing_id: 'b2', user_id: 'u2', role: 'owner', source: 'created' },
]

/** What the stores do on the migrated database: Ada leaving drops b1's created share only. */
async function exerciseMigrated(stores: Stores): Promise<void> {
  expect(await stores.loginFailures.get('ada@example.test')).toEqual({
    count: 2,
    lastAt: '2030-01-01T09:00:00.000Z',
  })
  expect(await stores.teams.removeMember('t1', 'u1')).toBe(true)
  expect((await stores.briefings.getForUser('b1', 'u1'))?.shareRole).toBeNull()
  expect((await stores.briefings.getForUser('b2', 'u1'))?.shareRole).toBe('owner')
}

describe('[SSM] share source and backoff bucket migrations', () => {
  it('[SSM1] SQLite: a database at the previous version migrates and keeps its rows', async () => {
    const dir = tempDir()
    try {
      const old = new Database(path.join(dir, 'briefing.db'))
      for (const step of SQLITE_MIGRATIONS.slice(0, PREVIOUS)) old.exec(step)
      old.pragma(`user_version = ${PREVIOUS}`)
      old.exec(SEED)
      old.close()

      const stores = await openStores({ dataDir: dir })
      try {
        expect(await stores.sql.all(SHARES)).toEqual(MIGRATED)
        await exerciseMigrated(stores)
      } finally {
        await stores.close()
      }
      const db = new Database(path.join(dir, 'briefing.db'))
      expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_MIGRATIONS.length)
      db.close()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('[SSM2] PostgreSQL: a database at the previous version migrates and keeps its rows', async () => {
    const schema = await createTestSchema()
    const pool = new pg.Pool({ connectionString: schema.url })
    try {
      for (const step of PG_MIGRATIONS.slice(0, PREVIOUS)) await pool.query(step)
      await pool.query(`
        CREATE TABLE schema_migrations (
          version INTEGER PRIMARY KEY,
          applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
        );
        INSERT INTO schema_migrations (version) VALUES (1), (2), (3);`)
      await pool.query(SEED)

      const stores = await openStores({ dataDir: '', databaseUrl: schema.url })
      try {
        expect(await stores.sql.all(SHARES)).toEqual(MIGRATED)
        await exerciseMigrated(stores)
      } finally {
        await stores.close()
      }
      const versions = await pool.query('SELECT version FROM schema_migrations ORDER BY version')
      expect(versions.rows.map((row) => row.version)).toEqual(PG_MIGRATIONS.map((_, i) => i + 1))
    } finally {
      await pool.end()
      await schema.drop()
    }
  })
})
