/**
 * [AC] A signed-in user renames themselves (`PATCH /api/auth/me`) and changes their password
 * (`POST /api/auth/password`). Run on SQLite and on PostgreSQL: the password change is a
 * conditional UPDATE and a DELETE ... RETURNING in one transaction, which both backends must
 * honour.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sha256 } from '../../server/auth/secrets'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { createTestSchema, type TestSchema } from '../helpers/postgres'
import { startTestServer, type TestServer } from '../helpers/server'
import {
  collabToken,
  createBriefingAs,
  sessionCookie,
  signUp,
  TEST_PASSWORD,
  type TestUser,
  userFor,
} from '../helpers/users'
import { waitFor } from '../helpers/waitFor'
import { apiToken, bearer, createTeam, signUpInvited } from './people'
import { cookieClient, expectJsonError, type RawClient, send, tokenClient } from './support'

const NEW_PASSWORD = 'a brand new passphrase'

interface AuditEntry {
  action: string
  actorId: string | null
  target: string | null
  details: Record<string, unknown>
}

describe.each(['sqlite', 'postgres'] as const)('[AC] account changes on %s', (backend) => {
  let schema: TestSchema | undefined
  let server: TestServer
  let clock: number
  let user: TestUser
  const sockets: RawClient[] = []

  beforeEach(async () => {
    clock = Date.parse('2030-01-01T09:00:00.000Z')
    schema = backend === 'postgres' ? await createTestSchema() : undefined
    server = await startTestServer({
      now: () => new Date(clock),
      ...(schema ? { databaseUrl: schema.url } : {}),
    })
    user = await signUp(server.url, { name: 'Ada Lovelace' })
  })

  afterEach(async () => {
    for (const client of sockets.splice(0)) client.ws.close()
    await server.close()
    await schema?.drop()
  })

  const login = (email: string, password: string) =>
    send(server.url, '/api/auth/login', { body: { email, password } })

  /** `user` signed in a second time, as from another browser. */
  const secondSession = async (who: TestUser): Promise<TestUser> => {
    const res = await login(who.email, who.password)
    expect(res.status).toBe(200)
    return userFor(server.url, { ...who, cookie: sessionCookie(res) })
  }

  const rename = (who: TestUser, body: unknown) =>
    who.api('/api/auth/me', { method: 'PATCH', body })

  const changePassword = (who: TestUser, body: unknown) =>
    who.api('/api/auth/password', { method: 'POST', body })

  const auditOf = async (admin: TestUser, teamId: string): Promise<AuditEntry[]> => {
    const res = await admin.api(`/api/teams/${teamId}/audit?limit=200`)
    expect(res.status).toBe(200)
    return ((await res.json()) as { entries: AuditEntry[] }).entries
  }

  const track = (client: RawClient) => {
    sockets.push(client)
    return client
  }

  describe('renaming', () => {
    it('[AC1] PATCH /me renames: the answer is GET /me’s, and /me, team members and the audit log follow', async () => {
      const teamId = await createTeam(user, 'Desk')
      const colleague = await signUpInvited(server.url, user, teamId, 'Grace')

      const res = await rename(user, { name: '  Ada King  ' })
      expect(res.status).toBe(200)
      const answered = (await res.json()) as { user: { name: string } }
      expect(answered.user.name).toBe('Ada King')
      const me = await (await user.api('/api/auth/me')).json()
      expect(answered).toEqual(me)

      // Everyone reads names from the users table: the colleague sees the new one at once.
      const team = (await (await colleague.api(`/api/teams/${teamId}`)).json()) as {
        members: Array<{ userId: string; name: string }>
      }
      expect(team.members.find((m) => m.userId === user.id)?.name).toBe('Ada King')

      const renamed = (await auditOf(user, teamId)).filter((e) => e.action === 'auth.name_changed')
      expect(renamed).toEqual([
        expect.objectContaining({
          actorId: user.id,
          target: user.id,
          details: { from: 'Ada Lovelace', to: 'Ada King' },
        }),
      ])
      // The same name again changes nothing and is not audited twice.
      expect((await rename(user, { name: 'Ada King' })).status).toBe(200)
      const again = (await auditOf(user, teamId)).filter((e) => e.action === 'auth.name_changed')
      expect(again).toHaveLength(1)
    })

    it('[AC2] bad names are 400s naming the field, and change nothing', async () => {
      const cases: Array<[unknown, string, RegExp]> = [
        [{ name: '' }, 'name', /must not be empty/],
        [{ name: '   ' }, 'name', /must not be empty/],
        [{ name: 'x'.repeat(101) }, 'name', /at most 100/],
        [{ name: 42 }, 'name', /string/],
        [{}, 'name', /string/],
        [{ name: 'Ada', email: 'x@example.test' }, 'email', /unrecognized/i],
      ]
      for (const [body, field, message] of cases) {
        const error = await expectJsonError(await rename(user, body), 400, 'invalid_input')
        expect(error.field, JSON.stringify(body)).toBe(field)
        expect(error.message).toMatch(message)
        expect(error.message).toContain(`"${field}"`)
      }
      const me = (await (await user.api('/api/auth/me')).json()) as { user: { name: string } }
      expect(me.user.name).toBe('Ada Lovelace')
      expect((await rename(user, { name: 'x'.repeat(100) })).status).toBe(200)
      await expectJsonError(
        await send(server.url, '/api/auth/me', { method: 'PATCH', body: { name: 'Nobody' } }),
        401,
        'unauthenticated',
      )
    })
  })

  describe('changing the password', () => {
    it('[AC3] the new password signs in, the old does not; other sessions and their sockets end, this one stays', async () => {
      const teamId = await createTeam(user, 'Desk')
      const briefingId = await createBriefingAs(user, 'Plans')
      const elsewhere = await secondSession(user)
      const mine = track(cookieClient(server, briefingId, user))
      const theirs = track(cookieClient(server, briefingId, elsewhere))
      // The app's own client opens sockets with a collab token bound to the session.
      const theirsByToken = track(
        tokenClient(server, briefingId, await collabToken(elsewhere, briefingId)),
      )
      for (const client of [mine, theirs, theirsByToken]) expect(await client.outcome).toBe('open')

      const res = await changePassword(user, {
        currentPassword: TEST_PASSWORD,
        newPassword: NEW_PASSWORD,
      })
      expect(res.status).toBe(204)
      expect(await res.text()).toBe('')

      await expectJsonError(await login(user.email, TEST_PASSWORD), 401, 'bad_credentials')
      expect((await login(user.email, NEW_PASSWORD)).status).toBe(200)

      expect((await user.api('/api/auth/me')).status).toBe(200)
      await expectJsonError(await elsewhere.api('/api/auth/me'), 401, 'unauthenticated')
      expect(await waitFor(() => theirs.closeCode, 'other session’s socket closed')).toBe(
        CloseCode.Unauthorized,
      )
      expect(await waitFor(() => theirsByToken.closeCode, 'its collab-token socket closed')).toBe(
        CloseCode.Unauthorized,
      )
      await mine.barrier()
      expect(mine.closeCode).toBeNull()

      const changed = (await auditOf(user, teamId)).filter(
        (e) => e.action === 'auth.password_changed',
      )
      expect(changed).toEqual([
        expect.objectContaining({
          actorId: user.id,
          target: user.id,
          details: { endedSessions: 1 },
        }),
      ])
      // Every team of the user gets the entry, the personal one included.
      const personal = await auditOf(user, user.personalTeamId)
      expect(personal.map((e) => e.action)).toContain('auth.password_changed')
      const stored = await server.stores.sql.all<{ password_hash: string }>(
        'SELECT password_hash FROM users WHERE id = ?',
        [user.id],
      )
      expect(stored[0]!.password_hash).toMatch(/^scrypt\$/)
      expect(stored[0]!.password_hash).not.toContain(NEW_PASSWORD)
    })

    it('[AC4] a bad new password is a 400 naming the field, and the password stays', async () => {
      const cases: Array<[Record<string, unknown>, string, RegExp]> = [
        [
          { currentPassword: TEST_PASSWORD, newPassword: 'x'.repeat(9) },
          'newPassword',
          /at least 10/,
        ],
        [
          { currentPassword: TEST_PASSWORD, newPassword: 'x'.repeat(257) },
          'newPassword',
          /at most 256/,
        ],
        [
          { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
          'newPassword',
          /must differ/,
        ],
        [{ newPassword: NEW_PASSWORD }, 'currentPassword', /string/],
        [{ currentPassword: TEST_PASSWORD }, 'newPassword', /string/],
        [
          { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirm: NEW_PASSWORD },
          'confirm',
          /unrecognized/i,
        ],
      ]
      for (const [body, field, message] of cases) {
        const error = await expectJsonError(await changePassword(user, body), 400, 'invalid_input')
        expect(error.field, JSON.stringify(body)).toBe(field)
        expect(error.message).toMatch(message)
      }
      expect((await login(user.email, TEST_PASSWORD)).status).toBe(200)
      await expectJsonError(
        await send(server.url, '/api/auth/password', {
          body: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
        }),
        401,
        'unauthenticated',
      )
    })

    it('[AC5] a wrong current password is a 401 that counts against the sign-in throttle', async () => {
      const wrong = { currentPassword: 'not my password', newPassword: NEW_PASSWORD }
      for (let i = 0; i < 3; i++) {
        const error = await expectJsonError(
          await changePassword(user, wrong),
          401,
          'bad_credentials',
        )
        expect(error.field).toBe('currentPassword')
      }
      // Past the free attempts, even the right password waits, here and at the sign-in form.
      const right = { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }
      const throttled = await changePassword(user, right)
      expect(throttled.headers.get('retry-after')).toBe('1')
      await expectJsonError(throttled, 429, 'rate_limited')
      await expectJsonError(await login(user.email, TEST_PASSWORD), 429, 'rate_limited')
      // Still signed in: a wrong guess does not end the session that made it.
      expect((await user.api('/api/auth/me')).status).toBe(200)

      clock += 1_000
      expect((await changePassword(user, right)).status).toBe(204)
      expect((await login(user.email, NEW_PASSWORD)).status).toBe(200)
      const failed = (await auditOf(user, user.personalTeamId)).filter(
        (e) => e.action === 'auth.password_change_failed',
      )
      expect(failed).toHaveLength(3)
    })

    it('[AC6] failed sign-ins count too: the throttle is one per account', async () => {
      for (let i = 0; i < 3; i++) {
        await expectJsonError(await login(user.email, 'a wrong guess'), 401, 'bad_credentials')
      }
      await expectJsonError(
        await changePassword(user, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }),
        429,
        'rate_limited',
      )
    })

    it('[AC7] an API token cannot change the password (403 session_required)', async () => {
      const rw = await apiToken(user, 'script')
      const ro = await apiToken(user, 'dashboard', true)
      const body = { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }
      await expectJsonError(
        await bearer(server.url, rw.token, '/api/auth/password', { method: 'POST', body }),
        403,
        'session_required',
      )
      await expectJsonError(
        await bearer(server.url, ro.token, '/api/auth/password', { method: 'POST', body }),
        403,
        'read_only_token',
      )
      expect((await login(user.email, TEST_PASSWORD)).status).toBe(200)
      // Renaming is an ordinary write, open to a read/write token.
      const renamed = await bearer(server.url, rw.token, '/api/auth/me', {
        method: 'PATCH',
        body: { name: 'Scripted Ada' },
      })
      expect(renamed.status).toBe(200)
      await expectJsonError(
        await bearer(server.url, ro.token, '/api/auth/me', {
          method: 'PATCH',
          body: { name: 'Nope' },
        }),
        403,
        'read_only_token',
      )
    })

    it('[AC8] the store replaces a hash only from the one it was read as, so racing changes cannot both win', async () => {
      const elsewhere = await secondSession(user)
      const users = server.stores.users
      const stored = (await users.getByEmail(user.email))!.passwordHash
      const keep = (who: TestUser) => sha256(who.cookie.slice('briefing_session='.length))
      expect(
        await users.changePassword(user.id, { from: 'stale', to: 'x', keepSession: keep(user) }),
      ).toBeNull()
      expect((await users.getByEmail(user.email))?.passwordHash).toBe(stored)
      expect((await elsewhere.api('/api/auth/me')).status).toBe(200)
      // Through the API, of two changes made with the same current password one wins.
      const [first, second] = await Promise.all([
        changePassword(user, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }),
        changePassword(user, { currentPassword: TEST_PASSWORD, newPassword: `${NEW_PASSWORD}2` }),
      ])
      expect([first.status, second.status].filter((status) => status === 204)).toHaveLength(1)
      expect([401, 409]).toContain(first.status === 204 ? second.status : first.status)
    })
  })
})
