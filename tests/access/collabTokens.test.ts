/**
 * [CT] Collab tokens (`?token=` on the WebSocket URL): short-lived, signed, bound to one
 * user, one briefing, a role and the session or API token that minted them. Every refusal
 * is an HTTP response to the upgrade, never a socket.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { COLLAB_TOKEN_TTL_MS } from '../../server/auth/collabToken'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { startTestServer, type TestServer } from '../helpers/server'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'
import { apiToken, bearer, collabTokenWithBearer, share, unshare } from './people'
import {
  permissionDenials,
  type RawClient,
  roomText,
  storedText,
  tokenClient,
  tryWrite,
} from './support'

const START = Date.parse('2030-01-01T09:00:00.000Z')

describe('[CT] collab tokens', () => {
  let server: TestServer
  let clock: number
  let owner: TestUser
  let briefingId: string
  const sockets: RawClient[] = []

  const open = (token: string, id = briefingId) => {
    const client = tokenClient(server, id, token)
    sockets.push(client)
    return client
  }

  /** The refusal of an upgrade: status and the reason in its JSON body. */
  const refused = async (token: string, id = briefingId) => {
    const client = open(token, id)
    const outcome = await client.outcome
    expect(outcome, 'the upgrade must be refused').not.toBe('open')
    return { status: outcome, reason: JSON.parse(client.refusal!).error.message as string }
  }

  const expectDropped = async (client: RawClient, text: string) => {
    expect(await tryWrite(server, briefingId, client, text)).toBe('dropped')
    expect(client.ws.readyState).toBe(client.ws.OPEN)
    expect(roomText(server, briefingId)).not.toContain(text)
    expect(await storedText(server, briefingId)).not.toContain(text)
  }

  beforeEach(async () => {
    clock = START
    server = await startTestServer({ now: () => new Date(clock) })
    owner = await signUp(server.url, { name: 'Owner' })
    briefingId = await createBriefingAs(owner, 'Token briefing')
  })

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.ws.close()
    await server.close()
    vi.restoreAllMocks()
  })

  it('[CT1] a token works until it expires, then the upgrade is 401', async () => {
    const res = await owner.api(`/api/briefings/${briefingId}/collab-token`, { method: 'POST' })
    const { token, expiresAt } = (await res.json()) as { token: string; expiresAt: string }
    expect(Date.parse(expiresAt)).toBe(START + COLLAB_TOKEN_TTL_MS)

    clock = START + COLLAB_TOKEN_TTL_MS - 1
    expect(await open(token).outcome).toBe('open')
    clock = START + COLLAB_TOKEN_TTL_MS
    expect(await refused(token)).toEqual({ status: 401, reason: 'token expired' })
  })

  it('[CT2] a tampered, re-signed or malformed token is 401', async () => {
    const token = await collabToken(owner, briefingId)
    const [payload, signature] = token.split('.') as [string, string]
    // A middle character: the last one of a base64url string may only carry padding bits.
    const flip = (s: string, at: number) =>
      s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1)
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    const other = await createBriefingAs(owner, 'Other')
    const swapped = Buffer.from(JSON.stringify({ ...claims, b: other })).toString('base64url')

    const bad = { status: 401, reason: 'bad signature' }
    expect(await refused(`${flip(payload, 10)}.${signature}`)).toEqual(bad)
    expect(await refused(`${payload}.${flip(signature, 10)}`)).toEqual(bad)
    expect(await refused(`${swapped}.${signature}`, other)).toEqual(bad)
    const longer = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 86_400_000 }))
    expect(await refused(`${longer.toString('base64url')}.${signature}`)).toEqual(bad)
    expect(await refused('not-a-token')).toEqual({ status: 401, reason: 'malformed token' })
    expect(await refused(`${token}.extra`)).toEqual({ status: 401, reason: 'malformed token' })
    // The genuine token still opens, so the refusals above were about the tampering.
    expect(await open(token).outcome).toBe('open')
  })

  it('[CT3] a token for another briefing is 403, even for the owner of both', async () => {
    const other = await createBriefingAs(owner, 'Other')
    const token = await collabToken(owner, briefingId)
    expect(await refused(token, other)).toEqual({
      status: 403,
      reason: 'token is for another briefing',
    })
  })

  it('[CT4] signing out ends the token: new upgrades 401, open sockets close 4401', async () => {
    const token = await collabToken(owner, briefingId)
    const live = open(token)
    expect(await live.outcome).toBe('open')
    expect((await owner.api('/api/auth/logout', { method: 'POST' })).status).toBe(204)
    expect(await waitFor(() => live.closeCode, 'socket closed on sign-out')).toBe(
      CloseCode.Unauthorized,
    )
    expect(await refused(token)).toEqual({
      status: 401,
      reason: 'the sign-in that issued this token has ended',
    })
  })

  it('[CT5] a read-only API token mints reader tokens: writes are dropped, and stay so', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const readOnly = await apiToken(owner, 'dashboard', true)
    const minted = await collabTokenWithBearer(server.url, readOnly.token, briefingId)
    expect(minted.role).toBe('viewer')
    const reader = open(minted.token)
    expect(await reader.outcome).toBe('open')
    await reader.barrier()
    await expectDropped(reader, 'written through a read-only API token')

    // A role re-check on the room must not ask the read-only credential to "upgrade" (4409):
    // the owner is still an owner, but the credential itself may only read.
    const editor = await signUp(server.url, { name: 'Editor' })
    await share(owner, briefingId, editor, 'editor')
    const editorSocket = open(await collabToken(editor, briefingId))
    expect(await editorSocket.outcome).toBe('open')
    await share(owner, briefingId, editor, 'viewer')
    await waitFor(() => permissionDenials(editorSocket.received).length > 0, 'editor downgraded')
    await reader.barrier()
    expect(reader.closeCode).toBeNull()

    // And over REST the same credential may only read.
    const rest = (method: string, path: string, body?: unknown) =>
      bearer(server.url, readOnly.token, path, { method, body }).then((r) => r.status)
    expect(await rest('GET', `/api/briefings/${briefingId}`)).toBe(200)
    expect(await rest('PATCH', `/api/briefings/${briefingId}`, { title: 'x' })).toBe(403)
  })

  it('[CT6] a token of someone whose access was removed since is 403', async () => {
    const viewer = await signUp(server.url, { name: 'Viewer' })
    await share(owner, briefingId, viewer, 'viewer')
    const token = await collabToken(viewer, briefingId)
    await unshare(owner, briefingId, viewer)
    expect(await refused(token)).toEqual({ status: 403, reason: 'no access to this briefing' })
  })

  it('[CT7] revoking the API token that minted a collab token ends both', async () => {
    const api = await apiToken(owner, 'bot')
    const { token } = await collabTokenWithBearer(server.url, api.token, briefingId)
    const live = open(token)
    expect(await live.outcome).toBe('open')
    expect((await owner.api(`/api/auth/tokens/${api.id}`, { method: 'DELETE' })).status).toBe(204)
    expect(await waitFor(() => live.closeCode, 'socket closed on revoke')).toBe(
      CloseCode.Unauthorized,
    )
    expect((await refused(token)).status).toBe(401)
  })

  it('[CT8] a token grants the lesser of its minted role and the current one', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const user = await signUp(server.url, { name: 'Colleague' })
    await share(owner, briefingId, user, 'viewer')
    const viewerToken = await collabToken(user, briefingId)
    await share(owner, briefingId, user, 'editor')
    const editorToken = await collabToken(user, briefingId)

    const stale = open(viewerToken)
    expect(await stale.outcome).toBe('open')
    await expectDropped(stale, 'through a token minted as viewer')
    const fresh = open(editorToken)
    expect(await fresh.outcome).toBe('open')
    expect(await tryWrite(server, briefingId, fresh, 'through a token minted as editor')).toBe(
      'written',
    )

    await share(owner, briefingId, user, 'viewer')
    const downgraded = open(editorToken)
    expect(await downgraded.outcome).toBe('open')
    await expectDropped(downgraded, 'through an editor token after the downgrade')
  })
})
