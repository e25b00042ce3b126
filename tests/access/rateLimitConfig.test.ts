/** [RL] The API rate limit follows configuration: a low limit answers 429 JSON, 0 switches it off. */
import { afterEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/server'

describe('API rate limit configuration', () => {
  let server: TestServer
  afterEach(async () => {
    await server.close()
  })

  it('[RL1] a limit of 3 per minute refuses the fourth request with a JSON 429', async () => {
    server = await startTestServer({ limits: { apiPerMinute: 3 } })
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${server.url}/api/auth/config`)).status)
    expect(statuses).toEqual([200, 200, 200, 429])
    const res = await fetch(`${server.url}/api/auth/config`)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited')
  })

  it('[RL2] 0 switches the limit off', async () => {
    server = await startTestServer({ limits: { apiPerMinute: 0 } })
    for (let i = 0; i < 30; i++)
      expect((await fetch(`${server.url}/api/auth/config`)).status).toBe(200)
    expect(
      (await fetch(`${server.url}/api/auth/config`)).headers.get('ratelimit-policy'),
    ).toBeNull()
  })
})
