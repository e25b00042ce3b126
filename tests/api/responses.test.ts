/**
 * [API4] What the server answers is what the contract says: every JSON route with a response
 * schema is called on a real server and its body parsed with that schema (shared/api/routes.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROUTES } from '../../shared/api/routes'
import { appendParagraph, connectClient, waitSynced } from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/server'
import { signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

/** The route contract `path` (a concrete URL path) answers for. */
function contractOf(method: string, url: string) {
  const path = url.split('?')[0]!
  return ROUTES.find(
    (route) =>
      route.method === method &&
      new RegExp(`^${route.path.replace(/:[A-Za-z]+/g, '[^/]+')}$`).test(path),
  )
}

describe('responses follow the contract', () => {
  let server: TestServer
  let admin: TestUser
  let member: TestUser
  const checked = new Set<string>()

  /** Calls the route as `user`, expects `status`, and parses the body with its schema. */
  async function call(
    user: TestUser,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    status: number,
    body?: unknown,
  ): Promise<Record<string, unknown>> {
    const res = await user.api(url, { method, body })
    const text = await res.text()
    expect({ url, status: res.status }, text).toEqual({ url, status })
    const contract = contractOf(method, url)
    expect(contract, `${method} ${url} is in the contract`).toBeDefined()
    const json = JSON.parse(text)
    const parsed = contract!.response!.safeParse(json)
    expect(parsed.error?.issues ?? [], `${method} ${url}`).toEqual([])
    checked.add(`${contract!.method} ${contract!.path}`)
    return json
  }

  beforeAll(async () => {
    server = await startTestServer()
    admin = await signUp(server.url, { name: 'Admin' })
    member = await signUp(server.url, { name: 'Member' })
  })
  afterAll(async () => {
    await server?.close()
  })

  it('[API4] every JSON route answers a body its response schema accepts', async () => {
    await call(admin, 'GET', '/api/auth/config', 200)
    await call(admin, 'GET', '/api/auth/me', 200)
    await call(admin, 'PATCH', '/api/auth/me', 200, { name: 'Admin Two' })
    await call(admin, 'POST', '/api/auth/tokens', 201, { name: 'CI' })
    await call(admin, 'GET', '/api/auth/tokens', 200)

    const team = await call(admin, 'POST', '/api/teams', 201, { name: 'Desk' })
    await call(admin, 'GET', '/api/teams', 200)
    const invite = await call(admin, 'POST', `/api/teams/${team.id}/invites`, 201, {
      email: member.email,
    })
    await call(admin, 'GET', `/api/teams/${team.id}`, 200)
    await call(member, 'GET', `/api/invites/${invite.token}`, 200)
    await call(member, 'POST', `/api/invites/${invite.token}/accept`, 200)
    await call(admin, 'PATCH', `/api/teams/${team.id}/members/${member.id}`, 200, {
      role: 'admin',
    })
    await call(admin, 'GET', `/api/teams/${team.id}/audit?limit=5`, 200)

    const briefing = await call(admin, 'POST', '/api/briefings', 201, { title: 'Outlook' })
    const at = `/api/briefings/${briefing.id}`
    await call(admin, 'GET', '/api/briefings', 200)
    await call(admin, 'GET', at, 200)
    await call(admin, 'PATCH', at, 200, { title: 'Outlook 2', teamRole: 'viewer' })
    await call(admin, 'PUT', `${at}/shares`, 200, { email: member.email, role: 'viewer' })
    await call(admin, 'GET', `${at}/shares`, 200)
    const { token } = await call(admin, 'POST', `${at}/collab-token`, 201)
    const { source } = await call(admin, 'POST', `${at}/sources`, 201, {
      type: 'text',
      text: '“We will not yield,” said the minister. The talks resume on Monday.',
    })
    const sourceId = (source as { id: string }).id
    await call(admin, 'PATCH', `${at}/sources/${sourceId}`, 200, { title: 'Talks' })
    await call(admin, 'GET', `${at}/sources`, 200)
    await call(admin, 'GET', `${at}/quotes/verification`, 200)
    const { version } = await call(admin, 'POST', `${at}/versions`, 201, { name: 'Tuesday' })
    const versionAt = `${at}/versions/${(version as { id: string }).id}`
    await call(admin, 'GET', `${at}/versions`, 200)
    await call(admin, 'PATCH', versionAt, 200, { name: 'Sent' })
    await call(admin, 'GET', `${versionAt}/compare/current`, 200)
    await call(admin, 'POST', `${versionAt}/restore`, 200)

    // Comments need text to anchor on, written as an editor writes it.
    const writer = connectClient(server.wsUrl, briefing.id as string, {
      params: { token: token as string },
    })
    await waitSynced(writer)
    appendParagraph(writer, 'The talks resume on Monday.')
    await waitFor(
      async () => (await (await admin.api(`${at}/content`)).text()).includes('Monday'),
      'the text is stored',
    )
    writer.destroy()
    const { thread } = await call(admin, 'POST', `${at}/comments`, 201, {
      anchor: { text: 'Monday' },
      body: 'Which Monday?',
    })
    const { id: threadId, comments } = thread as { id: string; comments: Array<{ id: string }> }
    await call(admin, 'POST', `${at}/comments/${threadId}/replies`, 201, { body: 'The 3rd.' })
    await call(admin, 'PATCH', `${at}/comments/${threadId}/comments/${comments[0]!.id}`, 200, {
      body: 'Which Monday is meant?',
    })
    await call(admin, 'PATCH', `${at}/comments/${threadId}`, 200, { status: 'resolved' })
    await call(admin, 'GET', `${at}/comments`, 200)
    await call(admin, 'GET', '/api/inbox', 200)
    await call(admin, 'GET', '/api/search?q=outlook', 200)

    await call(admin, 'GET', '/api/admin/settings', 200)
    await call(admin, 'PATCH', '/api/admin/settings', 200, { openRegistration: true })
    await call(admin, 'GET', '/api/admin/audit', 200)

    // Sign-in and registration answer as /me; checked last, as they start new sessions.
    const asNewcomer = async (path: string, body: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      const json = await res.json()
      expect(contractOf('POST', path)!.response!.safeParse(json).error?.issues ?? []).toEqual([])
      checked.add(`POST ${path}`)
    }
    await asNewcomer('/api/auth/login', { email: member.email, password: member.password })
    await asNewcomer('/api/auth/register', {
      email: 'late@example.test',
      name: 'Late',
      password: member.password,
    })

    const withSchemas = ROUTES.filter((route) => route.response).map((r) => `${r.method} ${r.path}`)
    expect(withSchemas.filter((route) => !checked.has(route))).toEqual([])
  })
})
