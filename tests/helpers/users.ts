/** Signed-in test users talking to a real server over HTTP. */
import { randomUUID } from 'node:crypto'

export interface TestUser {
  id: string
  email: string
  name: string
  password: string
  /** The session cookie header value (`briefing_session=...`). */
  cookie: string
  personalTeamId: string
  /** fetch against the server as this user (JSON bodies, cookie attached). */
  api(
    path: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>
}

export const TEST_PASSWORD = 'correct horse battery'

/** Registers a fresh user (unique e-mail) and returns them signed in. */
export async function signUp(
  baseUrl: string,
  options: { name?: string; email?: string; inviteToken?: string } = {},
): Promise<TestUser> {
  const name = options.name ?? 'Tester'
  const email =
    options.email ??
    `${name.toLowerCase().replace(/\W+/g, '')}-${randomUUID().slice(0, 8)}@example.test`
  const res = await fetch(`${baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email,
      name,
      password: TEST_PASSWORD,
      inviteToken: options.inviteToken,
    }),
  })
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`)
  const body = (await res.json()) as {
    user: { id: string }
    teams: Array<{ id: string; personal: boolean }>
  }
  const cookie = sessionCookie(res)
  return userFor(baseUrl, {
    id: body.user.id,
    email,
    name,
    password: TEST_PASSWORD,
    cookie,
    personalTeamId: body.teams.find((t) => t.personal)!.id,
  })
}

export function sessionCookie(res: Response): string {
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('briefing_session='))
  if (!setCookie) throw new Error('no session cookie set')
  return setCookie.split(';')[0]!
}

export function userFor(baseUrl: string, user: Omit<TestUser, 'api'>): TestUser {
  return {
    ...user,
    api(path, init = {}) {
      return fetch(`${baseUrl}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          cookie: user.cookie,
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...init.headers,
        },
        body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      })
    },
  }
}

/** Creates a briefing as `user` and returns its id. */
export async function createBriefingAs(
  user: TestUser,
  title = 'Test briefing',
  extra: Record<string, unknown> = {},
) {
  const res = await user.api('/api/briefings', { method: 'POST', body: { title, ...extra } })
  if (res.status !== 201)
    throw new Error(`create briefing failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { id: string }).id
}

/** A collab token for opening the briefing's WebSocket as `user`. */
export async function collabToken(user: TestUser, briefingId: string): Promise<string> {
  const res = await user.api(`/api/briefings/${briefingId}/collab-token`, { method: 'POST' })
  if (res.status !== 201) throw new Error(`collab token failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { token: string }).token
}
