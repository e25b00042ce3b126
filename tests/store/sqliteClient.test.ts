/**
 * [SQC] SqliteClient: prepared statements are reused by SQL text, inside and outside
 * transactions, and reusing them changes nothing about results or the transaction gate.
 */
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SqliteClient, StatementCache } from '../../server/store/sql/sqliteClient'
import type { SqliteDatabase } from '../../server/store/sqlite/database'

describe('SqliteClient', () => {
  const open: SqliteDatabase[] = []
  afterEach(() => {
    for (const db of open.splice(0)) db.close()
  })

  function database(): SqliteDatabase {
    const db = new Database(':memory:')
    open.push(db)
    db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT NOT NULL)')
    return db
  }

  it('[SQC1] prepares each SQL string once, sharing it with transaction clients', async () => {
    const db = database()
    const client = new SqliteClient(db)
    const prepare = vi.spyOn(db, 'prepare')
    const insert = 'INSERT INTO items (label) VALUES (?)'
    const select = 'SELECT label FROM items ORDER BY id'
    await client.run(insert, ['a'])
    await client.run(insert, ['b'])
    await client.transaction(async (tx) => {
      await tx.run(insert, ['c'])
      expect(await tx.all(select)).toEqual([{ label: 'a' }, { label: 'b' }, { label: 'c' }])
    })
    expect(await client.all(select)).toEqual([{ label: 'a' }, { label: 'b' }, { label: 'c' }])
    expect(await client.get('SELECT COUNT(*) AS n FROM items')).toEqual({ n: 3 })
    expect(await client.get('SELECT label FROM items WHERE id = ?', [99])).toBeUndefined()
    expect(prepare.mock.calls.map(([sql]) => sql)).toEqual([
      insert,
      select,
      'SELECT COUNT(*) AS n FROM items',
      'SELECT label FROM items WHERE id = ?',
    ])
  })

  it('[SQC2] a reused statement binds fresh parameters and reports its own changes', async () => {
    const db = database()
    const client = new SqliteClient(db)
    const update = 'UPDATE items SET label = ? WHERE label = ?'
    await client.run('INSERT INTO items (label) VALUES (?), (?), (?)', ['x', 'x', 'y'])
    expect(await client.run(update, ['z', 'x'])).toEqual({ changes: 2 })
    expect(await client.run(update, ['z', 'nothing'])).toEqual({ changes: 0 })
    expect(await client.run(update, ['w', 'y'])).toEqual({ changes: 1 })
    expect(await client.all('SELECT label FROM items ORDER BY id')).toEqual([
      { label: 'z' },
      { label: 'z' },
      { label: 'w' },
    ])
  })

  it('[SQC3] a statement outside a transaction still waits for it, and rollback undoes only it', async () => {
    const db = database()
    const client = new SqliteClient(db)
    const insert = 'INSERT INTO items (label) VALUES (?)'
    await client.run(insert, ['before'])
    let release!: () => void
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const failed = client.transaction(async (tx) => {
      await tx.run(insert, ['inside'])
      await gate
      throw new Error('abort')
    })
    // Queued while the transaction is open: it must run after the rollback, not inside it.
    const outside = client.run(insert, ['outside'])
    release()
    await expect(failed).rejects.toThrow('abort')
    await outside
    expect(await client.all('SELECT label FROM items ORDER BY id')).toEqual([
      { label: 'before' },
      { label: 'outside' },
    ])
  })

  it('[SQC4] SQL that fails to prepare throws every time and is not cached', async () => {
    const db = database()
    const client = new SqliteClient(db)
    await expect(client.all('SELECT nope FROM items')).rejects.toThrow(/no such column/)
    await expect(client.all('SELECT nope FROM items')).rejects.toThrow(/no such column/)
    await expect(client.get('INSERT INTO items (label) VALUES (1)')).rejects.toThrow(
      /does not return data/,
    )
  })
})

describe('StatementCache', () => {
  it('[SQC5] holds at most its capacity, evicting the least recently used', () => {
    const db = new Database(':memory:')
    try {
      const cache = new StatementCache(db, 2)
      const one = cache.get('SELECT 1')
      const two = cache.get('SELECT 2')
      expect(cache.get('SELECT 1')).toBe(one)
      cache.get('SELECT 3')
      expect(cache.size).toBe(2)
      // SELECT 2 was the least recently used, so it went; SELECT 1 stayed.
      expect(cache.get('SELECT 1')).toBe(one)
      expect(cache.get('SELECT 2')).not.toBe(two)
      expect(cache.get('SELECT 2').get()).toEqual({ '2': 2 })
    } finally {
      db.close()
    }
  })

  it('[SQC6] rejects a capacity that is not a positive integer', () => {
    const db = new Database(':memory:')
    try {
      expect(() => new StatementCache(db, 0)).toThrow(RangeError)
      expect(() => new StatementCache(db, 1.5)).toThrow(/capacity 1.5/)
    } finally {
      db.close()
    }
  })
})
