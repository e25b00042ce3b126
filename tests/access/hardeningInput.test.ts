/**
 * [HD] Hardening of the HTTP edge against bad input: bodies that are too big or broken,
 * fields that are missing or invalid (a 400 naming the field, never a stack trace), and
 * hostile strings in every text field, which must be stored and returned inertly.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/server'
import {
  createBriefingAs,
  sessionCookie,
  signUp,
  TEST_PASSWORD,
  type TestUser,
} from '../helpers/users'
import { waitFor } from '../helpers/waitFor'
import { bearer, createTeam, invite } from './people'
import { cookieClient, expectJsonError, expectNoStack, type RawClient, send } from './support'

describe('[HD] hardening against bad input', () => {
  let server: TestServer
  let owner: TestUser
  let briefingId: string
  const sockets: RawClient[] = []

  const socket = (user: TestUser | null, headers: Record<string, string> = {}) => {
    const client = cookieClient(server, briefingId, user, headers)
    sockets.push(client)
    return client
  }

  beforeEach(async () => {
    server = await startTestServer()
    owner = await signUp(server.url, { name: 'Owner' })
    briefingId = await createBriefingAs(owner, 'Original title')
  })

  afterEach(async () => {
    for (const client of sockets.splice(0)) client.ws.close()
    await server.close()
  })

  describe('bodies and fields', () => {
    it('[HD8] an oversized body is 413 and malformed JSON is 400, both as JSON', async () => {
      const huge = JSON.stringify({ title: 'x'.repeat(300 * 1024) })
      const big = await fetch(`${server.url}/api/briefings`, {
        method: 'POST',
        headers: { cookie: owner.cookie, 'content-type': 'application/json' },
        body: huge,
      })
      await expectJsonError(big, 413, 'body_too_large')
      const anonymousBig = await send(server.url, '/api/auth/register', { rawBody: huge })
      await expectJsonError(anonymousBig, 413, 'body_too_large')
      for (const rawBody of ['{"title": ', '{title: "x"}', "{'title':'x'}", '\u0000']) {
        const res = await send(server.url, '/api/auth/login', { rawBody })
        const error = await expectJsonError(res, 400, 'bad_request')
        expect(error.message).toMatch(/JSON/)
      }
    })

    it('[HD9] a missing or invalid field is a 400 that names the field', async () => {
      const teamId = await createTeam(owner, 'Desk')
      const valid = { email: 'fields@example.test', name: 'Fields', password: TEST_PASSWORD }
      const cases: Array<[string, () => Promise<Response>, string]> = [
        ['register {}', () => send(server.url, '/api/auth/register', { body: {} }), 'email'],
        [
          'register bad e-mail',
          () => send(server.url, '/api/auth/register', { body: { ...valid, email: 'nope' } }),
          'email',
        ],
        [
          'register empty name',
          () => send(server.url, '/api/auth/register', { body: { ...valid, name: '  ' } }),
          'name',
        ],
        [
          'register short password',
          () =>
            send(server.url, '/api/auth/register', { body: { ...valid, password: 'x'.repeat(9) } }),
          'password',
        ],
        [
          'register unknown field',
          () => send(server.url, '/api/auth/register', { body: { ...valid, isAdmin: true } }),
          'isAdmin',
        ],
        [
          'login password not a string',
          () => send(server.url, '/api/auth/login', { body: { email: owner.email, password: 1 } }),
          'password',
        ],
        [
          'briefing no title',
          () => owner.api('/api/briefings', { method: 'POST', body: {} }),
          'title',
        ],
        [
          'briefing title too long',
          () => owner.api('/api/briefings', { method: 'POST', body: { title: 'x'.repeat(201) } }),
          'title',
        ],
        [
          'briefing bad team role',
          () =>
            owner.api('/api/briefings', { method: 'POST', body: { title: 't', teamRole: 'god' } }),
          'teamRole',
        ],
        [
          'briefing unknown team',
          () =>
            owner.api('/api/briefings', { method: 'POST', body: { title: 't', teamId: 'nope' } }),
          'teamId',
        ],
        [
          'rename to empty',
          () => owner.api(`/api/briefings/${briefingId}`, { method: 'PATCH', body: { title: '' } }),
          'title',
        ],
        [
          'share bad e-mail',
          () =>
            owner.api(`/api/briefings/${briefingId}/shares`, {
              method: 'PUT',
              body: { email: 'x', role: 'viewer' },
            }),
          'email',
        ],
        [
          'share bad role',
          () =>
            owner.api(`/api/briefings/${briefingId}/shares`, {
              method: 'PUT',
              body: { email: owner.email, role: 'admin' },
            }),
          'role',
        ],
        [
          'share with nobody',
          () =>
            owner.api(`/api/briefings/${briefingId}/shares`, {
              method: 'PUT',
              body: { email: 'nobody@example.test', role: 'viewer' },
            }),
          'email',
        ],
        [
          'team empty name',
          () => owner.api('/api/teams', { method: 'POST', body: { name: '' } }),
          'name',
        ],
        [
          'invite bad e-mail',
          () => owner.api(`/api/teams/${teamId}/invites`, { method: 'POST', body: { email: 'x' } }),
          'email',
        ],
        [
          'invite bad role',
          () =>
            owner.api(`/api/teams/${teamId}/invites`, {
              method: 'POST',
              body: { email: 'a@example.test', role: 'owner' },
            }),
          'role',
        ],
        [
          'token empty name',
          () => owner.api('/api/auth/tokens', { method: 'POST', body: { name: '' } }),
          'name',
        ],
        [
          'token readOnly not boolean',
          () =>
            owner.api('/api/auth/tokens', { method: 'POST', body: { name: 'n', readOnly: 'yes' } }),
          'readOnly',
        ],
        ['audit limit 0', () => owner.api(`/api/teams/${teamId}/audit?limit=0`), 'limit'],
        [
          'audit before not a number',
          () => owner.api(`/api/teams/${teamId}/audit?before=abc`),
          'before',
        ],
        [
          'content format',
          () => owner.api(`/api/briefings/${briefingId}/content?format=pdf`),
          'format',
        ],
        [
          'settings not boolean',
          () =>
            owner.api('/api/admin/settings', { method: 'PATCH', body: { openRegistration: 'no' } }),
          'openRegistration',
        ],
      ]
      const fields: Record<string, string | undefined> = {}
      for (const [name, request] of cases) {
        const res = await request()
        const error = await expectJsonError(res, res.status === 404 ? 404 : 400)
        fields[name] = error.field
        if (res.status === 400) expect(error.message).toContain(`"${error.field}"`)
      }
      expect(fields).toEqual(Object.fromEntries(cases.map(([name, , field]) => [name, field])))
    })

    it('[HD10] no error body carries a stack trace, and each says what was wrong', async () => {
      const probes: Array<[Promise<Response>, number, RegExp]> = [
        [send(server.url, '/api/no-such-route'), 404, /no route GET/],
        [send(server.url, '/api/briefings'), 401, /sign in/],
        [owner.api('/api/briefings/%E0%A4%A'), 400, /^bad request$/],
        [owner.api('/api/briefings/does-not-exist'), 404, /briefing not found/],
        [owner.api('/api/teams/does-not-exist/audit'), 404, /team not found/],
        [send(server.url, '/api/invites/not-a-token'), 404, /invite not found/],
        [send(server.url, '/api/auth/login', { rawBody: '[' }), 400, /not valid JSON/],
        [send(server.url, '/api/auth/login', { body: [] }), 400, /body field/],
        [send(server.url, '/api/auth/login', { body: 'a string' }), 400, /not valid JSON/],
        [send(server.url, '/api/auth/login', { body: null }), 400, /not valid JSON/],
        [
          fetch(`${server.url}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json; charset=latin-7' },
            body: '{}',
          }),
          415,
          /^unsupported media type$/,
        ],
        [bearer(server.url, 'brf_not_a_real_token', '/api/auth/me'), 401, /invalid or revoked/],
      ]
      for (const [response, status, message] of probes) {
        const error = await expectJsonError(await response, status)
        expect(error.message).toMatch(message)
      }
      const upgrade = socket(null, { origin: server.url })
      expect(await upgrade.outcome).toBe(401)
      expectNoStack(upgrade.refusal!)
    })
  })

  it('[HD11] hostile strings in every text field are stored and returned inertly', async () => {
    const tablesBefore = await tableNames(server)
    for (const [i, nasty] of NASTY.entries()) {
      const exact = JSON.stringify(nasty)
      const expectInert = async (res: Response, status: number) => {
        expect(res.status).toBe(status)
        expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
        const text = await res.text()
        expect(text).toContain(exact)
        return JSON.parse(text)
      }
      // User name (and the personal team named after it).
      const email = `hostile${i}@example.test`
      const reg = await send(server.url, '/api/auth/register', {
        body: { email, name: nasty, password: TEST_PASSWORD },
      })
      const registered = await expectInert(reg, 201)
      expect(registered.user.name).toBe(nasty)
      expect(registered.teams[0].name).toBe(`${nasty}'s briefings`)
      const user = { cookie: sessionCookie(reg) }
      const as = (path: string, init: { method?: string; body?: unknown } = {}) =>
        send(server.url, path, { ...init, headers: { cookie: user.cookie } })
      expect((await expectInert(await as('/api/auth/me'), 200)).user.name).toBe(nasty)
      // Team name.
      const team = await expectInert(await as('/api/teams', { body: { name: nasty } }), 201)
      expect((await expectInert(await as(`/api/teams/${team.id}`), 200)).name).toBe(nasty)
      // Briefing title: created, read, listed, renamed.
      const briefing = await expectInert(
        await as('/api/briefings', { body: { title: nasty, teamId: team.id } }),
        201,
      )
      expect((await expectInert(await as(`/api/briefings/${briefing.id}`), 200)).title).toBe(nasty)
      await expectInert(await as('/api/briefings'), 200)
      const renamed = await as(`/api/briefings/${briefing.id}`, {
        method: 'PATCH',
        body: { title: `${nasty} ` },
      })
      expect((await expectInert(renamed, 200)).title).toBe(nasty)
      // API token name.
      const token = await expectInert(await as('/api/auth/tokens', { body: { name: nasty } }), 201)
      expect(token.name).toBe(nasty)
      await expectInert(await as('/api/auth/tokens'), 200)
    }
    // Invite e-mails: only the hostile ones that are still valid addresses.
    const admin = await signUp(server.url, { name: 'Inviter' })
    const teamId = await createTeam(admin, 'Inviting desk')
    for (const email of HOSTILE_EMAILS) {
      const token = await invite(admin, teamId, email)
      const shown = await send(server.url, `/api/invites/${token}`)
      expect(await shown.text()).toContain(JSON.stringify(email))
      const reg = await send(server.url, '/api/auth/register', {
        body: { email, name: 'Invitee', password: TEST_PASSWORD, inviteToken: token },
      })
      expect(reg.status).toBe(201)
      expect(((await reg.json()) as { user: { email: string } }).user.email).toBe(email)
    }
    const team = (await (await admin.api(`/api/teams/${teamId}`)).json()) as {
      members: Array<{ email: string }>
    }
    expect(team.members.map((m) => m.email)).toEqual(expect.arrayContaining(HOSTILE_EMAILS))
    // Nothing was interpreted: every table is still there and holds what was sent.
    expect(await tableNames(server)).toEqual(tablesBefore)
    const users = await server.stores.sql.all<{ name: string }>('SELECT name FROM users')
    expect(users.map((u) => u.name)).toEqual(expect.arrayContaining(NASTY))
    expect(users).toHaveLength(2 + NASTY.length + HOSTILE_EMAILS.length)
  })

  it('[HD12] the rendered document escapes hostile text', async () => {
    const client = socket(owner)
    expect(await client.outcome).toBe('open')
    await client.barrier()
    for (const nasty of NASTY) client.write(nasty)
    await waitFor(
      () => server.registry.get(briefingId)?.doc.getXmlFragment('default').length === NASTY.length,
      'all hostile paragraphs stored',
    )
    const html = await (await owner.api(`/api/briefings/${briefingId}/content?format=html`)).text()
    expect(html).not.toMatch(/<script|<img/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    const doc = await (await owner.api(`/api/briefings/${briefingId}/content`)).text()
    for (const nasty of NASTY) expect(doc).toContain(JSON.stringify(nasty))
  })
})

const NASTY = [
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
]
/** Hostile-looking addresses that are still valid e-mail addresses. */
const HOSTILE_EMAILS = ["robert'--@example.test", "o'or'1--@example.test"]

async function tableNames(server: TestServer): Promise<string[]> {
  const rows = await server.stores.sql.all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
  )
  return rows.map((row) => row.name)
}

/** An awareness frame whose one state is `bytes` long as JSON. */
