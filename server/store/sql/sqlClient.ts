/**
 * A minimal async SQL interface, so the relational stores (accounts, briefings, audit) are
 * written once and run on SQLite and PostgreSQL alike. Statements use `?` placeholders; the
 * PostgreSQL driver numbers them. Both schemas keep booleans as 0/1 integers and times as ISO
 * 8601 text, so rows read the same on either backend.
 */
export interface SqlClient {
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>
  run(sql: string, params?: readonly unknown[]): Promise<{ changes: number }>
  /** Runs `work` in one transaction; it commits if `work` resolves and rolls back if not. */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>
}
