/**
 * [TL] Leaving a team, or being removed from it, takes away every right that came with the
 * membership, at once and on open sockets: the team default, admin ownership, and the owner
 * share a member got for creating a briefing in the team (the team owns team briefings).
 * A share an owner granted to the person individually stays theirs (docs/ARCHITECTURE.md,
 * "Access control"). On SQLite and on PostgreSQL; and across two instances linked by Redis.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { createTestSchema, type TestSchema } from '../helpers/postgres'
import { startTestServer, type TestServer } from '../helpers/server'
import { collabToken, createBriefingAs, signUp, type TestUser, userFor } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'
import { type RedisProcess, startRedis } from '../scaleout/processes'
import { createTeam, joinByInvite, removeMember, share, signUpInvited } from './people'
import { cookieClient, type RawClient, rawClient } from './support'

/** Every way the creator could still use the briefing, each as an HTTP status. */
async function whatTheyCanDo(server: TestServer, user: TestUser, briefingId: string) {
  const path = `/api/briefings/${briefingId}`
  const listed = (await (await user.api('/api/briefings')).json()) as {
    briefings: Array<{ id: string; role: string }>
  }
  const socket = rawClient(`${server.wsUrl}/${briefingId}`, {
    origin: server.url,
    cookie: user.cookie,
  })
  const upgrade = await socket.outcome
  socket.ws.close()
  return {
    listed: listed.briefings.find((b) => b.id === briefingId)?.role ?? 'absent',
    read: (await user.api(path)).status,
    rename: (await user.api(path, { method: 'PATCH', body: { title: 'Mine now' } })).status,
    teamRole: (await user.api(path, { method: 'PATCH', body: { teamRole: 'none' } })).status,
    share: (
      await user.api(`${path}/shares`, {
        method: 'PUT',
        body: { email: 'someone@example.test', role: 'owner' },
      })
    ).status,
    collabToken: (await user.api(`${path}/collab-token`, { method: 'POST' })).status,
    upgrade,
  }
}

const NOTHING = {
  listed: 'absent',
  read: 404,
  rename: 404,
  teamRole: 404,
  share: 404,
  collabToken: 404,
  upgrade: 403,
}

describe.each(['sqlite', 'postgres'] as const)('[TL] leaving a team on %s', (backend) => {
  let schema: TestSchema | undefined
  let server: TestServer
  let admin: TestUser
  let teamId: string
  const sockets: RawClient[] = []

  const start = async () => {
    schema = backend === 'postgres' ? await createTestSchema() : undefined
    server = await startTestServer(schema ? { databaseUrl: schema.url } : {})
    admin = await signUp(server.url, { name: 'Team Admin' })
    teamId = await createTeam(admin, 'Desk')
  }

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.ws.close()
    await server?.close()
    await schema?.drop()
    schema = undefined
  })

  const openSocket = async (user: TestUser, briefingId: string) => {
    const socket = cookieClient(server, briefingId, user)
    sockets.push(socket)
    expect(await socket.outcome).toBe('open')
    return socket
  }

  for (const how of ['removed by an admin', 'leaving'] as const) {
    it(`[TL1] ${how}: the creator of a team briefing loses its owner share, sockets included`, async () => {
      await start()
      const creator = await signUpInvited(server.url, admin, teamId, 'Creator')
      const briefingId = await createBriefingAs(creator, 'Written by the creator', {
        teamId,
        teamRole: 'none',
      })
      expect((await whatTheyCanDo(server, creator, briefingId)).listed).toBe('owner')
      const socket = await openSocket(creator, briefingId)
      const token = await collabToken(creator, briefingId)

      const actor = how === 'leaving' ? creator : admin
      const res = await actor.api(`/api/teams/${teamId}/members/${creator.id}`, {
        method: 'DELETE',
      })
      expect(res.status).toBe(204)
      expect(await waitFor(() => socket.closeCode, 'the creator’s socket closed')).toBe(
        CloseCode.Forbidden,
      )
      expect(await whatTheyCanDo(server, creator, briefingId)).toEqual(NOTHING)
      const byToken = rawClient(`${server.wsUrl}/${briefingId}?token=${token}`)
      sockets.push(byToken)
      expect(await byToken.outcome).toBe(403)
      // The team keeps its briefing: the admin still owns it and its content.
      expect(await whatTheyCanDo(server, admin, briefingId)).toMatchObject({
        listed: 'owner',
        read: 200,
        upgrade: 'open',
      })
      const shares = (await (await admin.api(`/api/briefings/${briefingId}/shares`)).json()) as {
        shares: Array<{ userId: string }>
      }
      expect(shares.shares.map((s) => s.userId)).not.toContain(creator.id)
    })
  }

  it('[TL2] a share an owner granted individually stays after leaving; the creator share does not', async () => {
    await start()
    const member = await signUpInvited(server.url, admin, teamId, 'Member')
    const own = await createBriefingAs(member, 'Created by the member', {
      teamId,
      teamRole: 'none',
    })
    const asViewer = await createBriefingAs(admin, 'Shared to read', { teamId, teamRole: 'none' })
    const asOwner = await createBriefingAs(admin, 'Shared to own', { teamId, teamRole: 'none' })
    await share(admin, asViewer, member, 'viewer')
    await share(admin, asOwner, member, 'owner')
    const reading = await openSocket(member, asViewer)

    await removeMember(admin, teamId, member)
    expect(await whatTheyCanDo(server, member, own)).toEqual(NOTHING)
    expect(await whatTheyCanDo(server, member, asViewer)).toEqual({
      listed: 'viewer',
      read: 200,
      rename: 403,
      teamRole: 403,
      share: 403,
      collabToken: 201,
      upgrade: 'open',
    })
    expect(await whatTheyCanDo(server, member, asOwner)).toMatchObject({
      listed: 'owner',
      read: 200,
      rename: 200,
    })
    // The granted share kept the reader's socket open.
    await reading.barrier()
    expect(reading.closeCode).toBeNull()
  })

  it('[TL3] an owner re-sharing with the creator makes it a granted share, which stays', async () => {
    await start()
    const member = await signUpInvited(server.url, admin, teamId, 'Member')
    const briefingId = await createBriefingAs(member, 'Re-shared', { teamId, teamRole: 'none' })
    await share(admin, briefingId, member, 'editor')
    await removeMember(admin, teamId, member)
    expect(await whatTheyCanDo(server, member, briefingId)).toMatchObject({
      listed: 'editor',
      read: 200,
      rename: 200,
      share: 403,
    })
  })

  it('[TL4] joining the team again gives the team default, not the old owner share', async () => {
    await start()
    const member = await signUpInvited(server.url, admin, teamId, 'Member')
    const briefingId = await createBriefingAs(member, 'Came back', { teamId, teamRole: 'viewer' })
    await removeMember(admin, teamId, member)
    await joinByInvite(admin, teamId, member)
    expect(await whatTheyCanDo(server, member, briefingId)).toMatchObject({
      listed: 'viewer',
      read: 200,
      rename: 403,
      share: 403,
    })
  })

  it('[TL5] the store drops created shares of that team only, in the removal itself', async () => {
    await start()
    const member = await signUpInvited(server.url, admin, teamId, 'Member')
    const other = await createTeam(admin, 'Other desk')
    await joinByInvite(admin, other, member)
    const here = await createBriefingAs(member, 'Here', { teamId })
    const there = await createBriefingAs(member, 'There', { teamId: other })
    const rows = () =>
      server.stores.sql.all<{ briefing_id: string; source: string }>(
        'SELECT briefing_id, source FROM briefing_shares WHERE user_id = ? ORDER BY briefing_id',
        [member.id],
      )
    expect((await rows()).map((r) => r.source)).toEqual(['created', 'created'])
    expect(await server.stores.teams.removeMember(teamId, member.id)).toBe(true)
    expect(await rows()).toEqual([{ briefing_id: there, source: 'created' }])
    expect((await member.api(`/api/briefings/${here}`)).status).toBe(404)
    expect(await server.stores.teams.removeMember(teamId, member.id)).toBe(false)
  })
})

describe('[TL] leaving a team, two instances linked by Redis', () => {
  let schema: TestSchema
  let redis: RedisProcess
  const servers: TestServer[] = []
  const sockets: RawClient[] = []

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.ws.close()
    for (const server of servers.splice(0)) await server.close()
    await redis?.kill()
    await schema?.drop()
  })

  it('[TL6] a removal made on one instance closes the creator’s socket on the other', async () => {
    ;[schema, redis] = await Promise.all([createTestSchema(), startRedis()])
    const options = { databaseUrl: schema.url, redisUrl: redis.url }
    const a = await startTestServer(options)
    servers.push(a)
    const b = await startTestServer(options)
    servers.push(b)
    const admin = await signUp(a.url, { name: 'Team Admin' })
    const teamId = await createTeam(admin, 'Desk')
    const creator = await signUpInvited(a.url, admin, teamId, 'Creator')
    const briefingId = await createBriefingAs(creator, 'Open elsewhere', {
      teamId,
      teamRole: 'none',
    })
    const onB = cookieClient(b, briefingId, userFor(b.url, creator))
    sockets.push(onB)
    expect(await onB.outcome).toBe('open')

    await removeMember(admin, teamId, creator)
    expect(await waitFor(() => onB.closeCode, 'the socket on instance B closed')).toBe(
      CloseCode.Forbidden,
    )
    const again = cookieClient(b, briefingId, userFor(b.url, creator))
    sockets.push(again)
    expect(await again.outcome).toBe(403)
  })
})
