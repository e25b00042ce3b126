/**
 * [PG] What only a shared PostgreSQL has to get right: several instances migrating and
 * compacting the same database at once. Each "instance" here is its own pool.
 */
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openStores, type Stores } from '../../server/store'
import { migrate } from '../../server/store/postgres/database'
import { PG_MIGRATIONS } from '../../server/store/postgres/migrations'
import { numberPlaceholders } from '../../server/store/postgres/pgClient'
import { COMPACTION_LOCK_SPACE } from '../../server/store/postgres/pgDocumentStore'
import { createTestSchema, type TestSchema } from '../helpers/postgres'
import { waitFor } from '../helpers/waitFor'

describe('PostgreSQL store', () => {
  const cleanups: Array<() => Promise<void>> = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  async function freshSchema(): Promise<TestSchema> {
    const schema = await createTestSchema()
    cleanups.push(() => schema.drop())
    return schema
  }

  async function instance(schema: TestSchema): Promise<Stores> {
    const stores = await openStores({ dataDir: '', databaseUrl: schema.url })
    cleanups.push(() => stores.close())
    return stores
  }

  it('[PG1] instances starting at once apply each migration exactly once', async () => {
    const schema = await freshSchema()
    const pools = Array.from({ length: 4 }, () => new pg.Pool({ connectionString: schema.url }))
    cleanups.push(async () => {
      await Promise.all(pools.map((pool) => pool.end()))
    })
    await Promise.all(pools.map((pool) => migrate(pool)))
    const { rows } = await pools[0]!.query('SELECT version FROM schema_migrations ORDER BY version')
    expect(rows.map((row) => row.version)).toEqual(PG_MIGRATIONS.map((_, i) => i + 1))
  })

  it('[PG2] a database migrated by a newer server is refused, not downgraded', async () => {
    const schema = await freshSchema()
    await instance(schema)
    const pool = new pg.Pool({ connectionString: schema.url })
    cleanups.push(() => pool.end())
    await pool.query('INSERT INTO schema_migrations (version) VALUES ($1)', [
      PG_MIGRATIONS.length + 1,
    ])
    await expect(openStores({ dataDir: '', databaseUrl: schema.url })).rejects.toThrow(
      new RegExp(
        `version ${PG_MIGRATIONS.length + 1}, but this server knows only ${PG_MIGRATIONS.length} migrations`,
      ),
    )
  })

  it('[PG3] compactions of one document on two instances, racing appends, lose nothing', async () => {
    const schema = await freshSchema()
    const [a, b] = [await instance(schema), await instance(schema)]
    const name = `doc-${randomUUID()}`
    const writers = [new Y.Doc(), new Y.Doc()]
    const captured: Uint8Array[][] = [[], []]
    writers.forEach((doc, i) => {
      doc.on('update', (update: Uint8Array) => {
        captured[i]!.push(update)
      })
    })
    const type = (i: number, text: string) => {
      const t = writers[i]!.getText('t')
      t.insert(t.length, text)
      return captured[i]!.at(-1)!
    }
    for (let round = 0; round < 5; round++) {
      const work: Promise<unknown>[] = []
      for (let i = 0; i < 40; i++) {
        work.push(a.documents.append(name, [type(0, 'a')]))
        work.push(b.documents.append(name, [type(1, 'b')]))
        if (i % 10 === 0) work.push(a.documents.compact(name), b.documents.compact(name))
      }
      await Promise.all(work)
    }
    const stored = new Y.Doc()
    for (const update of await a.documents.load(name)) Y.applyUpdate(stored, update)
    const text = stored.getText('t').toString()
    expect(text.replaceAll('b', '')).toBe('a'.repeat(200))
    expect(text.replaceAll('a', '')).toBe('b'.repeat(200))
    // And compaction still does its job once the dust settles.
    await a.documents.compact(name)
    expect((await b.documents.stats(name)).entries).toBe(1)
  })

  it('[PG4] an append committed late, with an older seq than rows merged, survives', async () => {
    // Another instance's INSERT takes its seq, then commits only after a compaction has read
    // the log: its seq is below the compaction's last one, yet it was never merged.
    const schema = await freshSchema()
    const stores = await instance(schema)
    const name = `doc-${randomUUID()}`
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    const late = new pg.Client({ connectionString: schema.url })
    const gate = new pg.Client({ connectionString: schema.url })
    await Promise.all([late.connect(), gate.connect()])
    cleanups.push(async () => {
      await Promise.all([late.end(), gate.end()])
    })

    doc.getText('t').insert(0, 'early')
    await stores.documents.append(name, [updates.at(-1)!])
    const other = new Y.Doc()
    other.getText('t').insert(0, 'LATE')
    await late.query('BEGIN')
    await late.query('INSERT INTO document_updates (doc, data) VALUES ($1, $2)', [
      name,
      Buffer.from(Y.encodeStateAsUpdate(other)),
    ])
    doc.getText('t').insert(5, '+more')
    await stores.documents.append(name, [updates.at(-1)!])
    // Hold the compaction between its read and its delete.
    await gate.query('BEGIN')
    await gate.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
      COMPACTION_LOCK_SPACE,
      name,
    ])
    const compaction = stores.documents.compact(name)
    await waitFor(
      async () =>
        (
          await gate.query(
            `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objsubid = 2
             AND classid::bigint = $1 AND objid::bigint = hashtext($2)::bigint & 4294967295`,
            [COMPACTION_LOCK_SPACE, name],
          )
        ).rowCount,
      'compaction waits on its lock',
    )
    await late.query('COMMIT')
    await gate.query('COMMIT')
    expect((await compaction).merged).toBe(2)

    const stored = new Y.Doc()
    for (const update of await stores.documents.load(name)) Y.applyUpdate(stored, update)
    expect(stored.getText('t').toString()).toContain('LATE')
    expect(stored.getText('t').toString()).toContain('early+more')
  })

  it('[PG5] the shared SQL stores run on PostgreSQL: transactions roll back as a whole', async () => {
    const { sql } = await instance(await freshSchema())
    await expect(
      sql.transaction(async (tx) => {
        await tx.run('INSERT INTO settings (key, value) VALUES (?, ?)', ['k', 'v'])
        throw new Error('abandon')
      }),
    ).rejects.toThrow('abandon')
    expect(await sql.get('SELECT value FROM settings WHERE key = ?', ['k'])).toBeUndefined()
    await sql.run('INSERT INTO settings (key, value) VALUES (?, ?)', ['k', "it's ?"])
    expect(
      await sql.get("SELECT value FROM settings WHERE key = ? AND value <> '?'", ['k']),
    ).toEqual({ value: "it's ?" })
  })

  it('[PG6] placeholders are numbered outside quotes only', () => {
    expect(
      numberPlaceholders(`SELECT '?', "a?" FROM t WHERE x = ? AND y = 'it''s?' AND z = ?`),
    ).toBe(`SELECT '?', "a?" FROM t WHERE x = $1 AND y = 'it''s?' AND z = $2`)
  })
})
