/** Setting people up the way the product does: teams, invite links, shares. */
import { randomUUID } from 'node:crypto'
import type { BriefingRole, TeamDefaultRole, TeamRole } from '../../shared/access'
import { signUp, type TestUser } from '../helpers/users'

async function expectStatus(res: Response, status: number, what: string): Promise<Response> {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${await res.text()}`)
  return res
}

export function uniqueEmail(name: string): string {
  return `${name.toLowerCase().replace(/\W+/g, '')}-${randomUUID().slice(0, 8)}@example.test`
}

export async function createTeam(admin: TestUser, name: string): Promise<string> {
  const res = await admin.api('/api/teams', { method: 'POST', body: { name } })
  await expectStatus(res, 201, 'create team')
  return ((await res.json()) as { id: string }).id
}

/** A team admin's invite link for `email`; returns the secret token. */
export async function invite(
  admin: TestUser,
  teamId: string,
  email: string,
  role: TeamRole = 'member',
): Promise<string> {
  const res = await admin.api(`/api/teams/${teamId}/invites`, {
    method: 'POST',
    body: { email, role },
  })
  await expectStatus(res, 201, 'invite')
  return ((await res.json()) as { token: string }).token
}

/** Someone new, invited to `teamId` by `admin`, registering through the invite link. */
export async function signUpInvited(
  baseUrl: string,
  admin: TestUser,
  teamId: string,
  name: string,
  role: TeamRole = 'member',
): Promise<TestUser> {
  const email = uniqueEmail(name)
  const inviteToken = await invite(admin, teamId, email, role)
  return signUp(baseUrl, { name, email, inviteToken })
}

/** An existing user accepting an invite to `teamId` while signed in. */
export async function joinByInvite(admin: TestUser, teamId: string, user: TestUser) {
  const token = await invite(admin, teamId, user.email)
  await expectStatus(
    await user.api(`/api/invites/${token}/accept`, { method: 'POST' }),
    200,
    'accept invite',
  )
}

export async function share(
  owner: TestUser,
  briefingId: string,
  user: TestUser,
  role: BriefingRole,
): Promise<void> {
  await expectStatus(
    await owner.api(`/api/briefings/${briefingId}/shares`, {
      method: 'PUT',
      body: { email: user.email, role },
    }),
    200,
    'share',
  )
}

export async function unshare(owner: TestUser, briefingId: string, user: TestUser) {
  await expectStatus(
    await owner.api(`/api/briefings/${briefingId}/shares/${user.id}`, { method: 'DELETE' }),
    204,
    'unshare',
  )
}

export async function setTeamDefault(
  owner: TestUser,
  briefingId: string,
  teamRole: TeamDefaultRole,
) {
  await expectStatus(
    await owner.api(`/api/briefings/${briefingId}`, { method: 'PATCH', body: { teamRole } }),
    200,
    'set team default role',
  )
}

export async function setMemberRole(
  admin: TestUser,
  teamId: string,
  user: TestUser,
  role: TeamRole,
) {
  await expectStatus(
    await admin.api(`/api/teams/${teamId}/members/${user.id}`, { method: 'PATCH', body: { role } }),
    200,
    'set member role',
  )
}

export async function removeMember(admin: TestUser, teamId: string, user: TestUser) {
  await expectStatus(
    await admin.api(`/api/teams/${teamId}/members/${user.id}`, { method: 'DELETE' }),
    204,
    'remove member',
  )
}

/** A read/write API token created from `user`'s browser session; returns id and secret. */
export async function apiToken(
  user: TestUser,
  name: string,
  readOnly = false,
): Promise<{ id: string; token: string }> {
  const res = await user.api('/api/auth/tokens', { method: 'POST', body: { name, readOnly } })
  await expectStatus(res, 201, 'create API token')
  return (await res.json()) as { id: string; token: string }
}

/** fetch with a bearer API token and no cookie. */
export function bearer(
  baseUrl: string,
  token: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  })
}

/** A collab token minted with a bearer API token. */
export async function collabTokenWithBearer(
  baseUrl: string,
  token: string,
  briefingId: string,
): Promise<{ token: string; role: BriefingRole }> {
  const res = await bearer(baseUrl, token, `/api/briefings/${briefingId}/collab-token`, {
    method: 'POST',
  })
  await expectStatus(res, 201, 'collab token (bearer)')
  return (await res.json()) as { token: string; role: BriefingRole }
}
