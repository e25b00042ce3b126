/**
 * [SL] The sign-in backoff cannot be raced, and an outsider cannot use it to lock the owner
 * out: attempts are counted before the password is checked, per e-mail and address, and a
 * browser the account has signed in on before (its known-device cookie) is held back only by
 * its own attempts, never for more than a few minutes. On SQLite and on PostgreSQL; time
 * moves only through the server's clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { KNOWN_DEVICE_COOKIE } from '../../server/auth/knownDevice'
import { createTestSchema, type TestSchema } from '../helpers/postgres'
import { startTestServer, type TestServer } from '../helpers/server'
import { signUp, TEST_PASSWORD, type TestUser } from '../helpers/users'
import { expectJsonError, send } from './support'

const WRONG = 'a wrong guess!'
const ATTACKER = '203.0.113.66'
const OWNER_HOME = '198.51.100.7'

describe.each(['sqlite', 'postgres'] as const)('[SL] sign-in lockout on %s', (backend) => {
  let schema: TestSchema | undefined
  let server: TestServer
  let clock: number
  let owner: TestUser
  /** The owner's browser: the known-device cookie it got when they signed in on it. */
  let ownerDevice: string

  beforeEach(async () => {
    clock = Date.parse('2030-01-01T09:00:00.000Z')
    schema = backend === 'postgres' ? await createTestSchema() : undefined
    server = await startTestServer({
      now: () => new Date(clock),
      // The per-IP request cap is not what this suite is about.
      limits: { authPer15Minutes: 0 },
      ...(schema ? { databaseUrl: schema.url } : {}),
    })
    owner = await signUp(server.url, { name: 'Owner' })
    ownerDevice = deviceCookie(await login(owner.email, TEST_PASSWORD, OWNER_HOME))
  })

  afterEach(async () => {
    await server.close()
    await schema?.drop()
    schema = undefined
  })

  const login = (email: string, password: string, ip: string, cookie?: string) =>
    send(server.url, '/api/auth/login', {
      body: { email, password },
      headers: { 'x-forwarded-for': ip, ...(cookie ? { cookie } : {}) },
    })

  function deviceCookie(res: Response): string {
    expect(res.status).toBe(200)
    const set = res.headers.getSetCookie().find((c) => c.startsWith(`${KNOWN_DEVICE_COOKIE}=`))
    expect(set, 'a sign-in sets the known-device cookie').toBeDefined()
    const attributes = set!.split(';').map((a) => a.trim().toLowerCase())
    expect(attributes).toEqual(
      expect.arrayContaining(['httponly', 'samesite=strict', 'path=/api/auth']),
    )
    return set!.split(';')[0]!
  }

  it('[SL1] 25 concurrent wrong attempts: only the free allowance is checked; the owner still gets in', async () => {
    const answers = await Promise.all(
      Array.from({ length: 25 }, () => login(owner.email, WRONG, ATTACKER)),
    )
    const statuses = answers.map((res) => res.status).sort()
    expect(statuses).toEqual([...Array(3).fill(401), ...Array(22).fill(429)])
    for (const res of answers.filter((r) => r.status === 429)) {
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
      await expectJsonError(res, 429, 'rate_limited')
    }
    // Only the attempts that were checked are counted: the next wait is the first one.
    const next = await login(owner.email, WRONG, ATTACKER)
    expect(next.headers.get('retry-after')).toBe('1')

    // The owner: from their own browser, from anywhere; from a new browser, elsewhere.
    expect((await login(owner.email, TEST_PASSWORD, ATTACKER, ownerDevice)).status).toBe(200)
    expect((await login(owner.email, TEST_PASSWORD, OWNER_HOME)).status).toBe(200)
    // Only a new browser at the guessing address waits, with everyone else there.
    await expectJsonError(await login(owner.email, TEST_PASSWORD, ATTACKER), 429, 'rate_limited')
  })

  it('[SL2] a known device is held back by its own failures only, and never past 2 minutes', async () => {
    // An outsider spreading guesses over many addresses fills the e-mail's own bucket …
    for (let i = 0; i < 20; i++) {
      await expectJsonError(await login(owner.email, WRONG, `192.0.2.${i + 1}`), 401)
    }
    await expectJsonError(await login(owner.email, TEST_PASSWORD, '192.0.2.200'), 429)
    // … which holds back the owner's new browsers, never the one they signed in on.
    expect((await login(owner.email, TEST_PASSWORD, OWNER_HOME, ownerDevice)).status).toBe(200)

    // The owner mistyping on their own browser waits, but at most two minutes.
    const waits: number[] = []
    while (waits.length < 9) {
      const res = await login(owner.email, WRONG, OWNER_HOME, ownerDevice)
      if (res.status === 429) {
        const wait = Number(res.headers.get('retry-after'))
        waits.push(wait)
        clock += wait * 1000
      } else expect(res.status).toBe(401)
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 120, 120])
    await expectJsonError(await login(owner.email, WRONG, OWNER_HOME, ownerDevice), 401)
    const held = await login(owner.email, TEST_PASSWORD, OWNER_HOME, ownerDevice)
    await expectJsonError(held, 429, 'rate_limited')
    expect(held.headers.get('retry-after')).toBe('120')
    clock += 120_000
    expect((await login(owner.email, TEST_PASSWORD, OWNER_HOME, ownerDevice)).status).toBe(200)
  })

  it('[SL3] a known-device cookie counts only for its own account, and only when genuine', async () => {
    const mallory = await signUp(server.url, { name: 'Mallory' })
    const malloryDevice = deviceCookie(await login(mallory.email, TEST_PASSWORD, ATTACKER))
    const [name, value] = ownerDevice.split('=') as [string, string]
    const forged = `${name}=${value.slice(0, -2)}${value.endsWith('AA') ? 'BB' : 'AA'}`
    for (const cookie of [malloryDevice, forged]) {
      for (let i = 0; i < 3; i++) {
        await expectJsonError(await login(owner.email, WRONG, ATTACKER, cookie), 401)
      }
      await expectJsonError(await login(owner.email, WRONG, ATTACKER, cookie), 429)
      // Past the hour after which a streak is forgotten.
      clock += 61 * 60_000
    }
    expect((await login(owner.email, TEST_PASSWORD, ATTACKER, ownerDevice)).status).toBe(200)
  })

  it('[SL4] a wrong current password in a password change counts in the same buckets', async () => {
    const change = (cookie: string) =>
      send(server.url, '/api/auth/password', {
        body: { currentPassword: WRONG, newPassword: 'a brand new passphrase' },
        headers: { cookie, origin: server.url, 'x-forwarded-for': ATTACKER },
      })
    // A stolen session (without the owner's device cookie) guesses at the stranger's rate.
    const answers = await Promise.all(Array.from({ length: 10 }, () => change(owner.cookie)))
    expect(answers.map((res) => res.status).sort()).toEqual([
      ...Array(3).fill(401),
      ...Array(7).fill(429),
    ])
    expect((await login(owner.email, TEST_PASSWORD, OWNER_HOME, ownerDevice)).status).toBe(200)
  })
})
