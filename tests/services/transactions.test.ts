/**
 * [SV1]-[SV3] What one request writes commits together or not at all. A trigger in the real
 * database refuses the request's second write; nothing of the first may be left behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/server'
import { signUp, type TestUser } from '../helpers/users'

async function count(server: TestServer, sql: string, params: unknown[]): Promise<number> {
  return Number((await server.stores.sql.get<{ n: number }>(sql, params))?.n)
}

describe('services: one transaction per action', () => {
  let server: TestServer
  let owner: TestUser
  beforeAll(async () => {
    server = await startTestServer()
    owner = await signUp(server.url, { name: 'Owner' })
    const { sql } = server.stores
    await sql.run(`CREATE TRIGGER refuse_doomed_team_admin BEFORE INSERT ON team_members
      WHEN NEW.team_id IN (SELECT id FROM teams WHERE name = 'Doomed team')
      BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END`)
    await sql.run(`CREATE TRIGGER refuse_doomed_share BEFORE INSERT ON briefing_shares
      WHEN NEW.briefing_id IN (SELECT id FROM briefings WHERE title = 'Doomed briefing')
      BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END`)
    await sql.run(`CREATE TRIGGER refuse_doomed_personal_team BEFORE INSERT ON teams
      WHEN NEW.name = 'Doomed''s briefings'
      BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END`)
  })
  afterAll(async () => {
    await server?.close()
  })

  it('[SV1] a team and its first admin are created together', async () => {
    const res = await owner.api('/api/teams', { method: 'POST', body: { name: 'Doomed team' } })
    expect(res.status).toBe(500)
    expect(
      await count(server, 'SELECT COUNT(*) AS n FROM teams WHERE name = ?', ['Doomed team']),
    ).toBe(0)
    const ok = await owner.api('/api/teams', { method: 'POST', body: { name: 'Fine team' } })
    expect(ok.status).toBe(201)
  })

  it('[SV2] a briefing and its creator’s owner share are created together', async () => {
    const res = await owner.api('/api/briefings', {
      method: 'POST',
      body: { title: 'Doomed briefing' },
    })
    expect(res.status).toBe(500)
    const left = 'SELECT COUNT(*) AS n FROM briefings WHERE title = ?'
    expect(await count(server, left, ['Doomed briefing'])).toBe(0)
  })

  it('[SV3] an account and its personal team are created together', async () => {
    const res = await fetch(`${server.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({
        email: 'doomed@example.com',
        name: 'Doomed',
        password: 'correct horse battery',
      }),
    })
    expect(res.status).toBe(500)
    const users = 'SELECT COUNT(*) AS n FROM users WHERE email = ?'
    expect(await count(server, users, ['doomed@example.com'])).toBe(0)
  })
})
