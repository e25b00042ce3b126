/**
 * [IR] Team admins revoke pending invites: the link stops working at once, the invite leaves
 * the team's list, and the audit log records it. Run on SQLite and on PostgreSQL, since the
 * revocation is a conditional UPDATE that both backends must honour.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestSchema, type TestSchema } from '../helpers/postgres'
import { startTestServer, type TestServer } from '../helpers/server'
import { signUp, type TestUser } from '../helpers/users'
import { createTeam, signUpInvited, uniqueEmail } from './people'
import { expectJsonError, send } from './support'

interface CreatedInvite {
  id: string
  token: string
  email: string
}

describe.each(['sqlite', 'postgres'] as const)('[IR] invite revocation on %s', (backend) => {
  let schema: TestSchema | undefined
  let server: TestServer
  let admin: TestUser
  let teamId: string

  beforeEach(async () => {
    schema = backend === 'postgres' ? await createTestSchema() : undefined
    server = await startTestServer(schema ? { databaseUrl: schema.url } : {})
    admin = await signUp(server.url, { name: 'Team Admin' })
    teamId = await createTeam(admin, 'Desk')
  })

  afterEach(async () => {
    await server.close()
    await schema?.drop()
  })

  const createInvite = async (email: string): Promise<CreatedInvite> => {
    const res = await admin.api(`/api/teams/${teamId}/invites`, {
      method: 'POST',
      body: { email },
    })
    expect(res.status).toBe(201)
    return (await res.json()) as CreatedInvite
  }

  const pendingIds = async (): Promise<string[]> => {
    const res = await admin.api(`/api/teams/${teamId}`)
    expect(res.status).toBe(200)
    const team = (await res.json()) as { invites: Array<{ id: string }> }
    return team.invites.map((invite) => invite.id)
  }

  const revoke = (user: TestUser, inviteId: string, team = teamId) =>
    user.api(`/api/teams/${team}/invites/${encodeURIComponent(inviteId)}`, { method: 'DELETE' })

  it('[IR1] an admin revokes: the link no longer works and the invite leaves the list', async () => {
    const invitee = await signUp(server.url, { name: 'Invitee' })
    const created = await createInvite(invitee.email)
    // The public id is neither the secret token nor derived from it.
    expect(created.id).toMatch(/^[0-9a-f-]{32,36}$/)
    expect(created.id).not.toBe(created.token)
    expect(await pendingIds()).toEqual([created.id])

    expect((await revoke(admin, created.id)).status).toBe(204)
    expect(await pendingIds()).toEqual([])
    await expectJsonError(
      await invitee.api(`/api/invites/${created.token}/accept`, { method: 'POST' }),
      410,
      'invite_revoked',
    )
    const shown = await (await send(server.url, `/api/invites/${created.token}`)).json()
    expect(shown).toMatchObject({ email: invitee.email, valid: false })
    expect((await invitee.api(`/api/teams/${teamId}`)).status).toBe(404)

    // Revoking twice: the invite is gone, so the second attempt is a 404.
    await expectJsonError(await revoke(admin, created.id), 404, 'not_found')

    const audit = await admin.api(`/api/teams/${teamId}/audit?limit=200`)
    const { entries } = (await audit.json()) as {
      entries: Array<{ action: string; actorId: string; target: string }>
    }
    const revoked = entries.filter((entry) => entry.action === 'team.invite_revoked')
    expect(revoked).toEqual([expect.objectContaining({ actorId: admin.id, target: invitee.email })])
  })

  it('[IR2] a revoked invite does not open invite-only registration', async () => {
    const closed = await admin.api('/api/admin/settings', {
      method: 'PATCH',
      body: { openRegistration: false },
    })
    expect(closed.status).toBe(200)
    const email = uniqueEmail('late')
    const created = await createInvite(email)
    expect((await revoke(admin, created.id)).status).toBe(204)
    await expectJsonError(
      await send(server.url, '/api/auth/register', {
        body: {
          email,
          name: 'Late',
          password: 'a long enough password',
          inviteToken: created.token,
        },
      }),
      403,
      'invite_only',
    )
  })

  it('[IR3] only the team admins may revoke; members get 403 and outsiders 404', async () => {
    const member = await signUpInvited(server.url, admin, teamId, 'Member')
    const outsider = await signUp(server.url, { name: 'Outsider' })
    const created = await createInvite(uniqueEmail('pending'))

    await expectJsonError(await revoke(member, created.id), 403, 'forbidden')
    await expectJsonError(await revoke(outsider, created.id), 404, 'not_found')
    expect(await pendingIds()).toEqual([created.id])
  })

  it('[IR4] unknown ids, another team’s invite and accepted invites are not revoked', async () => {
    await expectJsonError(await revoke(admin, 'no-such-invite'), 404, 'not_found')

    // The same admin runs a second team: its invite cannot be revoked through the first.
    const otherTeam = await createTeam(admin, 'Other desk')
    const other = await admin.api(`/api/teams/${otherTeam}/invites`, {
      method: 'POST',
      body: { email: uniqueEmail('other') },
    })
    const otherId = ((await other.json()) as CreatedInvite).id
    await expectJsonError(await revoke(admin, otherId), 404, 'not_found')
    expect((await revoke(admin, otherId, otherTeam)).status).toBe(204)

    // An accepted invite has done its work: the member is removed instead, not the invite.
    const joiner = await signUp(server.url, { name: 'Joiner' })
    const accepted = await createInvite(joiner.email)
    const accept = await joiner.api(`/api/invites/${accepted.token}/accept`, { method: 'POST' })
    expect(accept.status).toBe(200)
    await expectJsonError(await revoke(admin, accepted.id), 409, 'invite_used')
    expect((await joiner.api(`/api/teams/${teamId}`)).status).toBe(200)
  })
})
