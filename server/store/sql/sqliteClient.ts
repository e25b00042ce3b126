/** SqlClient over better-sqlite3. */
import type { SqliteDatabase } from '../sqlite/database'
import type { SqlClient } from './sqlClient'

/**
 * better-sqlite3 is synchronous with one connection, so a transaction spanning awaits would
 * let unrelated statements (a document append, say) run inside it and vanish on rollback.
 * Every statement outside a transaction therefore waits until none is open, checked
 * synchronously right before it runs; transactions run one at a time.
 */
export class SqliteClient implements SqlClient {
  private txActive = false
  private txDone: Promise<void> = Promise.resolve()

  constructor(readonly db: SqliteDatabase) {}

  /** Runs synchronous work on the database once no transaction is open. */
  async exclusive<T>(work: (db: SqliteDatabase) => T): Promise<T> {
    while (this.txActive) await this.txDone
    return work(this.db)
  }

  all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.exclusive((db) => db.prepare(sql).all(...params) as T[])
  }

  get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return this.exclusive((db) => db.prepare(sql).get(...params) as T | undefined)
  }

  run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    return this.exclusive((db) => ({ changes: db.prepare(sql).run(...params).changes }))
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
      const result = await work(new SqliteTxClient(this.db))
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
  constructor(private readonly db: SqliteDatabase) {}

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.db.prepare(sql).all(...params) as T[]
  }

  async get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return this.db.prepare(sql).get(...params) as T | undefined
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    return { changes: this.db.prepare(sql).run(...params).changes }
  }

  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    return work(this)
  }
}
