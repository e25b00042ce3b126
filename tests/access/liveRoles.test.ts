/**
 * [LR] Role changes bite on sockets that are already open, for browser sockets (session
 * cookie) and script sockets (collab token) alike:
 * - downgraded to reading: the same socket stays open, later edits are dropped, the client
 *   is told "permission denied" and still receives everyone else's edits;
 * - access removed (share deleted, team membership removed, team default set to none):
 *   closed with 4403;
 * - upgraded to writing: closed with 4409, and the reconnected client writes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { startTestServer, type TestServer } from '../helpers/server'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'
import {
  createTeam,
  removeMember,
  setMemberRole,
  setTeamDefault,
  share,
  signUpInvited,
  unshare,
} from './people'
import { type ProviderClient, permissionDenials, providerClient, storedText } from './support'

type Via = 'cookie' | 'token'

describe.each<Via>(['cookie', 'token'])('[LR] live role changes (%s sockets)', (via) => {
  let server: TestServer
  let admin: TestUser
  let teamId: string
  let briefingId: string
  let observer: ProviderClient
  const clients: ProviderClient[] = []
  let edits = 0

  /** Connects `user` the way this suite's transport does; reconnects after 4409 by itself. */
  const connect = async (user: TestUser): Promise<ProviderClient> => {
    const client =
      via === 'cookie'
        ? providerClient(server, briefingId, { cookie: user.cookie }, { reconnectOn: [4409] })
        : providerClient(server, briefingId, { token: await collabToken(user, briefingId) })
    clients.push(client)
    await waitFor(() => client.provider.synced, `${user.name} synced`)
    return client
  }

  /** A script holding a collab token mints a fresh one to reconnect; a browser reconnects. */
  const reconnect = async (user: TestUser, old: ProviderClient): Promise<ProviderClient> => {
    if (via === 'cookie') {
      await waitFor(
        () => old.provider.synced && old.sockets.length > 1,
        'cookie client reconnected',
      )
      return old
    }
    old.destroy()
    return connect(user)
  }

  const closedWith = async (client: ProviderClient, code: number) => {
    const socket = client.sockets[0]!
    expect(await waitFor(() => socket.closeCode, `socket closed with ${code}`)).toBe(code)
  }

  const expectLanded = async (text: string) => {
    await waitFor(() => observer.text().includes(text), `observer sees "${text}"`)
    expect(await storedText(server, briefingId)).toContain(text)
  }

  /** The client's edit is dropped on an open socket, and it still gets others' edits. */
  const expectDroppedInPlace = async (client: ProviderClient, text: string) => {
    const socketsBefore = client.sockets.length
    client.write(text)
    await client.barrier()
    const later = `observer edit ${++edits}`
    observer.write(later)
    await waitFor(() => client.text().includes(later), 'the reader still receives live edits')
    expect(client.sockets).toHaveLength(socketsBefore)
    expect(client.current().closeCode).toBeNull()
    expect(observer.text()).not.toContain(text)
    expect(await storedText(server, briefingId)).not.toContain(text)
  }

  beforeEach(async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    server = await startTestServer()
    admin = await signUp(server.url, { name: 'Team Admin' })
    teamId = await createTeam(admin, 'Desk')
    briefingId = await createBriefingAs(admin, 'Live roles', { teamId, teamRole: 'none' })
    observer = await connect(admin)
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    vi.restoreAllMocks()
  })

  it('[LR1] an editor downgraded to viewer keeps the socket; the next edit is dropped', async () => {
    const editor = await signUp(server.url, { name: 'Editor' })
    await share(admin, briefingId, editor, 'editor')
    const client = await connect(editor)
    client.write('before the downgrade')
    await expectLanded('before the downgrade')

    await share(admin, briefingId, editor, 'viewer')
    await waitFor(
      () =>
        permissionDenials(client.current().received).some((r) => r.includes('role was changed')),
      'the editor is told they now read only',
    )
    expect(client.sockets).toHaveLength(1)
    await expectDroppedInPlace(client, 'after the downgrade')
  })

  it('[LR2] a viewer whose share is deleted is disconnected with 4403', async () => {
    const viewer = await signUp(server.url, { name: 'Viewer' })
    await share(admin, briefingId, viewer, 'viewer')
    const client = await connect(viewer)
    await unshare(admin, briefingId, viewer)
    await closedWith(client, CloseCode.Forbidden)
    expect((await viewer.api(`/api/briefings/${briefingId}`)).status).toBe(404)
  })

  it('[LR3] a team member removed from the team is disconnected with 4403', async () => {
    await setTeamDefault(admin, briefingId, 'viewer')
    const member = await signUpInvited(server.url, admin, teamId, 'Member')
    const client = await connect(member)
    await removeMember(admin, teamId, member)
    await closedWith(client, CloseCode.Forbidden)
    expect((await member.api(`/api/briefings/${briefingId}`)).status).toBe(404)
  })

  it('[LR4] changing the team default role reaches every member on an open socket', async () => {
    await setTeamDefault(admin, briefingId, 'editor')
    const member = await signUpInvited(server.url, admin, teamId, 'Member')
    const other = await signUpInvited(server.url, admin, teamId, 'Other member')
    let client = await connect(member)
    const second = await connect(other)
    client.write('member edit while editor')
    await expectLanded('member edit while editor')

    await setTeamDefault(admin, briefingId, 'viewer')
    await waitFor(
      () => [client, second].every((c) => permissionDenials(c.current().received).length > 0),
      'both members are told they now read only',
    )
    await expectDroppedInPlace(client, 'member edit while viewer')
    await expectDroppedInPlace(second, 'other member edit while viewer')

    await setTeamDefault(admin, briefingId, 'editor')
    await closedWith(client, CloseCode.WriteAccessGranted)
    client = await reconnect(member, client)
    client.write('member edit after the upgrade')
    await expectLanded('member edit after the upgrade')

    const current = client.current()
    await setTeamDefault(admin, briefingId, 'none')
    expect(await waitFor(() => current.closeCode, 'closed')).toBe(CloseCode.Forbidden)
  })

  it('[LR5] a viewer upgraded to editor is closed with 4409 and writes after reconnecting', async () => {
    const viewer = await signUp(server.url, { name: 'Viewer' })
    await share(admin, briefingId, viewer, 'viewer')
    let client = await connect(viewer)
    await expectDroppedInPlace(client, 'viewer edit')

    await share(admin, briefingId, viewer, 'editor')
    await closedWith(client, CloseCode.WriteAccessGranted)
    client = await reconnect(viewer, client)
    client.write('editor edit after reconnecting')
    await expectLanded('editor edit after reconnecting')
  })

  it('[LR6] a member promoted to team admin owns the briefing: 4409, then writes', async () => {
    await setTeamDefault(admin, briefingId, 'viewer')
    const member = await signUpInvited(server.url, admin, teamId, 'Member')
    let client = await connect(member)
    await setMemberRole(admin, teamId, member, 'admin')
    await closedWith(client, CloseCode.WriteAccessGranted)
    client = await reconnect(member, client)
    client.write('new admin edit')
    await expectLanded('new admin edit')
  })
})
