/**
 * [AP] Account and deployment policy against hostile input: common passwords are refused
 * where a password is set; hashes are scrypt at N = 2^17 in production and old cheaper ones
 * are upgraded at the next sign-in; `/metrics` is not open to whoever asks; and the
 * same-origin check compares scheme, host and port, believing forwarded headers only from a
 * proxy TRUST_PROXY trusts.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { COMMON_PASSWORD_COUNT, isCommonPassword } from '../../server/auth/commonPasswords'
import { DEFAULT_SCRYPT_COST, PasswordHasher } from '../../server/auth/passwords'
import { configFromEnv } from '../../server/config'
import { startTestServer, TEST_PASSWORD_COST, type TestServer } from '../helpers/server'
import { createBriefingAs, signUp, TEST_PASSWORD } from '../helpers/users'
import { uniqueEmail } from './people'
import { cookieClient, expectJsonError, type RawClient, send } from './support'

const METRICS_TOKEN = 'a-metrics-token-of-thirty-two-chars'

describe('[AP] account and deployment policy', () => {
  const servers: TestServer[] = []
  const sockets: RawClient[] = []
  const start = async (options: Parameters<typeof startTestServer>[0] = {}) => {
    const server = await startTestServer(options)
    servers.push(server)
    return server
  }
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.ws.close()
    for (const server of servers.splice(0)) await server.close()
  })

  describe('passwords', () => {
    it('[AP1] a common password is refused at sign-up and at a password change, naming the field', async () => {
      expect(COMMON_PASSWORD_COUNT).toBeGreaterThan(40_000)
      for (const common of ['password1234', 'Password1234', 'QWERTYUIOP', '1qaz2wsx3edc']) {
        expect(isCommonPassword(common), common).toBe(true)
      }
      const server = await start()
      const email = uniqueEmail('common')
      const refused = await send(server.url, '/api/auth/register', {
        body: { email, name: 'Common', password: 'Password1234' },
      })
      const error = await expectJsonError(refused, 400, 'invalid_input')
      expect(error.field).toBe('password')
      expect(error.message).toMatch(/most common passwords/)
      expect(await server.stores.users.getByEmail(email)).toBeUndefined()

      const user = await signUp(server.url, { name: 'Careful' })
      const change = await user.api('/api/auth/password', {
        method: 'POST',
        body: { currentPassword: TEST_PASSWORD, newPassword: 'iloveyou123' },
      })
      const changeError = await expectJsonError(change, 400, 'invalid_input')
      expect(changeError.field).toBe('newPassword')
      expect(changeError.message).toMatch(/most common passwords/)
      const login = await send(server.url, '/api/auth/login', {
        body: { email: user.email, password: TEST_PASSWORD },
      })
      expect(login.status).toBe(200)
    })

    it('[AP2] production hashes cost N = 2^17; an older, cheaper hash is upgraded at sign-in', async () => {
      expect(DEFAULT_SCRYPT_COST).toEqual({ N: 2 ** 17, r: 8, p: 1 })
      // The production default, explicitly: test servers otherwise hash cheaper.
      const server = await start({ passwordCost: DEFAULT_SCRYPT_COST })
      const user = await signUp(server.url, { name: 'Production' })
      const stored = async () => (await server.stores.users.getByEmail(user.email))!.passwordHash
      expect(await stored()).toMatch(/^scrypt\$131072\$8\$1\$/)

      const old = await new PasswordHasher(TEST_PASSWORD_COST).hash(TEST_PASSWORD)
      await server.stores.sql.run('UPDATE users SET password_hash = ? WHERE id = ?', [old, user.id])
      const login = (password: string) =>
        send(server.url, '/api/auth/login', { body: { email: user.email, password } })
      await expectJsonError(await login('not the password'), 401, 'bad_credentials')
      expect(await stored()).toBe(old)
      expect((await login(TEST_PASSWORD)).status).toBe(200)
      const upgraded = await stored()
      expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/)
      expect(await new PasswordHasher().verify(TEST_PASSWORD, upgraded)).toEqual({
        ok: true,
        stale: false,
      })
      expect((await login(TEST_PASSWORD)).status).toBe(200)
      expect(await stored()).toBe(upgraded)
    })

    it('[AP3] a stored hash with an absurd cost is refused, not computed', async () => {
      const hasher = new PasswordHasher(TEST_PASSWORD_COST)
      const good = await hasher.hash(TEST_PASSWORD)
      const huge = good.replace(/^scrypt\$\d+\$/, `scrypt$${2 ** 30}$`)
      expect(await hasher.verify(TEST_PASSWORD, huge)).toEqual({ ok: false, stale: false })
      expect(await hasher.verify(TEST_PASSWORD, 'bcrypt$whatever')).toEqual({
        ok: false,
        stale: false,
      })
    })
  })

  describe('metrics', () => {
    const scrape = (url: string, headers: Record<string, string> = {}) =>
      fetch(`${url}/metrics`, { headers })

    it('[AP4] by default only direct requests from this host read them; a proxied one is 403', async () => {
      const server = await start()
      const direct = await scrape(server.url)
      expect(direct.status).toBe(200)
      expect(await direct.text()).toContain('briefing_rooms')
      // A reverse proxy on this host relays the internet from loopback.
      const relays: Array<Record<string, string>> = [
        { 'x-forwarded-for': '203.0.113.9' },
        { forwarded: 'for=203.0.113.9' },
      ]
      for (const headers of relays) {
        const relayed = await scrape(server.url, headers)
        const error = await expectJsonError(relayed, 403, 'forbidden')
        expect(error.message).toMatch(/METRICS_TOKEN/)
      }
    })

    it('[AP5] with METRICS_TOKEN a bearer token is needed, from anywhere', async () => {
      const server = await start({ metricsToken: METRICS_TOKEN })
      const wrong: Array<Record<string, string>> = [
        {},
        { authorization: 'Bearer wrong' },
        { authorization: METRICS_TOKEN },
      ]
      for (const headers of wrong) {
        const res = await scrape(server.url, headers)
        await expectJsonError(res, 401, 'unauthenticated')
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/)
      }
      const ok = await scrape(server.url, {
        authorization: `Bearer ${METRICS_TOKEN}`,
        'x-forwarded-for': '203.0.113.9',
      })
      expect(ok.status).toBe(200)
      expect(await ok.text()).toContain('briefing_connections')
    })

    it('[AP6] with METRICS_PORT they are served there and not on the main port', async () => {
      const server = await start({ metricsPort: 0 })
      expect(server.metricsUrl).not.toBeNull()
      await expectJsonError(await scrape(server.url), 404, 'not_found')
      const there = await scrape(server.metricsUrl!)
      expect(there.status).toBe(200)
      expect(await there.text()).toContain('briefing_rooms')
      await expectJsonError(await fetch(`${server.metricsUrl}/api/auth/me`), 404, 'not_found')

      const both = await start({ metricsPort: 0, metricsToken: METRICS_TOKEN })
      await expectJsonError(await scrape(both.metricsUrl!), 401, 'unauthenticated')
      const authorized = { authorization: `Bearer ${METRICS_TOKEN}` }
      expect((await scrape(both.metricsUrl!, authorized)).status).toBe(200)
    })

    it('[AP7] METRICS_TOKEN and METRICS_PORT are read from the environment and checked', () => {
      const config = configFromEnv({ METRICS_TOKEN: METRICS_TOKEN, METRICS_PORT: '9464' })
      expect(config.metricsToken).toBe(METRICS_TOKEN)
      expect(config.metricsPort).toBe(9464)
      expect(configFromEnv({}).metricsToken).toBeNull()
      expect(configFromEnv({}).metricsPort).toBeNull()
      expect(() => configFromEnv({ METRICS_TOKEN: 'short' })).toThrow(/at least 24/)
      expect(() => configFromEnv({ METRICS_TOKEN: 'short' })).not.toThrow(/short/)
      expect(() => configFromEnv({ METRICS_PORT: '70000' })).toThrow(/METRICS_PORT/)
    })
  })

  describe('same-origin check', () => {
    /** A cookie-authenticated change with these headers; its status. */
    const attempt = async (server: TestServer, headers: Record<string, string>) => {
      const owner = await signUp(server.url, { name: 'Owner' })
      const briefingId = await createBriefingAs(owner, 'Title')
      const res = await owner.api(`/api/briefings/${briefingId}`, {
        method: 'PATCH',
        body: { title: 'Changed' },
        headers,
      })
      const socket = cookieClient(server, briefingId, owner, headers)
      sockets.push(socket)
      return { rest: res.status, socket: await socket.outcome }
    }

    it('[AP8] an Origin that differs only in scheme (or port) is cross-origin', async () => {
      const server = await start()
      const { host } = new URL(server.url)
      const port = Number(new URL(server.url).port)
      for (const origin of [`https://${host}`, `http://127.0.0.1:${port + 1}`]) {
        expect(await attempt(server, { origin }), origin).toEqual({ rest: 403, socket: 403 })
      }
      expect(await attempt(server, { origin: server.url })).toEqual({ rest: 200, socket: 'open' })
    })

    it('[AP9] X-Forwarded-Host and -Proto are believed only from a proxy TRUST_PROXY trusts', async () => {
      const spoofed = {
        origin: 'https://evil.example',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
      }
      // Nobody trusted: the headers are the attacker's own words.
      const untrusting = await start({ trustProxy: false })
      expect(await attempt(untrusting, spoofed)).toEqual({ rest: 403, socket: 403 })
      expect(await attempt(untrusting, { origin: untrusting.url })).toEqual({
        rest: 200,
        socket: 'open',
      })

      // A trusted proxy (loopback, the default) in front of https://briefing.example.
      const proxied = await start()
      const viaProxy = {
        'x-forwarded-host': 'briefing.example',
        'x-forwarded-proto': 'https',
      }
      expect(await attempt(proxied, { ...viaProxy, origin: 'https://briefing.example' })).toEqual({
        rest: 200,
        socket: 'open',
      })
      expect(await attempt(proxied, { ...viaProxy, origin: 'http://briefing.example' })).toEqual({
        rest: 403,
        socket: 403,
      })
    })
  })
})
