/**
 * [BL] GET /api/briefings sorts by last edit, creation or title and filters by team, "mine"
 * and "shared with me", on SQLite and PostgreSQL; the list page applies the same function
 * (shared/briefing/listView.ts) to the same list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestSchema, type TestSchema } from '../helpers/postgres'
import { startTestServer, type TestServer } from '../helpers/server'
import { createBriefingAs, signUp, type TestUser } from '../helpers/users'

describe.each(['sqlite', 'postgres'] as const)('[BL] the briefing list on %s', (backend) => {
  let schema: TestSchema | undefined
  let server: TestServer
  let ada: TestUser
  let grace: TestUser

  beforeAll(async () => {
    schema = backend === 'postgres' ? await createTestSchema() : undefined
    // Every reading of the clock is a second later, so each write has its own time.
    let clock = Date.parse('2030-01-01T09:00:00Z')
    server = await startTestServer({
      ...(schema ? { databaseUrl: schema.url } : {}),
      now: () => {
        clock += 1_000
        return new Date(clock)
      },
    })
    ada = await signUp(server.url, { name: 'Ada' })
    grace = await signUp(server.url, { name: 'Grace' })
    const beta = await createBriefingAs(ada, 'beta')
    await createBriefingAs(ada, 'Älpha')
    await createBriefingAs(ada, 'gamma 10')
    await createBriefingAs(ada, 'gamma 2')
    const outside = await createBriefingAs(grace, 'Outside view')
    await grace.api(`/api/briefings/${outside}/shares`, {
      method: 'PUT',
      body: { email: ada.email, role: 'viewer' },
    })
    await createBriefingAs(grace, 'Grace alone')
    await ada.api(`/api/briefings/${beta}`, { method: 'PATCH', body: { title: 'beta (edited)' } })
  })
  afterAll(async () => {
    await server?.close()
    await schema?.drop()
  })

  async function titles(user: TestUser, query: string): Promise<string[]> {
    const res = await user.api(`/api/briefings${query}`)
    expect(res.status).toBe(200)
    return ((await res.json()) as { briefings: Array<{ title: string }> }).briefings.map(
      (b) => b.title,
    )
  }

  it('[BL1] sorts by last edit by default, by creation, and by title as people read it', async () => {
    const byEdit = ['beta (edited)', 'Outside view', 'gamma 2', 'gamma 10', 'Älpha']
    expect(await titles(ada, '')).toEqual(byEdit)
    expect(await titles(ada, '?sort=updated')).toEqual(byEdit)
    expect(await titles(ada, '?sort=created')).toEqual([
      'Outside view',
      'gamma 2',
      'gamma 10',
      'Älpha',
      'beta (edited)',
    ])
    expect(await titles(ada, '?sort=title')).toEqual([
      'Älpha',
      'beta (edited)',
      'gamma 2',
      'gamma 10',
      'Outside view',
    ])
  })

  it('[BL2] filters to mine, to shared with me, and to one team', async () => {
    expect(await titles(ada, '?show=mine&sort=title')).toEqual([
      'Älpha',
      'beta (edited)',
      'gamma 2',
      'gamma 10',
    ])
    expect(await titles(ada, '?show=shared')).toEqual(['Outside view'])
    expect(await titles(ada, `?team=${ada.personalTeamId}&sort=title`)).toEqual([
      'Älpha',
      'beta (edited)',
      'gamma 2',
      'gamma 10',
    ])
    expect(await titles(ada, `?team=${grace.personalTeamId}`)).toEqual(['Outside view'])
    // Grace made it, so it is hers, not shared with her.
    expect(await titles(grace, '?show=shared')).toEqual([])
    expect(await titles(grace, '?show=mine&sort=title')).toEqual(['Grace alone', 'Outside view'])
  })

  it('[BL3] an unknown sort, filter or parameter is a 400 naming it', async () => {
    for (const [query, field] of [
      ['?sort=size', 'sort'],
      ['?show=everything', 'show'],
      ['?team=', 'team'],
      ['?colour=red', 'colour'],
    ] as const) {
      const res = await ada.api(`/api/briefings${query}`)
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ error: { code: 'invalid_input', field } })
    }
  })
})
