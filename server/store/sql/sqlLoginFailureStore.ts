/** LoginFailureStore on any SqlClient backend. */
import type { LoginFailureStore, LoginFailures } from '../accountStore'
import type { SqlClient } from './sqlClient'

const COLUMNS = 'failures AS "count", last_failed_at AS "lastAt"'

/**
 * One upsert (SQLite 3.24+ and PostgreSQL both have ON CONFLICT), so concurrent failures from
 * several instances each add one: a read-then-write would let two of them store the same
 * count. SET reads the row as it was before the update, on both backends. The latest failure
 * is kept even when an instance whose clock runs behind commits last.
 */
const RECORD = `
  INSERT INTO login_failures (bucket, failures, last_failed_at) VALUES (?, 1, ?)
  ON CONFLICT (bucket) DO UPDATE SET
    failures = CASE WHEN login_failures.last_failed_at < ? THEN 1
                    ELSE login_failures.failures + 1 END,
    last_failed_at = CASE WHEN login_failures.last_failed_at < excluded.last_failed_at
                          THEN excluded.last_failed_at ELSE login_failures.last_failed_at END
  RETURNING ${COLUMNS}`

/**
 * The outer condition repeats the inner one: PostgreSQL re-checks it on a row another
 * instance refreshed meanwhile, so a streak that just got a new failure is not deleted.
 */
const PRUNE = `
  DELETE FROM login_failures WHERE last_failed_at < ? AND bucket IN (
    SELECT bucket FROM login_failures WHERE last_failed_at < ? ORDER BY last_failed_at LIMIT ?)`

export class SqlLoginFailureStore implements LoginFailureStore {
  constructor(private readonly sql: SqlClient) {}

  async record(email: string, now: string, forgetBefore: string): Promise<LoginFailures> {
    const row = await this.sql.get<LoginFailures>(RECORD, [email, now, forgetBefore])
    if (!row) throw new Error(`recording a failed sign-in for ${email} returned no row`)
    return row
  }

  get(email: string): Promise<LoginFailures | undefined> {
    return this.sql.get<LoginFailures>(`SELECT ${COLUMNS} FROM login_failures WHERE bucket = ?`, [
      email,
    ])
  }

  async clear(email: string): Promise<void> {
    await this.sql.run('DELETE FROM login_failures WHERE bucket = ?', [email])
  }

  async prune(before: string, limit: number): Promise<number> {
    return (await this.sql.run(PRUNE, [before, before, limit])).changes
  }
}
