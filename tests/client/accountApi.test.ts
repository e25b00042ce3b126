import { afterEach, describe, expect, it, vi } from 'vitest'
import { setOpenRegistration } from '../../client/src/api/admin'
import { changePassword, getMe, register, renameAccount } from '../../client/src/api/auth'
import { acceptInvite, getInvite } from '../../client/src/api/invites'
import { getBriefingAccess, setTeamRole, shareBriefing } from '../../client/src/api/shares'
import { AUDIT_PAGE_SIZE, getAuditPage, getTeam, revokeInvite } from '../../client/src/api/teams'
import { createToken, listTokens } from '../../client/src/api/tokens'

/** Answers every fetch with `body` and records the requests. */
function respond(status: number, body: unknown) {
  const fetchMock = vi.fn(
    async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(body), { status }),
  )
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

const sentBody = (fetchMock: ReturnType<typeof respond>) =>
  JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body))

afterEach(() => {
  vi.unstubAllGlobals()
})

const user = { id: 'u1', email: 'ada@example.org', name: 'Ada', isAdmin: true, createdAt: 'x' }
const teams = [{ id: 't1', name: "Ada's briefings", personal: true, role: 'admin', createdAt: 'x' }]

describe('accounts API', () => {
  it('reads the signed-in user and their teams, dropping fields it does not use', async () => {
    respond(200, { user, teams })
    await expect(getMe()).resolves.toEqual({
      user: { id: 'u1', email: 'ada@example.org', name: 'Ada', isAdmin: true },
      teams: [{ id: 't1', name: "Ada's briefings", personal: true, role: 'admin' }],
    })
  })

  it('names the field of a malformed answer', async () => {
    respond(200, { user, teams: [{ ...teams[0], role: 'boss' }] })
    await expect(getMe()).rejects.toMatchObject({
      code: 'bad_response',
      message: expect.stringContaining('me.teams[0].role "boss"'),
    })
  })

  it('renames with PATCH /me and reads the answer as /me', async () => {
    const fetchMock = respond(200, { user: { ...user, name: 'Ada King' }, teams })
    const me = await renameAccount('Ada King')
    expect(me.user.name).toBe('Ada King')
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/auth/me')
    expect(fetchMock.mock.calls[0]?.[1]?.method).toBe('PATCH')
    expect(sentBody(fetchMock)).toEqual({ name: 'Ada King' })
  })

  it('changes the password, and reports a wrong current one against its field', async () => {
    const fetchMock = vi.fn(
      async (_url: string, _init?: RequestInit) => new Response(null, { status: 204 }),
    )
    vi.stubGlobal('fetch', fetchMock)
    await expect(changePassword('old password', 'new password')).resolves.toBeUndefined()
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/auth/password')
    expect(JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body))).toEqual({
      currentPassword: 'old password',
      newPassword: 'new password',
    })
    respond(401, {
      error: {
        code: 'bad_credentials',
        message: 'the current password is wrong',
        field: 'currentPassword',
      },
    })
    await expect(changePassword('wrong', 'new password')).rejects.toMatchObject({
      status: 401,
      code: 'bad_credentials',
      field: 'currentPassword',
    })
  })

  it('registers with an invite token', async () => {
    const fetchMock = respond(201, { user, teams })
    await register({ email: 'a@b.org', name: 'A', password: 'p'.repeat(10), inviteToken: 'tok' })
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/auth/register')
    expect(sentBody(fetchMock)).toMatchObject({ inviteToken: 'tok' })
  })
})

describe('teams API', () => {
  it('reads a team with members and invites', async () => {
    respond(200, {
      ...teams[0],
      personal: false,
      role: 'admin',
      members: [{ userId: 'u1', email: 'a@b.org', name: 'Ada', role: 'admin', joinedAt: 'x' }],
      invites: [
        {
          id: 'i1',
          email: 'g@b.org',
          role: 'member',
          createdAt: 'x',
          expiresAt: 'y',
          teamId: 't1',
        },
      ],
    })
    const team = await getTeam('t1')
    expect(team.members[0]?.role).toBe('admin')
    expect(team.invites).toEqual([
      { id: 'i1', email: 'g@b.org', role: 'member', createdAt: 'x', expiresAt: 'y' },
    ])
  })

  it('revokes an invite by its id', async () => {
    const fetchMock = vi.fn(
      async (_url: string, _init?: RequestInit) => new Response(null, { status: 204 }),
    )
    vi.stubGlobal('fetch', fetchMock)
    await revokeInvite('t 1', 'i/1')
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/teams/t%201/invites/i%2F1')
    expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({ method: 'DELETE' })
  })

  it('pages the audit log with nextBefore', async () => {
    const entry = { id: 7, at: 'x', actorId: null, action: 'a', target: null, details: {}, ip: '' }
    const fetchMock = respond(200, { entries: [entry], nextBefore: 7 })
    await expect(getAuditPage('t 1')).resolves.toMatchObject({ nextBefore: 7 })
    expect(fetchMock.mock.calls[0]?.[0]).toBe(`/api/teams/t%201/audit?limit=${AUDIT_PAGE_SIZE}`)
    respond(200, { entries: [], nextBefore: null })
    await getAuditPage('t1', 7)
    const url = String(vi.mocked(fetch).mock.calls[0]?.[0])
    expect(url).toBe(`/api/teams/t1/audit?limit=${AUDIT_PAGE_SIZE}&before=7`)
  })

  it('reads and accepts invites', async () => {
    respond(200, { teamName: 'Desk', email: 'g@b.org', role: 'member', valid: true })
    await expect(getInvite('tok')).resolves.toEqual({
      teamName: 'Desk',
      email: 'g@b.org',
      role: 'member',
      valid: true,
    })
    const fetchMock = respond(200, { teamId: 't2', role: 'member' })
    await expect(acceptInvite('tok')).resolves.toEqual({ teamId: 't2', role: 'member' })
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/invites/tok/accept')
  })
})

describe('tokens API', () => {
  const token = {
    id: 'k1',
    name: 'CI',
    readOnly: true,
    createdAt: 'x',
    lastUsedAt: null,
    revokedAt: null,
  }

  it('keeps the secret of a new token apart from its record', async () => {
    respond(201, { ...token, userId: 'u1', token: 'brf_secret' })
    await expect(createToken('CI', true)).resolves.toEqual({ ...token, secret: 'brf_secret' })
  })

  it('lists tokens', async () => {
    respond(200, { tokens: [token, { ...token, id: 'k2', revokedAt: 'y' }] })
    await expect(listTokens()).resolves.toHaveLength(2)
  })
})

describe('sharing API', () => {
  it('reads who has access', async () => {
    respond(200, {
      teamId: 't1',
      teamRole: 'none',
      shares: [{ userId: 'u1', email: 'a@b.org', name: 'Ada', role: 'owner' }],
    })
    await expect(getBriefingAccess('b1')).resolves.toMatchObject({ teamRole: 'none' })
  })

  it('shares by e-mail with PUT, and sets the team role with PATCH', async () => {
    let fetchMock = respond(200, { userId: 'u2', email: 'g@b.org', name: 'Grace', role: 'viewer' })
    await shareBriefing('b1', 'g@b.org', 'viewer')
    expect(fetchMock.mock.calls[0]?.[1]?.method).toBe('PUT')
    expect(sentBody(fetchMock)).toEqual({ email: 'g@b.org', role: 'viewer' })

    fetchMock = respond(200, {
      id: 'b1',
      title: 'T',
      teamId: 't1',
      teamRole: 'viewer',
      createdBy: 'u1',
      createdAt: 'x',
      updatedAt: 'y',
      epoch: 'e1',
      role: 'owner',
    })
    await expect(setTeamRole('b1', 'viewer')).resolves.toMatchObject({ teamRole: 'viewer' })
    expect(fetchMock.mock.calls[0]?.[1]?.method).toBe('PATCH')
  })

  it('switches registration for the instance admin', async () => {
    const fetchMock = respond(200, { openRegistration: false })
    await expect(setOpenRegistration(false)).resolves.toEqual({ openRegistration: false })
    expect(sentBody(fetchMock)).toEqual({ openRegistration: false })
  })
})
