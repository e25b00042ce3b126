/**
 * SqlClient over a node-postgres pool, so the shared SQL stores (accounts, briefings, audit)
 * run on PostgreSQL unchanged. Their statements use SQLite's `?` placeholders; this numbers
 * them ($1, $2, …) for PostgreSQL.
 */
import type pg from 'pg'
import type { SqlClient } from '../sql/sqlClient'
import { inTransaction } from './database'

export class PgClient implements SqlClient {
  constructor(readonly pool: pg.Pool) {}

  all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return queryRows<T>(this.pool, sql, params)
  }

  async get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return (await queryRows<T>(this.pool, sql, params))[0]
  }

  run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    return runStatement(this.pool, sql, params)
  }

  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, (client) => work(new PgTxClient(client)))
  }
}

/** The client handed to a transaction's work: every statement runs on its connection. */
class PgTxClient implements SqlClient {
  constructor(private readonly client: pg.PoolClient) {}

  all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return queryRows<T>(this.client, sql, params)
  }

  async get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return (await queryRows<T>(this.client, sql, params))[0]
  }

  run(sql: string, params: readonly unknown[] = []): Promise<{ changes: number }> {
    return runStatement(this.client, sql, params)
  }

  /** Already inside one: nested work joins it, as on SQLite. */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    return work(this)
  }
}

type Queryable = pg.Pool | pg.PoolClient

async function queryRows<T>(db: Queryable, sql: string, params: readonly unknown[]) {
  const result = await db.query(numberPlaceholders(sql), params as unknown[])
  return result.rows as T[]
}

async function runStatement(db: Queryable, sql: string, params: readonly unknown[]) {
  const result = await db.query(numberPlaceholders(sql), params as unknown[])
  return { changes: result.rowCount ?? 0 }
}

/**
 * Rewrites each `?` placeholder as `$n`, leaving any `?` inside a 'string literal' or a
 * "quoted identifier" alone.
 */
export function numberPlaceholders(sql: string): string {
  let out = ''
  let n = 0
  let quote: "'" | '"' | null = null
  for (const char of sql) {
    if (quote) {
      if (char === quote) quote = null
    } else if (char === "'" || char === '"') {
      quote = char
    } else if (char === '?') {
      out += `$${++n}`
      continue
    }
    out += char
  }
  return out
}
