/** [SS] A socket opened with a browser session does not outlive the session. */
import { afterEach, describe, expect, it } from 'vitest'
import { SESSION_TTL_MS } from '../../server/services/accounts'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { startTestServer, type TestServer } from '../helpers/server'
import { createBriefingAs, signUp } from '../helpers/users'
import { cookieClient } from './support'

describe('session sweep', () => {
  let server: TestServer
  afterEach(async () => {
    await server.close()
  })

  it('[SS1] an expired session closes its open sockets with 4401; a live one stays', async () => {
    let clock = Date.parse('2026-11-26T09:00:00Z')
    server = await startTestServer({ now: () => new Date(clock), sessionSweepMs: 20 })
    const expiring = await signUp(server.url, { name: 'Expiring' })
    const id = await createBriefingAs(expiring)
    const socket = cookieClient(server, id, expiring)
    expect(await socket.outcome).toBe('open')
    await socket.barrier()
    // Another user signs up later, so their session outlives the first one.
    clock += SESSION_TTL_MS / 2
    const fresh = await signUp(server.url, { name: 'Fresh' })
    const other = await createBriefingAs(fresh)
    const freshSocket = cookieClient(server, other, fresh)
    expect(await freshSocket.outcome).toBe('open')
    clock += SESSION_TTL_MS / 2 + 1
    const closed = await socket.closed
    expect(closed.code).toBe(CloseCode.Unauthorized)
    await freshSocket.barrier()
    expect(freshSocket.closeCode).toBeNull()
    freshSocket.ws.close()
  })
})
