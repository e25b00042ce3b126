/**
 * [HA] Hardening of accounts: passwords, session cookies, invite-only registration, API
 * tokens and the team audit log. (The HTTP and WebSocket edges are in hardening.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sha256 } from '../../server/auth/secrets'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { startTestServer, type TestServer } from '../helpers/server'
import {
  createBriefingAs,
  sessionCookie,
  signUp,
  TEST_PASSWORD,
  type TestUser,
  userFor,
} from '../helpers/users'
import { waitFor } from '../helpers/waitFor'
import { apiToken, bearer, createTeam, invite, setMemberRole, share, uniqueEmail } from './people'
import { cookieClient, expectJsonError, type RawClient, send } from './support'

describe('[HA] accounts hardening', () => {
  let server: TestServer
  let clock: number
  /** The first user, and so the instance admin. */
  let admin: TestUser
  const sockets: RawClient[] = []

  const socket = (briefingId: string, user: TestUser) => {
    const client = cookieClient(server, briefingId, user)
    sockets.push(client)
    return client
  }

  const login = (email: string, password: string, cookie?: string) =>
    send(server.url, '/api/auth/login', {
      body: { email, password },
      headers: cookie ? { cookie } : {},
    })

  const register = (body: Record<string, unknown>) =>
    send(server.url, '/api/auth/register', { body: { password: TEST_PASSWORD, ...body } })

  beforeEach(async () => {
    clock = Date.parse('2030-01-01T09:00:00.000Z')
    server = await startTestServer({ now: () => new Date(clock) })
    admin = await signUp(server.url, { name: 'Instance Admin' })
  })

  afterEach(async () => {
    for (const client of sockets.splice(0)) client.ws.close()
    await server.close()
  })

  it('[HA1] passwords: a minimum length, and never echoed, logged or stored in clear', async () => {
    const secret = 'a Very secret passphrase 1'
    const wrong = 'a wrong guess of a password'
    const responses: string[] = []
    const keep = async (res: Response) => {
      responses.push(JSON.stringify([...res.headers]), await res.clone().text())
      return res
    }
    const short = await keep(
      await register({ email: uniqueEmail('short'), name: 'S', password: 'x'.repeat(9) }),
    )
    const error = await expectJsonError(short, 400, 'invalid_input')
    expect(error.field).toBe('password')
    expect(error.message).toContain('at least 10')

    const email = uniqueEmail('careful')
    const reg = await keep(await register({ email, name: 'Careful', password: secret }))
    expect(reg.status).toBe(201)
    const user = userFor(server.url, {
      id: '',
      email,
      name: 'Careful',
      password: secret,
      cookie: sessionCookie(reg),
      personalTeamId: '',
    })
    await keep(await login(email, wrong))
    await keep(await login('nobody@example.test', secret))
    const ok = await keep(await login(email, secret))
    expect(ok.status).toBe(200)
    const teamId = await createTeam(user, 'Careful desk')
    await keep(await user.api('/api/auth/me'))
    await keep(await user.api(`/api/teams/${teamId}`))
    await keep(await user.api(`/api/teams/${teamId}/audit`))
    await keep(await admin.api('/api/admin/audit'))
    const briefingId = await createBriefingAs(user, 'Careful briefing')
    await keep(await user.api(`/api/briefings/${briefingId}/shares`))
    await share(user, briefingId, admin, 'viewer')
    await keep(await user.api(`/api/briefings/${briefingId}/shares`))

    for (const text of [...responses, ...server.log.lines.map((line) => JSON.stringify(line))]) {
      expect(text).not.toContain(secret)
      expect(text).not.toContain(wrong)
    }
    const rows = await server.stores.sql.all<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE email = ?',
      [email],
    )
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$/)
    expect(rows[0]!.password_hash).not.toContain(secret)
  })

  describe('sessions', () => {
    it('[HA2] the session cookie is HttpOnly, SameSite=Lax, and not Secure over plain http', async () => {
      const reg = await register({ email: uniqueEmail('cookie'), name: 'Cookie' })
      const res = await login(
        ((await reg.json()) as { user: { email: string } }).user.email,
        TEST_PASSWORD,
      )
      for (const response of [reg, res]) {
        const cookie = response.headers
          .getSetCookie()
          .find((c) => c.startsWith('briefing_session='))!
        const attributes = cookie.split(';').map((a) => a.trim().toLowerCase())
        expect(attributes).toContain('httponly')
        expect(attributes).toContain('samesite=lax')
        expect(attributes).toContain('path=/')
        expect(attributes).not.toContain('secure')
        // 32 random bytes, base64url.
        expect(cookie.split(';')[0]!.slice('briefing_session='.length)).toMatch(/^[\w-]{43}$/)
      }
    })

    it('[HA3] signing in rotates the session: a new cookie, the old one and its sockets end', async () => {
      const user = await signUp(server.url, { name: 'Rotating' })
      const briefingId = await createBriefingAs(user, 'Rotation')
      const old = socket(briefingId, user)
      expect(await old.outcome).toBe('open')

      const res = await login(user.email, TEST_PASSWORD, user.cookie)
      expect(res.status).toBe(200)
      const fresh = sessionCookie(res)
      expect(fresh).not.toBe(user.cookie)
      await expectJsonError(await user.api('/api/auth/me'), 401, 'unauthenticated')
      const rotated = userFor(server.url, { ...user, cookie: fresh })
      expect((await rotated.api('/api/auth/me')).status).toBe(200)
      expect(await waitFor(() => old.closeCode, 'old session socket closed')).toBe(
        CloseCode.Unauthorized,
      )
      // Signing in elsewhere (no cookie sent) leaves this browser's session alone.
      expect((await login(user.email, TEST_PASSWORD)).status).toBe(200)
      expect((await rotated.api('/api/auth/me')).status).toBe(200)
    })

    it('[HA4] signing out ends the session and closes its sockets (4401), only its own', async () => {
      const user = await signUp(server.url, { name: 'Leaving' })
      const briefingId = await createBriefingAs(user, 'Sign-out')
      const elsewhere = userFor(server.url, {
        ...user,
        cookie: sessionCookie(await login(user.email, TEST_PASSWORD)),
      })
      const mine = socket(briefingId, user)
      const theirs = socket(briefingId, elsewhere)
      expect(await mine.outcome).toBe('open')
      expect(await theirs.outcome).toBe('open')

      const out = await user.api('/api/auth/logout', { method: 'POST' })
      expect(out.status).toBe(204)
      expect(out.headers.getSetCookie().join()).toMatch(
        /briefing_session=;.*Expires=Thu, 01 Jan 1970/,
      )
      await expectJsonError(await user.api('/api/auth/me'), 401)
      expect(await waitFor(() => mine.closeCode, 'socket closed')).toBe(CloseCode.Unauthorized)
      expect(await socket(briefingId, user).outcome).toBe(401)
      await theirs.barrier()
      expect(theirs.closeCode).toBeNull()
      expect((await elsewhere.api('/api/auth/me')).status).toBe(200)
    })
  })

  it('[HA5] invite-only registration: 403 without an invite; an invite works once, for its e-mail', async () => {
    const teamAdmin = await signUp(server.url, { name: 'Team Admin' })
    const teamId = await createTeam(teamAdmin, 'Closed desk')
    await expectJsonError(
      await teamAdmin.api('/api/admin/settings', {
        method: 'PATCH',
        body: { openRegistration: false },
      }),
      403,
      'forbidden',
    )
    const closed = await admin.api('/api/admin/settings', {
      method: 'PATCH',
      body: { openRegistration: false },
    })
    expect(await closed.json()).toEqual({ openRegistration: false })
    expect(await (await send(server.url, '/api/auth/config')).json()).toEqual({
      openRegistration: false,
      hasUsers: true,
    })

    const email = uniqueEmail('invited')
    await expectJsonError(await register({ email, name: 'Uninvited' }), 403, 'invite_only')
    const token = await invite(teamAdmin, teamId, email)
    // The invite is for one address only.
    await expectJsonError(
      await register({ email: uniqueEmail('other'), name: 'Other', inviteToken: token }),
      403,
      'invite_only',
    )
    const joined = await register({ email, name: 'Invited', inviteToken: token })
    expect(joined.status).toBe(201)
    const body = (await joined.json()) as { teams: Array<{ id: string; role: string }> }
    expect(body.teams.find((t) => t.id === teamId)?.role).toBe('member')

    // Used once: neither registration nor acceptance takes it again.
    await expectJsonError(
      await register({ email: uniqueEmail('again'), name: 'Again', inviteToken: token }),
      403,
      'invite_only',
    )
    const invited = userFor(server.url, {
      id: '',
      email,
      name: 'Invited',
      password: TEST_PASSWORD,
      cookie: sessionCookie(joined),
      personalTeamId: '',
    })
    await expectJsonError(
      await invited.api(`/api/invites/${token}/accept`, { method: 'POST' }),
      410,
      'invite_used',
    )
    expect((await (await send(server.url, `/api/invites/${token}`)).json()).valid).toBe(false)

    // An invite older than its lifetime no longer opens registration.
    const lateEmail = uniqueEmail('late')
    const late = await invite(teamAdmin, teamId, lateEmail)
    clock += 7 * 24 * 60 * 60_000 + 1
    await expectJsonError(
      await register({ email: lateEmail, name: 'Late', inviteToken: late }),
      403,
      'invite_only',
    )
  })

  it('[HA6] API tokens: shown once, stored hashed, bearer-only, read-only enforced, revocable', async () => {
    const user = await signUp(server.url, { name: 'Scripter' })
    const briefingId = await createBriefingAs(user, 'Scripted')
    const created = await user.api('/api/auth/tokens', {
      method: 'POST',
      body: { name: 'ci' },
    })
    expect(created.status).toBe(201)
    const rw = (await created.json()) as { id: string; token: string; readOnly: boolean }
    expect(rw.token).toMatch(/^brf_[\w-]{43}$/)
    expect(rw.readOnly).toBe(false)

    const listed = await (await user.api('/api/auth/tokens')).text()
    expect(listed).not.toContain(rw.token)
    expect(JSON.parse(listed).tokens[0]).not.toHaveProperty('token')
    const rows = await server.stores.sql.all<Record<string, unknown>>('SELECT * FROM api_tokens')
    expect(rows).toHaveLength(1)
    expect(JSON.stringify(rows)).not.toContain(rw.token)
    expect(JSON.stringify(rows)).not.toContain(rw.token.slice(4))
    expect(rows[0]!.token_hash).toBe(sha256(rw.token))

    // Bearer works with no cookie at all, and cannot mint more tokens.
    const me = await bearer(server.url, rw.token, '/api/auth/me')
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(user.email)
    await expectJsonError(
      await bearer(server.url, rw.token, '/api/auth/tokens', {
        method: 'POST',
        body: { name: 'x' },
      }),
      403,
      'session_required',
    )
    const path = `/api/briefings/${briefingId}`
    expect(
      (await bearer(server.url, rw.token, path, { method: 'PATCH', body: { title: 'ok' } })).status,
    ).toBe(200)

    const ro = await apiToken(user, 'dashboard', true)
    expect((await bearer(server.url, ro.token, path)).status).toBe(200)
    expect((await bearer(server.url, ro.token, '/api/briefings')).status).toBe(200)
    const writes = [
      bearer(server.url, ro.token, '/api/briefings', { method: 'POST', body: { title: 'no' } }),
      bearer(server.url, ro.token, path, { method: 'PATCH', body: { title: 'no' } }),
      bearer(server.url, ro.token, path, { method: 'DELETE' }),
      bearer(server.url, ro.token, `${path}/shares`, {
        method: 'PUT',
        body: { email: admin.email, role: 'viewer' },
      }),
      bearer(server.url, ro.token, '/api/teams', { method: 'POST', body: { name: 'no' } }),
      bearer(server.url, ro.token, `/api/auth/tokens/${rw.id}`, { method: 'DELETE' }),
    ]
    for (const res of await Promise.all(writes)) await expectJsonError(res, 403, 'read_only_token')
    expect((await user.api(path)).status).toBe(200)

    // Revoked: 401 at once; a second revoke, or someone else's, is 404.
    await expectJsonError(await admin.api(`/api/auth/tokens/${rw.id}`, { method: 'DELETE' }), 404)
    expect((await user.api(`/api/auth/tokens/${rw.id}`, { method: 'DELETE' })).status).toBe(204)
    await expectJsonError(await bearer(server.url, rw.token, '/api/auth/me'), 401, 'invalid_token')
    await expectJsonError(await user.api(`/api/auth/tokens/${rw.id}`, { method: 'DELETE' }), 404)
    await expectJsonError(
      await bearer(server.url, 'brf_made_up', '/api/auth/me'),
      401,
      'invalid_token',
    )
  })

  it('[HA7] the team audit log records the sensitive actions, for team admins only, paginated', async () => {
    const teamAdmin = await signUp(server.url, { name: 'Team Admin' })
    const teamId = await createTeam(teamAdmin, 'Audited desk')
    const email = uniqueEmail('member')
    const member = await signUp(server.url, {
      name: 'Member',
      email,
      inviteToken: await invite(teamAdmin, teamId, email),
    })
    const outsider = await signUp(server.url, { name: 'Outsider' })
    const ip = '192.0.2.44'
    await send(server.url, '/api/auth/login', {
      body: { email: member.email, password: 'not the password' },
      headers: { 'x-forwarded-for': ip },
    })
    expect((await login(member.email, TEST_PASSWORD)).status).toBe(200)
    const briefingId = await createBriefingAs(teamAdmin, 'Audited', { teamId })
    await share(teamAdmin, briefingId, outsider, 'editor')
    await setMemberRole(teamAdmin, teamId, member, 'admin')
    await setMemberRole(teamAdmin, teamId, member, 'member')
    await teamAdmin.api(`/api/briefings/${briefingId}`, {
      method: 'PATCH',
      body: { teamRole: 'viewer' },
    })
    expect((await teamAdmin.api(`/api/briefings/${briefingId}`, { method: 'DELETE' })).status).toBe(
      204,
    )

    type Entry = {
      id: number
      action: string
      actorId: string | null
      target: string | null
      details: Record<string, unknown>
      ip: string | null
    }
    const page = async (query: string) => {
      const res = await teamAdmin.api(`/api/teams/${teamId}/audit${query}`)
      expect(res.status).toBe(200)
      return (await res.json()) as { entries: Entry[]; nextBefore: number | null }
    }
    const all = (await page('?limit=200')).entries
    const actions = all.map((e) => e.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'team.created',
        'team.invited',
        'user.registered',
        'auth.login_failed',
        'auth.login',
        'briefing.created',
        'briefing.shared',
        'team.role_changed',
        'briefing.team_role_changed',
        'briefing.deleted',
      ]),
    )
    const failed = all.find((e) => e.action === 'auth.login_failed')!
    expect(failed).toMatchObject({ actorId: null, target: member.id, ip })
    expect(failed.details).toEqual({ email: member.email })
    expect(all.find((e) => e.action === 'briefing.shared')).toMatchObject({
      actorId: teamAdmin.id,
      target: briefingId,
      details: { userId: outsider.id, role: 'editor' },
    })
    expect(all.filter((e) => e.action === 'team.role_changed').map((e) => e.details)).toEqual([
      { from: 'admin', to: 'member' },
      { from: 'member', to: 'admin' },
    ])

    // Pagination: newest first, `before` continues where `nextBefore` points, no overlap.
    const walked: Entry[] = []
    let query = '?limit=3'
    for (;;) {
      const { entries, nextBefore } = await page(query)
      expect(entries.length).toBeLessThanOrEqual(3)
      walked.push(...entries)
      if (nextBefore === null) break
      expect(nextBefore).toBe(entries[entries.length - 1]!.id)
      query = `?limit=3&before=${nextBefore}`
    }
    expect(walked).toEqual(all)
    const ids = walked.map((e) => e.id)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    expect(new Set(ids).size).toBe(ids.length)

    await expectJsonError(await member.api(`/api/teams/${teamId}/audit`), 403, 'forbidden')
    await expectJsonError(await outsider.api(`/api/teams/${teamId}/audit`), 404, 'not_found')
    await expectJsonError(await admin.api(`/api/teams/${teamId}/audit`), 404, 'not_found')
    await expectJsonError(await send(server.url, `/api/teams/${teamId}/audit`), 401)
  })

  it('[HA8] a personal team takes no members: inviting into one is refused', async () => {
    const owner = await signUp(server.url, { name: 'Owner' })
    const briefingId = await createBriefingAs(owner, 'Private notes')
    const res = await owner.api(`/api/teams/${owner.personalTeamId}/invites`, {
      method: 'POST',
      body: { email: admin.email },
    })
    // Otherwise the invitee would get the team default role on every personal briefing and,
    // as nobody leaves or is removed from a personal team, keep it for good.
    await expectJsonError(res, 400, 'personal_team')
    expect((await admin.api(`/api/briefings/${briefingId}`)).status).toBe(404)
  })
})
