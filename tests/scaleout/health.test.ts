/** [HZ] /healthz: the store decides up or down; Redis is reported, never fatal. */
import { afterEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'
import { health } from './cluster'
import { freePort } from './processes'

describe('/healthz', () => {
  let server: TestServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  it('[HZ1] reports the store, and Redis as null when none is configured', async () => {
    server = await startTestServer()
    expect(await health(server.url)).toEqual({
      status: 200,
      body: { ok: true, store: { backend: 'sqlite', ok: true }, redis: null },
    })
  })

  it('[HZ2] answers 503 when the store does not', async () => {
    server = await startTestServer()
    server.stores.documents.ping = () => Promise.reject(new Error('store down'))
    expect(await health(server.url)).toEqual({
      status: 503,
      body: { ok: false, store: { backend: 'sqlite', ok: false }, redis: null },
    })
  })

  it('[HZ3] starts and serves with Redis unreachable, reporting it degraded', async () => {
    // Nothing listens there: the fan-out keeps retrying in the background.
    server = await startTestServer({ redisUrl: `redis://127.0.0.1:${await freePort()}` })
    await waitFor(
      () =>
        server?.log.lines.some((line) => line.msg?.toString().startsWith('redis connection lost')),
      'the outage is logged',
    )
    expect(await health(server.url)).toEqual({
      status: 200,
      body: { ok: true, store: { backend: 'sqlite', ok: true }, redis: { ok: false } },
    })
  })
})
