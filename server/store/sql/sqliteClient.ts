/** SqlClient over better-sqlite3. */
import type Database from 'better-sqlite3'
import type { SqliteDatabase } from '../sqlite/database'
import type { SqlClient } from './sqlClient'

/**
 * More distinct SQL strings than the stores hold (a few dozen, all static text), so in
 * practice nothing is ever evicted; the bound only keeps a caller that builds SQL from data
 * from growing the cache without limit.
 */
const STATEMENT_CACHE_SIZE = 256

/**
 * better-sqlite3 is synchronous with one connection, so a transaction spanning awaits would
 * let unrelated statements (a document append, say) run inside it and vanish on rollback.
 * Every statement outside a transaction therefore waits until none is open, checked
 * synchronously right before it runs; transactions run one at a time.
 */
export class SqliteClient implements SqlClient {
  private txActive = false
  private txDone: Promise<void> = Promise.resolve()
  /** Shared with every transaction's client: the same SQL runs inside and outside them. */
  private readonly statements: StatementCache

  constructor(readonly db: SqliteDatabase) {
    this.statements = new StatementCache(db, STATEMENT_CACHE_SIZE)
  }

  /** Runs synchronous work on the database once no transaction is open. */
  async exclusive<T>(work: (db: SqliteDatabase) => T): Promise<T> {
    while (this.txActive) await this.txDone
    return work(this.db)
  }

  all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.exclusive(() => this.statements.get(sql).all(...params) as T[])
  }

  get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return this.exclusive(() => this.statements.get(sql).get(...params) as T | undefined)
  }

  run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    return this.exclusive(() => ({ changes: this.statements.get(sql).run(...params).changes }))
  }

  async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    while (this.txActive) await this.txDone
    this.txActive = true
    let finish!: () => void
    this.txDone = new Promise((resolve) => {
      finish = resolve
    })
    this.db.exec('BEGIN IMMEDIATE')
    try {
      const result = await work(new SqliteTxClient(this.statements))
      this.db.exec('COMMIT')
      return result
    } catch (err) {
      this.db.exec('ROLLBACK')
      throw err
    } finally {
      this.txActive = false
      finish()
    }
  }
}

/** The client handed to a transaction's work: runs statements directly, inside it. */
class SqliteTxClient implements SqlClient {
  constructor(private readonly statements: StatementCache) {}

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.statements.get(sql).all(...params) as T[]
  }

  async get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return this.statements.get(sql).get(...params) as T | undefined
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    return { changes: this.statements.get(sql).run(...params).changes }
  }

  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    return work(this)
  }
}

/**
 * Prepared statements by SQL text, least recently used evicted first. Preparing parses and
 * plans the SQL each time, which showed up as a large share of server CPU under many joins.
 * Reusing a statement is safe here: all/get/run finish synchronously and reset it, and
 * nothing sets a persistent mode (pluck, raw, expand) on one.
 */
export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>()

  constructor(
    private readonly db: SqliteDatabase,
    private readonly capacity: number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`Invalid statement cache capacity ${capacity}`)
    }
  }

  /** The prepared statement for `sql`; a statement that fails to prepare is not cached. */
  get(sql: string): Database.Statement {
    const cached = this.statements.get(sql)
    if (cached) {
      // Re-inserting moves it to the end of the Map's order, which is the recency order.
      this.statements.delete(sql)
      this.statements.set(sql, cached)
      return cached
    }
    const statement = this.db.prepare(sql)
    if (this.statements.size >= this.capacity) {
      const oldest = this.statements.keys().next().value
      if (oldest !== undefined) this.statements.delete(oldest)
    }
    this.statements.set(sql, statement)
    return statement
  }

  /** Statements currently held. */
  get size(): number {
    return this.statements.size
  }
}
