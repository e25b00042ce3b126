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
 * Takes the bucket's row lock for the rest of the transaction and reads the streak. A bucket
 * with no row gets one with no attempts, because a row that does not exist cannot be locked:
 * concurrent first attempts would all read "no streak" and all go ahead.
 */
const HOLD = `
  INSERT INTO login_failures (bucket, failures, last_failed_at) VALUES (?, 0, ?)
  ON CONFLICT (bucket) DO UPDATE SET failures = login_failures.failures
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

  attempt(
    buckets: readonly string[],
    now: string,
    forgetBefore: string,
    wait: (streaks: Array<LoginFailures | undefined>) => number,
  ): Promise<number> {
    // Always locked in the same order, so two attempts sharing buckets cannot deadlock.
    const ordered = [...new Set(buckets)].sort()
    return this.sql.transaction(async (tx) => {
      const held = new Map<string, LoginFailures | undefined>()
      for (const bucket of ordered) {
        const row = await tx.get<LoginFailures>(HOLD, [bucket, now])
        const live = row && row.count > 0 && row.lastAt >= forgetBefore
        held.set(bucket, live ? { count: Number(row.count), lastAt: row.lastAt } : undefined)
      }
      const ms = wait(buckets.map((bucket) => held.get(bucket)))
      for (const bucket of ordered) {
        if (ms === 0) await tx.get(RECORD, [bucket, now, forgetBefore])
        else await tx.run(`DELETE FROM login_failures WHERE bucket = ? AND failures = 0`, [bucket])
      }
      return ms
    })
  }

  async record(bucket: string, now: string, forgetBefore: string): Promise<LoginFailures> {
    const row = await this.sql.get<LoginFailures>(RECORD, [bucket, now, forgetBefore])
    if (!row) throw new Error(`recording a sign-in attempt for ${bucket} returned no row`)
    return row
  }

  get(bucket: string): Promise<LoginFailures | undefined> {
    return this.sql.get<LoginFailures>(
      `SELECT ${COLUMNS} FROM login_failures WHERE bucket = ? AND failures > 0`,
      [bucket],
    )
  }

  async clear(bucket: string): Promise<void> {
    await this.sql.run('DELETE FROM login_failures WHERE bucket = ?', [bucket])
  }

  async prune(before: string, limit: number): Promise<number> {
    return (await this.sql.run(PRUNE, [before, before, limit])).changes
  }
}
