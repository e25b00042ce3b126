/** Opens the PostgreSQL pool and brings its schema up to date, safely from many instances. */
import pg from 'pg'
import { PG_MIGRATIONS } from './migrations'

/**
 * Session advisory lock held while migrating. Every instance takes it before reading the
 * schema version, so two instances starting at once apply each migration exactly once.
 * (Single-bigint keys do not overlap the two-int4 keys used for compaction locks.)
 */
const MIGRATION_LOCK_KEY = '7308611094512214101'

export interface PgPoolOptions {
  /** Called when an idle pooled connection fails (e.g. the server restarted). */
  onIdleError(err: Error): void
}

/** Opens a pool on `url` and runs pending migrations; fails if the schema is from the future. */
export async function openPgPool(url: string, options: PgPoolOptions): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: url,
    // Fail a query instead of waiting forever when the database is unreachable, so callers
    // (the write queue, /healthz) can report and retry.
    connectionTimeoutMillis: 5_000,
  })
  // Without a listener, an idle client's error would crash the process.
  pool.on('error', options.onIdleError)
  try {
    await migrate(pool)
    return pool
  } catch (err) {
    await pool.end()
    throw err
  }
}

/** Applies PG_MIGRATIONS past the recorded version, each in its own transaction. */
export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect()
  let broken: Error | undefined
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
    try {
      await applyPending(client)
    } finally {
      // Ending the session would release the lock too; a failed unlock only costs the client.
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch((err) => {
        broken = err
      })
    }
  } finally {
    client.release(broken)
  }
}

async function applyPending(client: pg.PoolClient): Promise<void> {
  await client.query(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`)
  const { rows } = await client.query<{ version: number }>(
    'SELECT COALESCE(MAX(version), 0)::int AS version FROM schema_migrations',
  )
  const current = rows[0]?.version ?? 0
  if (current > PG_MIGRATIONS.length) {
    throw new Error(
      `database schema is at version ${current}, but this server knows only ` +
        `${PG_MIGRATIONS.length} migrations; run a newer server`,
    )
  }
  for (let version = current; version < PG_MIGRATIONS.length; version++) {
    await client.query('BEGIN')
    try {
      await client.query(PG_MIGRATIONS[version]!)
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version + 1])
      await client.query('COMMIT')
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw new Error(`PostgreSQL migration ${version + 1} failed: ${String(err)}`, { cause: err })
    }
  }
}

/**
 * Runs `work` in a transaction on one pooled connection: COMMIT when it resolves, ROLLBACK
 * (and rethrow) when it throws.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect()
  // A connection whose ROLLBACK failed is in an unknown state: it is discarded, not reused.
  let broken: Error | undefined
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError
    })
    throw err
  } finally {
    client.release(broken)
  }
}
