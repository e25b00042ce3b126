/**
 * A fresh PostgreSQL schema per test run on the machine's server, so runs (and parallel
 * test files) never see each other's rows. The schema is chosen through the connection URL
 * (`options=-c search_path=…`), which is how child-process servers get it too.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** Server the PostgreSQL tests use; override with TEST_DATABASE_URL. */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

export interface TestSchema {
  name: string
  /** TEST_DATABASE_URL with this schema as the search path: give it to openStores. */
  url: string
  drop(): Promise<void>
}

/**
 * Creates an empty schema. Fails, never skips, when PostgreSQL is not reachable: a suite
 * that silently skips would let the PostgreSQL backend rot unnoticed.
 */
export async function createTestSchema(): Promise<TestSchema> {
  const name = `test_${randomBytes(6).toString('hex')}`
  await withAdmin((admin) => admin.query(`CREATE SCHEMA ${name}`))
  const url = new URL(TEST_DATABASE_URL)
  url.searchParams.set('options', `-c search_path=${name}`)
  return {
    name,
    url: url.toString(),
    async drop() {
      await withAdmin((admin) => admin.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`))
    },
  }
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: TEST_DATABASE_URL,
    connectionTimeoutMillis: 5_000,
  })
  try {
    await client.connect()
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${TEST_DATABASE_URL} (${String(err)}). These tests need ` +
        'a real server: start it with `pg_ctlcluster 15 main start` (or `docker run -d -p ' +
        '5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust -e POSTGRES_DB=test postgres:15`), or ' +
        'point TEST_DATABASE_URL at one.',
    )
  }
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}
