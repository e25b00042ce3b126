/**
 * [LF] The store behind the sign-in backoff, on SQLite and on PostgreSQL: one streak per
 * e-mail, counted by an atomic upsert that several instances (here, several store handles on
 * one database) can run at once without losing a failure.
 */
import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { openStores, type Stores } from '../../server/store'
import { createTestSchema } from '../helpers/postgres'
import { tempDir } from '../helpers/server'

const EMAIL = 'ada@example.test'
const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 9, minute)).toISOString()

describe.each(['sqlite', 'postgres'] as const)('[LF] login failure store on %s', (backend) => {
  const cleanups: Array<() => Promise<void>> = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  /** A database, and a way to open another handle on it, as another instance would. */
  async function database(): Promise<() => Promise<Stores>> {
    let config: { dataDir: string; databaseUrl?: string }
    if (backend === 'postgres') {
      const schema = await createTestSchema()
      cleanups.push(() => schema.drop())
      config = { dataDir: '', databaseUrl: schema.url }
    } else {
      const dir = tempDir()
      cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }))
      config = { dataDir: dir }
    }
    return async () => {
      const stores = await openStores(config)
      cleanups.push(() => stores.close())
      return stores
    }
  }

  it('[LF1] record counts a streak per e-mail; get reads it; clear ends it', async () => {
    const { loginFailures } = await (await database())()
    expect(await loginFailures.get(EMAIL)).toBeUndefined()
    expect(await loginFailures.record(EMAIL, at(1), at(0))).toEqual({ count: 1, lastAt: at(1) })
    expect(await loginFailures.record(EMAIL, at(2), at(0))).toEqual({ count: 2, lastAt: at(2) })
    await loginFailures.record('other@example.test', at(2), at(0))
    expect(await loginFailures.get(EMAIL)).toEqual({ count: 2, lastAt: at(2) })
    await loginFailures.clear(EMAIL)
    expect(await loginFailures.get(EMAIL)).toBeUndefined()
    expect(await loginFailures.get('other@example.test')).toEqual({ count: 1, lastAt: at(2) })
  })

  it('[LF2] a streak whose last failure is before the forget time starts again at 1', async () => {
    const { loginFailures } = await (await database())()
    await loginFailures.record(EMAIL, at(1), at(0))
    await loginFailures.record(EMAIL, at(2), at(0))
    expect(await loginFailures.record(EMAIL, at(30), at(2))).toEqual({ count: 3, lastAt: at(30) })
    expect(await loginFailures.record(EMAIL, at(59), at(31))).toEqual({ count: 1, lastAt: at(59) })
  })

  it('[LF3] a failure stamped earlier than the stored one counts but keeps the latest time', async () => {
    const { loginFailures } = await (await database())()
    await loginFailures.record(EMAIL, at(5), at(0))
    expect(await loginFailures.record(EMAIL, at(4), at(0))).toEqual({ count: 2, lastAt: at(5) })
  })

  it('[LF4] failures recorded at once through two handles are all counted', async () => {
    const open = await database()
    const [a, b] = [await open(), await open()]
    const rounds = 20
    await Promise.all(
      Array.from({ length: rounds }, (_, i) =>
        (i % 2 ? a : b).loginFailures.record(EMAIL, at(1), at(0)),
      ),
    )
    expect(await a.loginFailures.get(EMAIL)).toEqual({ count: rounds, lastAt: at(1) })
  })

  it('[LF5] prune deletes at most `limit` streaks older than `before`, oldest first', async () => {
    const { loginFailures } = await (await database())()
    for (let minute = 1; minute <= 5; minute++) {
      await loginFailures.record(`user${minute}@example.test`, at(minute), at(0))
    }
    expect(await loginFailures.prune(at(4), 2)).toBe(2)
    expect(await loginFailures.get('user1@example.test')).toBeUndefined()
    expect(await loginFailures.get('user2@example.test')).toBeUndefined()
    expect(await loginFailures.prune(at(4), 100)).toBe(1)
    expect(await loginFailures.get('user3@example.test')).toBeUndefined()
    expect(await loginFailures.get('user4@example.test')).toEqual({ count: 1, lastAt: at(4) })
    expect(await loginFailures.prune(at(4), 100)).toBe(0)
  })

  it('[LF6] attempt decides and counts atomically: racing attempts (two handles on PostgreSQL) see each other', async () => {
    const open = await database()
    const a = await open()
    // Two instances share PostgreSQL; SQLite serves one instance, whose attempts still race.
    const b = backend === 'postgres' ? await open() : a
    /** Three free attempts per bucket, then every one waits. */
    const threeFree = (streaks: Array<{ count: number } | undefined>) =>
      streaks.some((streak) => (streak?.count ?? 0) >= 3) ? 1_000 : 0
    const waits = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? a : b).loginFailures.attempt([EMAIL, `${EMAIL} from x`], at(1), at(0), threeFree),
      ),
    )
    expect(waits.filter((w) => w === 0)).toHaveLength(3)
    expect(waits.filter((w) => w === 1_000)).toHaveLength(17)
    expect(await a.loginFailures.get(EMAIL)).toEqual({ count: 3, lastAt: at(1) })
    expect(await a.loginFailures.get(`${EMAIL} from x`)).toEqual({ count: 3, lastAt: at(1) })
  })

  it('[LF7] a refused attempt counts nothing and leaves no row; an expired streak reads as none', async () => {
    const { loginFailures, sql } = await (await database())()
    const seen: unknown[] = []
    const refuse = (streaks: unknown[]) => {
      seen.push(...streaks)
      return 5
    }
    expect(await loginFailures.attempt(['new@example.test'], at(1), at(0), refuse)).toBe(5)
    expect(await sql.all('SELECT * FROM login_failures')).toEqual([])
    await loginFailures.record(EMAIL, at(1), at(0))
    expect(await loginFailures.attempt([EMAIL], at(40), at(2), refuse)).toBe(5)
    expect(seen).toEqual([undefined, undefined])
    expect(await loginFailures.attempt([EMAIL], at(40), at(2), () => 0)).toBe(0)
    expect(await loginFailures.get(EMAIL)).toEqual({ count: 1, lastAt: at(40) })
  })
})
