/**
 * [HD] Hardening of the HTTP and WebSocket edges: cross-site requests, sign-in throttling,
 * CSP and socket limits. Bodies, fields and hostile input are in hardeningInput.test.ts;
 * accounts, sessions, invites, API tokens and the audit log in hardeningAccounts.test.ts.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { encodeAwareness, MessageType } from '../../shared/protocol/messages'
import { startTestServer, type TestServer } from '../helpers/server'
import { createBriefingAs, signUp, TEST_PASSWORD, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'
import { apiToken, bearer } from './people'
import { cookieClient, expectJsonError, type RawClient, send } from './support'

const EVIL = 'http://evil.example'

describe('[HD] hardening', () => {
  let server: TestServer
  let clock: number
  let owner: TestUser
  let briefingId: string
  const sockets: RawClient[] = []

  const socket = (user: TestUser | null, headers: Record<string, string> = {}) => {
    const client = cookieClient(server, briefingId, user, headers)
    sockets.push(client)
    return client
  }

  const titleOf = async (id: string) =>
    ((await (await owner.api(`/api/briefings/${id}`)).json()) as { title: string }).title

  beforeEach(async () => {
    clock = Date.parse('2030-01-01T09:00:00.000Z')
    server = await startTestServer({ now: () => new Date(clock) })
    owner = await signUp(server.url, { name: 'Owner' })
    briefingId = await createBriefingAs(owner, 'Original title')
  })

  afterEach(async () => {
    for (const client of sockets.splice(0)) client.ws.close()
    await server.close()
  })

  describe('cross-site requests', () => {
    const forged = (headers: Record<string, string>) => [
      owner.api('/api/briefings', { method: 'POST', body: { title: 'Forged' }, headers }),
      owner.api(`/api/briefings/${briefingId}`, {
        method: 'PATCH',
        body: { title: 'Forged' },
        headers,
      }),
      owner.api(`/api/briefings/${briefingId}`, { method: 'DELETE', headers }),
      owner.api('/api/auth/logout', { method: 'POST', headers }),
      // Login CSRF: signing the victim's browser into the attacker's account.
      send(server.url, '/api/auth/login', {
        body: { email: owner.email, password: TEST_PASSWORD },
        headers,
      }),
    ]

    it('[HD1] a cookie-authenticated change from a foreign Origin is 403 and changes nothing', async () => {
      for (const origin of [EVIL, 'null', `${server.url}.evil.example`]) {
        for (const res of await Promise.all(forged({ origin }))) {
          await expectJsonError(res, 403, 'cross_origin')
        }
      }
      expect(await titleOf(briefingId)).toBe('Original title')
      const list = (await (await owner.api('/api/briefings')).json()) as { briefings: unknown[] }
      expect(list.briefings).toHaveLength(1)
      expect((await owner.api('/api/auth/me')).status).toBe(200)
    })

    it('[HD2] Sec-Fetch-Site cross-site (or same-site) is 403 even with our own Origin', async () => {
      for (const site of ['cross-site', 'same-site']) {
        const headers = { 'sec-fetch-site': site, origin: server.url }
        for (const res of await Promise.all(forged(headers))) {
          await expectJsonError(res, 403, 'cross_origin')
        }
      }
      expect(await titleOf(briefingId)).toBe('Original title')
      // The same request from our own page goes through.
      const ok = await owner.api(`/api/briefings/${briefingId}`, {
        method: 'PATCH',
        body: { title: 'Renamed here' },
        headers: { origin: server.url, 'sec-fetch-site': 'same-origin' },
      })
      expect(ok.status).toBe(200)
    })

    it('[HD3] a bearer API token carries no ambient authority: a foreign Origin is allowed', async () => {
      const { token } = await apiToken(owner, 'script')
      const headers = { origin: EVIL, 'sec-fetch-site': 'cross-site' }
      const created = await bearer(server.url, token, '/api/briefings', {
        method: 'POST',
        body: { title: 'From a script' },
        headers,
      })
      expect(created.status).toBe(201)
      const id = ((await created.json()) as { id: string }).id
      const path = `/api/briefings/${id}`
      const patch = { method: 'PATCH', body: { title: 'Renamed by script' }, headers }
      expect((await bearer(server.url, token, path, patch)).status).toBe(200)
      expect((await bearer(server.url, token, path, { method: 'DELETE', headers })).status).toBe(
        204,
      )
    })

    it('[HD4] a cross-origin cookie WebSocket upgrade is refused with 403 and no socket', async () => {
      for (const origin of [EVIL, 'null']) {
        const client = socket(null, { cookie: owner.cookie, origin })
        expect(await client.outcome).toBe(403)
        expect(JSON.parse(client.refusal!).error.message).toBe('cross-origin WebSocket refused')
      }
      const crossSite = socket(null, {
        cookie: owner.cookie,
        origin: server.url,
        'sec-fetch-site': 'cross-site',
      })
      expect(await crossSite.outcome).toBe(403)
      expect(server.registry.get(briefingId)).toBeUndefined()
      expect(await socket(owner).outcome).toBe('open')
    })
  })

  describe('sign-in throttling', () => {
    const login = (email: string, password: string, ip: string) =>
      send(server.url, '/api/auth/login', {
        body: { email, password },
        headers: { 'x-forwarded-for': ip },
      })

    it('[HD5] failed sign-ins for one e-mail back off with a growing Retry-After at that address only', async () => {
      const ip = '203.0.113.5'
      for (let i = 0; i < 3; i++) {
        await expectJsonError(
          await login(owner.email, 'wrong password!', ip),
          401,
          'bad_credentials',
        )
      }
      const waits: number[] = []
      for (let round = 0; round < 3; round++) {
        const limited = await login(owner.email, 'wrong password!', ip)
        await expectJsonError(limited, 429, 'rate_limited')
        const wait = Number(limited.headers.get('retry-after'))
        waits.push(wait)
        // The right password from that address is held back just the same, in any spelling.
        await expectJsonError(await login(owner.email.toUpperCase(), TEST_PASSWORD, ip), 429)
        clock += wait * 1000
        await expectJsonError(await login(owner.email, 'wrong password!', ip), 401)
      }
      expect(waits).toEqual([1, 2, 4])
      // Guesses from one address do not lock the owner out elsewhere (tests/access/
      // signInLockout.test.ts has the rest of that rule), nor does the owner signing in
      // elsewhere reset the guessing address.
      expect((await login(owner.email, TEST_PASSWORD, '198.51.100.9')).status).toBe(200)
      await expectJsonError(await login(owner.email, TEST_PASSWORD, ip), 429)
      clock += 8000
      expect((await login(owner.email, TEST_PASSWORD, ip)).status).toBe(200)
      // A success forgets the failures.
      await expectJsonError(await login(owner.email, 'wrong password!', ip), 401)
    })

    it('[HD6] registration and sign-in share a per-IP cap; other addresses are unaffected', async () => {
      const ip = '203.0.113.77'
      const headers = { 'x-forwarded-for': ip }
      for (let i = 0; i < 15; i++) {
        const res = await send(server.url, '/api/auth/register', {
          body: { email: `short${i}@example.test`, name: 'S', password: 'short' },
          headers,
        })
        await expectJsonError(res, 400)
      }
      for (let i = 0; i < 15; i++) {
        await expectJsonError(await login(`nobody${i}@example.test`, 'whatever1234', ip), 401)
      }
      const body = { email: 'capped@example.test', name: 'Capped', password: TEST_PASSWORD }
      const capped = await send(server.url, '/api/auth/register', { body, headers })
      await expectJsonError(capped, 429, 'rate_limited')
      expect(Number(capped.headers.get('retry-after'))).toBeGreaterThan(0)
      await expectJsonError(await login(owner.email, TEST_PASSWORD, ip), 429, 'rate_limited')

      const elsewhere = { 'x-forwarded-for': '203.0.113.78' }
      expect(
        (await send(server.url, '/api/auth/register', { body, headers: elsewhere })).status,
      ).toBe(201)
    })
  })

  it('[HD7] the Content-Security-Policy is strict', async () => {
    for (const path of ['/healthz', '/api/auth/config', '/api/no-such-route']) {
      const res = await send(server.url, path)
      const csp = res.headers.get('content-security-policy')
      expect(csp, path).toBeTruthy()
      const directives = new Map(
        csp!.split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/)
          return [name!, values] as const
        }),
      )
      expect(directives.get('default-src')).toEqual(["'self'"])
      expect(directives.get('script-src')).toEqual(["'self'"])
      expect(directives.get('frame-ancestors')).toEqual(["'none'"])
      expect(directives.get('object-src')).toEqual(["'none'"])
      expect(directives.get('base-uri')).toEqual(["'none'"])
      for (const [name, values] of directives) {
        if (name.startsWith('script-src')) {
          expect(values).not.toContain("'unsafe-inline'")
          expect(values).not.toContain("'unsafe-eval'")
        }
      }
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })

  describe('WebSocket limits', () => {
    it('[HD13] a burst within the limit is served; a flood of > 1000 messages is closed 4429', async () => {
      const client = socket(owner)
      expect(await client.outcome).toBe('open')
      const queryAwareness = Uint8Array.of(MessageType.QueryAwareness)
      for (let i = 0; i < 300; i++) client.send(queryAwareness)
      await client.barrier()
      expect(client.closeCode).toBeNull()

      const flooder = socket(owner)
      expect(await flooder.outcome).toBe('open')
      for (let i = 0; i < 2000; i++) flooder.send(queryAwareness)
      expect(await waitFor(() => flooder.closeCode, 'flooder closed')).toBe(CloseCode.RateLimited)
      // Only the flooder: the other connection is still served.
      await client.barrier()
      expect(client.closeCode).toBeNull()
    })

    it('[HD14] an awareness state over 16 KiB is closed 4400; one under it is relayed', async () => {
      const watcher = socket(owner)
      const small = socket(owner)
      const big = socket(owner)
      for (const client of [watcher, small, big]) expect(await client.outcome).toBe('open')
      small.send(awarenessFrame(15 * 1024))
      await waitFor(
        () => watcher.received.some((f) => f[0] === MessageType.Awareness && f.length > 15 * 1024),
        'the 15 KiB state reached another client',
      )
      big.send(awarenessFrame(16 * 1024 + 1))
      expect(await waitFor(() => big.closeCode, 'big awareness closed')).toBe(
        CloseCode.MalformedMessage,
      )
      await small.barrier()
      expect(small.closeCode).toBeNull()
    })
  })
})

function awarenessFrame(bytes: number): Uint8Array {
  const doc = new Y.Doc()
  const awareness = new Awareness(doc)
  const filler = 'x'.repeat(bytes - JSON.stringify({ f: '' }).length)
  awareness.setLocalState({ f: filler })
  const frame = encodeAwareness(encodeAwarenessUpdate(awareness, [doc.clientID]))
  awareness.destroy()
  doc.destroy()
  return frame
}
