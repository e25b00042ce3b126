/**
 * [SRCH] GET /api/search on a real server, on SQLite and on PostgreSQL: the index follows the
 * server's own writes (typing through a real y-websocket client, an imported source, a
 * rename, a deletion), and answers only from what the caller may read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SearchResult } from '../../shared/api/search'
import { appendParagraph, connectClient, type TestClient, waitSynced } from '../helpers/clients'
import { createTestSchema, type TestSchema } from '../helpers/postgres'
import { startTestServer, type TestServer } from '../helpers/server'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

describe.each(['sqlite', 'postgres'] as const)('[SRCH] search over HTTP on %s', (backend) => {
  let schema: TestSchema | undefined
  let server: TestServer
  let ada: TestUser
  let grace: TestUser
  const clients: TestClient[] = []

  beforeAll(async () => {
    schema = backend === 'postgres' ? await createTestSchema() : undefined
    server = await startTestServer({
      ...(schema ? { databaseUrl: schema.url } : {}),
      search: { delayMs: 20, maxWaitMs: 200 },
    })
    ada = await signUp(server.url, { name: 'Ada' })
    grace = await signUp(server.url, { name: 'Grace' })
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server?.close()
    await schema?.drop()
  })

  async function search(user: TestUser, q: string): Promise<SearchResult[]> {
    const res = await user.api(`/api/search?q=${encodeURIComponent(q)}`)
    expect(res.status, await res.clone().text()).toBe(200)
    return ((await res.json()) as { results: SearchResult[] }).results
  }

  const found = (results: SearchResult[]) =>
    results.map((r) => `${r.type}:${r.briefingTitle}${r.sourceId ? `/${r.title}` : ''}`).sort()

  async function type(user: TestUser, briefingId: string, text: string) {
    const token = await collabToken(user, briefingId)
    const client = connectClient(server.wsUrl, briefingId, { params: { token } })
    clients.push(client)
    await waitSynced(client)
    appendParagraph(client, text)
    return client
  }

  it('[SRCH1] finds what was typed in a briefing, with the matched word highlighted', async () => {
    const id = await createBriefingAs(ada, 'Harbour note')
    await type(ada, id, 'The dockworkers will return to the cranes on Monday.')
    const results = await waitFor(async () => {
      const hits = await search(ada, 'dockwork')
      return hits.length > 0 ? hits : null
    }, 'the typed text is indexed')
    expect(results).toHaveLength(1)
    const [hit] = results
    expect(hit).toMatchObject({ type: 'briefing', briefingId: id, title: 'Harbour note' })
    expect(hit!.highlights).toHaveLength(1)
    const [start, end] = hit!.highlights[0]!
    expect(hit!.snippet.slice(start, end)).toBe('dockworkers')
  })

  // An import parses in a worker thread: on a loaded two-core machine it alone can take 30 s.
  it(
    '[SRCH2] finds an imported source by its text and by its title',
    { timeout: 120_000 },
    async () => {
      const id = await createBriefingAs(ada, 'Grain corridor')
      const res = await ada.api(`/api/briefings/${id}/sources`, {
        method: 'POST',
        body: { type: 'text', text: 'Silos at the port of Odesa were full again, officials said.' },
      })
      expect(res.status).toBe(201)
      const { source } = (await res.json()) as { source: { id: string; title: string } }
      const hits = await waitFor(
        async () => {
          const results = await search(ada, 'silos')
          return results.length > 0 ? results : null
        },
        'the source is indexed',
        { timeoutMs: 45_000 },
      )
      expect(hits).toEqual([
        expect.objectContaining({ type: 'source', briefingId: id, sourceId: source.id }),
      ])
      await ada.api(`/api/briefings/${id}/sources/${source.id}`, {
        method: 'PATCH',
        body: { title: 'Port bulletin' },
      })
      await waitFor(
        async () =>
          found(await search(ada, 'bulletin')).includes('source:Grain corridor/Port bulletin'),
        'the corrected source title is indexed',
        { timeoutMs: 45_000 },
      )
    },
  )

  it('[SRCH3] never answers with a briefing the caller may not read', async () => {
    const id = await createBriefingAs(ada, 'Confidential lighthouse memo')
    await type(ada, id, 'Keepers of the lighthouse were told nothing.')
    await waitFor(async () => (await search(ada, 'keepers')).length === 1, 'indexed for Ada')
    expect(await search(grace, 'lighthouse')).toEqual([])
    expect(await search(grace, 'keepers')).toEqual([])

    const share = await ada.api(`/api/briefings/${id}/shares`, {
      method: 'PUT',
      body: { email: grace.email, role: 'viewer' },
    })
    expect(share.status).toBe(200)
    expect(found(await search(grace, 'keepers'))).toEqual(['briefing:Confidential lighthouse memo'])

    const unshare = await ada.api(`/api/briefings/${id}/shares/${grace.id}`, { method: 'DELETE' })
    expect(unshare.status).toBe(204)
    expect(await search(grace, 'keepers')).toEqual([])
  })

  it('[SRCH4] a team briefing kept from the team (role none) is found by nobody else in it', async () => {
    const teamRes = await ada.api('/api/teams', { method: 'POST', body: { name: 'Desk' } })
    const team = (await teamRes.json()) as { id: string }
    const inviteRes = await ada.api(`/api/teams/${team.id}/invites`, {
      method: 'POST',
      body: { email: grace.email },
    })
    const invite = (await inviteRes.json()) as { token: string }
    expect(
      (await grace.api(`/api/invites/${invite.token}/accept`, { method: 'POST' })).status,
    ).toBe(200)
    await createBriefingAs(ada, 'Walrus census open', { teamId: team.id })
    await createBriefingAs(ada, 'Walrus census private', { teamId: team.id, teamRole: 'none' })
    expect(found(await search(grace, 'walrus'))).toEqual(['briefing:Walrus census open'])
    expect(found(await search(ada, 'walrus'))).toEqual([
      'briefing:Walrus census open',
      'briefing:Walrus census private',
    ])
  })

  it('[SRCH5] follows a rename at once and forgets a deleted briefing', async () => {
    const id = await createBriefingAs(ada, 'Provisional heading')
    expect(found(await search(ada, 'provisional'))).toEqual(['briefing:Provisional heading'])
    await ada.api(`/api/briefings/${id}`, { method: 'PATCH', body: { title: 'Final zeppelin' } })
    expect(await search(ada, 'provisional')).toEqual([])
    expect(found(await search(ada, 'zeppelin'))).toEqual(['briefing:Final zeppelin'])
    expect((await ada.api(`/api/briefings/${id}`, { method: 'DELETE' })).status).toBe(204)
    expect(await search(ada, 'zeppelin')).toEqual([])
  })

  it('[SRCH6] a query with no words or too long, or a bad limit, is a 400 naming it; operators are words', async () => {
    for (const q of ['', '  !!! ', 'x'.repeat(201)]) {
      const res = await ada.api(`/api/search?q=${encodeURIComponent(q)}`)
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ error: { code: 'invalid_input', field: 'q' } })
    }
    const missing = await ada.api('/api/search')
    expect(missing.status).toBe(400)
    for (const limit of ['0', '51', 'ten', '1e1']) {
      const res = await ada.api(`/api/search?q=word&limit=${limit}`)
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ error: { field: 'limit' } })
    }
    expect((await ada.api('/api/search?q=word&limit=50')).status).toBe(200)
    // FTS5 and tsquery syntax in the box is read as words, never as a query language.
    for (const q of ['"unbalanced', 'a:* & !b', 'NEAR(x y)', "o'brien -- OR *"]) {
      expect((await ada.api(`/api/search?q=${encodeURIComponent(q)}`)).status).toBe(200)
    }
  })
})
