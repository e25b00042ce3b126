/**
 * [LT] The per-account sign-in backoff is kept in the database: instances of one deployment
 * share it (two real servers on one PostgreSQL schema), a restart keeps it (SQLite data dir),
 * and failures that race are all counted. Time moves only through the servers' clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backoffMs } from '../../server/auth/loginThrottle'
import { createTestSchema, type TestSchema } from '../helpers/postgres'
import { startTestServer, type TestServer } from '../helpers/server'
import { signUp, TEST_PASSWORD, type TestUser } from '../helpers/users'
import { expectJsonError, send } from './support'

const WRONG = 'a wrong guess!'

describe('[LT] shared sign-in backoff', () => {
  let clock: number
  let schema: TestSchema | undefined
  const servers: TestServer[] = []

  beforeEach(() => {
    clock = Date.parse('2030-01-01T09:00:00.000Z')
  })

  afterEach(async () => {
    for (const server of servers.splice(0).reverse()) await server.close()
    await schema?.drop()
    schema = undefined
  })

  const start = async (options: { databaseUrl?: string; dataDir?: string } = {}) => {
    const server = await startTestServer({ now: () => new Date(clock), ...options })
    servers.push(server)
    return server
  }

  /** Two instances of one deployment: the same PostgreSQL schema, no Redis. */
  const twoInstances = async (): Promise<[TestServer, TestServer]> => {
    schema = await createTestSchema()
    return [await start({ databaseUrl: schema.url }), await start({ databaseUrl: schema.url })]
  }

  const login = (server: TestServer, email: string, password: string) =>
    send(server.url, '/api/auth/login', { body: { email, password } })

  const failThrice = async (server: TestServer, user: TestUser) => {
    for (let i = 0; i < 3; i++) {
      await expectJsonError(await login(server, user.email, WRONG), 401, 'bad_credentials')
    }
  }

  it('[LT1] the schedule: 3 free failures, then 1 s doubling to a 15 min cap, counted from the last', () => {
    const last = 1_000_000
    expect([0, 1, 2].map((count) => backoffMs(count, last, last))).toEqual([0, 0, 0])
    expect([3, 4, 5, 6].map((count) => backoffMs(count, last, last))).toEqual([
      1_000, 2_000, 4_000, 8_000,
    ])
    expect(backoffMs(13, last, last)).toBe(15 * 60_000)
    expect(backoffMs(500, last, last)).toBe(15 * 60_000)
    expect(backoffMs(4, last, last + 1_500)).toBe(500)
    expect(backoffMs(4, last, last + 2_000)).toBe(0)
  })

  it('[LT2] failures on one instance hold back the other; a success on either clears both', async () => {
    const [a, b] = await twoInstances()
    const user = await signUp(a.url, { name: 'Ada' })
    await failThrice(a, user)
    // The right password, on the instance that saw no failure, still waits.
    const held = await login(b, user.email.toUpperCase(), TEST_PASSWORD)
    expect(held.headers.get('retry-after')).toBe('1')
    await expectJsonError(held, 429, 'rate_limited')

    clock += 1_000
    expect((await login(b, user.email, TEST_PASSWORD)).status).toBe(200)
    // Cleared for instance A too: three fresh free attempts, not a fourth failure's wait.
    await failThrice(a, user)
    await expectJsonError(await login(a, user.email, TEST_PASSWORD), 429, 'rate_limited')
  })

  it('[LT3] failed sign-ins racing on two instances are all counted', async () => {
    const [a, b] = await twoInstances()
    const user = await signUp(a.url, { name: 'Ada' })
    const attempts = 10
    const answers = await Promise.all(
      Array.from({ length: attempts }, (_, i) => login(i % 2 ? a : b, user.email, WRONG)),
    )
    const statuses = answers.map((res) => res.status)
    // Which attempts got past the check before three failures were stored depends on
    // timing; every one that did is a failure, and the store must hold each of them.
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([])
    const failed = statuses.filter((s) => s === 401).length
    expect(failed).toBeGreaterThanOrEqual(3)
    expect((await a.stores.loginFailures.get(user.email))?.count).toBe(failed)
  })

  it('[LT4] a restart on the same SQLite data dir keeps the backoff', async () => {
    const first = await start()
    const user = await signUp(first.url, { name: 'Ada' })
    await failThrice(first, user)
    servers.splice(servers.indexOf(first), 1)
    await first.close()

    const second = await start({ dataDir: first.dataDir })
    const held = await login(second, user.email, TEST_PASSWORD)
    expect(held.headers.get('retry-after')).toBe('1')
    await expectJsonError(held, 429, 'rate_limited')
    clock += 1_000
    expect((await login(second, user.email, TEST_PASSWORD)).status).toBe(200)
  })
})
