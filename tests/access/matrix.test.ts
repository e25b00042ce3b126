/**
 * [AM] The access matrix: every persona against every action on one team briefing, over
 * REST and over real WebSockets (raw `ws` with the session cookie from our own origin, and
 * the stock y-websocket provider with a collab token). The observed matrix is printed.
 *
 * Personas are set up the way the product does it: a team admin creates the team and the
 * briefing (team default role: viewer), invites members, and shares with individuals.
 * - viewer: team member by invite link (registers with it); gets the team default.
 * - commenter: registered first, then accepted an invite; explicit share "commenter".
 * - editor: no team membership at all; explicit share "editor".
 * - owner: team member by invite link; explicit share "owner".
 * - team admin: created the team; team admins own every team briefing.
 * - other team: signed in, admin of a different team with its own briefing.
 * - instance admin: the first registered user. The code gives the instance admin no implicit
 *   access to team content (docs/ARCHITECTURE.md, shared/access.ts), so the row reads like
 *   "other team".
 * - anonymous: no credential.
 *
 * The export column uses `GET /export?format=md` when server/http/routes/export.ts exists;
 * before that route existed it fell back to the rendered content (`GET /content?format=html`).
 * Either way the answer must agree with `can(role, 'export')`.
 */
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type BriefingAction, type BriefingRole, can } from '../../shared/access'
import { startTestServer, type TestServer } from '../helpers/server'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'
import { createTeam, joinByInvite, share, signUpInvited } from './people'
import {
  cookieClient,
  type ProviderClient,
  permissionDenials,
  providerClient,
  roomText,
  storedText,
} from './support'

const PERSONAS = [
  'anonymous',
  'other team',
  'instance admin',
  'viewer',
  'commenter',
  'editor',
  'owner',
  'team admin',
] as const
type Persona = (typeof PERSONAS)[number]

const COLUMNS = [
  'list',
  'read',
  'ws read (cookie)',
  'ws read (token)',
  'ws write (cookie)',
  'ws write (token)',
  'export',
  'share',
  'rename',
  'delete',
] as const
type Column = (typeof COLUMNS)[number]

/**
 * HTTP statuses are the REST answer (for WebSocket columns: the refused upgrade, or the
 * refused collab-token request). `absent`: listed nowhere. `synced`: the socket opened and
 * the client got the stored content. `written`: the edit reached the store and another
 * client. `dropped`: the socket stayed open, the writer was told "permission denied", and
 * the edit reached neither the store nor another client.
 */
// biome-ignore format: a table reads best as a table
const EXPECTED: Record<Persona, readonly string[]> = {
  'anonymous':      ['401',       '401', '401',    '401',    '401',     '401',     '401', '401', '401', '401'],
  'other team':     ['absent',    '404', '403',    '404',    '403',     '404',     '404', '404', '404', '404'],
  'instance admin': ['absent',    '404', '403',    '404',    '403',     '404',     '404', '404', '404', '404'],
  'viewer':         ['viewer',    '200', 'synced', 'synced', 'dropped', 'dropped', '200', '403', '403', '403'],
  'commenter':      ['commenter', '200', 'synced', 'synced', 'dropped', 'dropped', '200', '403', '403', '403'],
  'editor':         ['editor',    '200', 'synced', 'synced', 'written', 'written', '200', '403', '200', '403'],
  'owner':          ['owner',     '200', 'synced', 'synced', 'written', 'written', '200', '200', '200', '204'],
  'team admin':     ['owner',     '200', 'synced', 'synced', 'written', 'written', '200', '200', '200', '204'],
}

/** The role each persona should end up with, as shared/access.ts resolves it. */
const ROLE: Record<Persona, BriefingRole | null> = {
  anonymous: null,
  'other team': null,
  'instance admin': null,
  viewer: 'viewer',
  commenter: 'commenter',
  editor: 'editor',
  owner: 'owner',
  'team admin': 'owner',
}

/** The action a column exercises, for checking the server against `can()`. */
const ACTION: Partial<Record<Column, BriefingAction>> = {
  read: 'read',
  'ws read (cookie)': 'read',
  'ws read (token)': 'read',
  'ws write (cookie)': 'write',
  'ws write (token)': 'write',
  export: 'export',
  share: 'share',
  rename: 'rename',
  delete: 'delete',
}
const ALLOWED_CELLS = new Set(['200', '204', 'synced', 'written'])

const SEED = 'Seeded before the matrix ran'
const HAS_EXPORT_ROUTE = fs.existsSync(
  new URL('../../server/http/routes/export.ts', import.meta.url),
)

describe('[AM] access matrix', () => {
  let server: TestServer
  let teamId: string
  let briefingId: string
  let observer: ProviderClient
  let sentinel: ProviderClient
  /** Someone for the share column to share with. */
  let bystander: TestUser
  const users = {} as Record<Persona, TestUser | null>
  const observed = Object.fromEntries(PERSONAS.map((p) => [p, {}])) as Record<
    Persona,
    Partial<Record<Column, string>>
  >

  const call = (
    persona: Persona,
    path: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<Response> => {
    const user = users[persona]
    if (user) return user.api(path, init)
    return fetch(`${server.url}${path}`, {
      method: init.method ?? 'GET',
      headers: init.body !== undefined ? { 'content-type': 'application/json' } : {},
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    })
  }

  /** A team briefing with the matrix's shares: team default viewer. */
  const teamBriefing = async (title: string): Promise<string> => {
    const admin = users['team admin']!
    const id = await createBriefingAs(admin, title, { teamId, teamRole: 'viewer' })
    await share(admin, id, users.owner!, 'owner')
    await share(admin, id, users.commenter!, 'commenter')
    await share(admin, id, users.editor!, 'editor')
    return id
  }

  let sentinels = 0
  /** Proves a dropped edit landed nowhere: a later edit reaches everyone, this one never. */
  const expectNeverLanded = async (text: string, writerText: () => string) => {
    const after = `sentinel edit ${++sentinels}`
    sentinel.write(after)
    await waitFor(
      () => observer.text().includes(after) && writerText().includes(after),
      'the sentinel edit reached the observer and the writer',
    )
    expect(observer.text()).not.toContain(text)
    expect(roomText(server, briefingId)).not.toContain(text)
    expect(await storedText(server, briefingId)).not.toContain(text)
  }

  const expectLanded = async (text: string) => {
    await waitFor(() => observer.text().includes(text), `observer sees "${text}"`)
    expect(await storedText(server, briefingId)).toContain(text)
  }

  /** Mints a collab token as the persona: the token, or the refusing status. */
  const mint = async (persona: Persona, id = briefingId): Promise<string | number> => {
    const res = await call(persona, `/api/briefings/${id}/collab-token`, { method: 'POST' })
    if (res.status !== 201) return res.status
    return ((await res.json()) as { token: string }).token
  }

  const cells: Record<Column, (persona: Persona) => Promise<string>> = {
    async list(persona) {
      const res = await call(persona, '/api/briefings')
      if (res.status !== 200) return String(res.status)
      const { briefings } = (await res.json()) as {
        briefings: Array<{ id: string; role: string }>
      }
      return briefings.find((b) => b.id === briefingId)?.role ?? 'absent'
    },

    async read(persona) {
      const res = await call(persona, `/api/briefings/${briefingId}/content?format=json`)
      if (res.status === 200) expect(JSON.stringify(await res.json())).toContain(SEED)
      const meta = await call(persona, `/api/briefings/${briefingId}`)
      expect(meta.status, 'GET /briefings/:id agrees with GET /content').toBe(res.status)
      return String(res.status)
    },

    async 'ws read (cookie)'(persona) {
      const client = cookieClient(server, briefingId, users[persona])
      try {
        const outcome = await client.outcome
        if (outcome !== 'open') return String(outcome)
        await client.barrier()
        await waitFor(() => client.doc.getXmlFragment('default').length > 0, 'content arrived')
        return client.doc.getXmlFragment('default').toString().includes(SEED) ? 'synced' : 'empty'
      } finally {
        client.ws.close()
      }
    },

    async 'ws read (token)'(persona) {
      const token = await mint(persona)
      if (typeof token === 'number') {
        if (persona === 'anonymous') {
          // Without any credential, and with a made-up token, the upgrade is refused too.
          const bare = cookieClient(server, briefingId, null)
          expect(await bare.outcome).toBe(401)
          const forged = providerClient(server, briefingId, { token: 'e30.AAAA' })
          await waitFor(() => forged.sockets[0]?.closeCode, 'forged token refused')
          expect(await forged.sockets[0]!.outcome).toBe(401)
          forged.destroy()
        }
        return String(token)
      }
      const client = providerClient(server, briefingId, { token })
      try {
        await waitFor(() => client.text().includes(SEED), 'seed arrived over the token socket')
        return 'synced'
      } finally {
        client.destroy()
      }
    },

    async 'ws write (cookie)'(persona) {
      const client = cookieClient(server, briefingId, users[persona])
      try {
        const outcome = await client.outcome
        if (outcome !== 'open') return String(outcome)
        // Sync first, so the writer's replica can show the later edits it still receives.
        await client.barrier()
        const text = `${persona} wrote this over a cookie socket`
        client.write(text)
        const result = await waitFor(
          () =>
            permissionDenials(client.received).length > 0
              ? 'dropped'
              : roomText(server, briefingId).includes(text)
                ? 'written'
                : null,
          `${persona}'s cookie write was decided`,
        )
        if (result === 'written') await expectLanded(text)
        else {
          expect(client.ws.readyState).toBe(client.ws.OPEN)
          await expectNeverLanded(text, () => client.doc.getXmlFragment('default').toString())
        }
        return result
      } finally {
        client.ws.close()
      }
    },

    async 'ws write (token)'(persona) {
      const token = await mint(persona)
      if (typeof token === 'number') return String(token)
      const client = providerClient(server, briefingId, { token })
      try {
        await waitFor(() => client.provider.synced, 'token client synced')
        const text = `${persona} wrote this over a token socket`
        client.write(text)
        // Once the barrier is answered the server has handled the edit: a reader's is dropped
        // by then (and it was told at the handshake, when its sync reply was dropped too).
        await client.barrier()
        if (permissionDenials(client.current().received).length === 0) {
          await expectLanded(text)
          return 'written'
        }
        expect(client.sockets).toHaveLength(1)
        expect(client.provider.wsconnected).toBe(true)
        await expectNeverLanded(text, () => client.text())
        return 'dropped'
      } finally {
        client.destroy()
      }
    },

    async export(persona) {
      const path = HAS_EXPORT_ROUTE
        ? `/api/briefings/${briefingId}/export?format=md`
        : `/api/briefings/${briefingId}/content?format=html`
      const res = await call(persona, path)
      if (res.status === 200) {
        expect(res.headers.get('content-type')).toMatch(
          HAS_EXPORT_ROUTE ? /^text\/markdown/ : /^text\/html/,
        )
        expect(await res.text()).toContain(SEED)
      }
      expect(res.status === 200, 'export agrees with can(role, "export")').toBe(
        can(ROLE[persona], 'export'),
      )
      return String(res.status)
    },

    async share(persona) {
      const put = await call(persona, `/api/briefings/${briefingId}/shares`, {
        method: 'PUT',
        body: { email: bystander.email, role: 'viewer' },
      })
      // Changing the team default role is sharing too; re-setting the same value is harmless.
      const patch = await call(persona, `/api/briefings/${briefingId}`, {
        method: 'PATCH',
        body: { teamRole: 'viewer' },
      })
      expect(patch.status, 'PATCH teamRole agrees with PUT /shares').toBe(put.status)
      if (put.status === 200) {
        expect((await bystander.api(`/api/briefings/${briefingId}`)).status).toBe(200)
      }
      return String(put.status)
    },

    async rename(persona) {
      const title = `Renamed by ${persona}`
      const res = await call(persona, `/api/briefings/${briefingId}`, {
        method: 'PATCH',
        body: { title },
      })
      const now = (await (
        await users['team admin']!.api(`/api/briefings/${briefingId}`)
      ).json()) as {
        title: string
      }
      if (res.status === 200) expect(now.title).toBe(title)
      else expect(now.title).not.toBe(title)
      return String(res.status)
    },

    async delete(persona) {
      const target = await teamBriefing(`Delete target for ${persona}`)
      const admin = users['team admin']!
      const watcher = cookieClient(server, target, admin)
      try {
        expect(await watcher.outcome).toBe('open')
        await watcher.barrier()
        const res = await call(persona, `/api/briefings/${target}`, { method: 'DELETE' })
        if (res.status === 204) {
          expect((await watcher.closed).code).toBe(4404)
          expect((await admin.api(`/api/briefings/${target}`)).status).toBe(404)
          expect(await server.stores.documents.load(target)).toHaveLength(0)
        } else {
          expect(watcher.ws.readyState).toBe(watcher.ws.OPEN)
          expect((await admin.api(`/api/briefings/${target}`)).status).toBe(200)
        }
        return String(res.status)
      } finally {
        watcher.ws.close()
      }
    },
  }

  const column = (
    table: Record<Persona, readonly string[] | Partial<Record<Column, string>>>,
    c: Column,
  ) =>
    Object.fromEntries(
      PERSONAS.map((p) => {
        const row = table[p]
        return [
          p,
          Array.isArray(row) ? row[COLUMNS.indexOf(c)] : (row as Record<string, string>)[c],
        ]
      }),
    )

  beforeAll(async () => {
    // The stock provider reports "permission denied" with console.warn; expected here.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    server = await startTestServer()
    const url = server.url
    users.anonymous = null
    users['instance admin'] = await signUp(url, { name: 'Instance Admin' })
    const admin = await signUp(url, { name: 'Team Admin' })
    users['team admin'] = admin
    teamId = await createTeam(admin, 'Analysts')
    users.owner = await signUpInvited(url, admin, teamId, 'Owner')
    users.viewer = await signUpInvited(url, admin, teamId, 'Viewer')
    users.commenter = await signUp(url, { name: 'Commenter' })
    await joinByInvite(admin, teamId, users.commenter)
    users.editor = await signUp(url, { name: 'Editor' })
    const other = await signUp(url, { name: 'Other Desk' })
    users['other team'] = other
    await createBriefingAs(other, 'Their own briefing', {
      teamId: await createTeam(other, 'Other'),
    })
    bystander = await signUp(url, { name: 'Bystander' })

    briefingId = await teamBriefing('Matrix briefing')
    observer = providerClient(server, briefingId, { token: await collabToken(admin, briefingId) })
    sentinel = providerClient(server, briefingId, { token: await collabToken(admin, briefingId) })
    await waitFor(() => observer.provider.synced && sentinel.provider.synced, 'observers synced')
    observer.write(SEED)
    await waitFor(async () => (await storedText(server, briefingId)).includes(SEED), 'seed stored')
  })

  afterAll(async () => {
    observer?.destroy()
    sentinel?.destroy()
    await server?.close()
    vi.restoreAllMocks()
    console.log(formatMatrix(observed))
  })

  it('[AM0] personas are who the matrix says they are', async () => {
    const me = await (await users['instance admin']!.api('/api/auth/me')).json()
    expect(me.user.isAdmin).toBe(true)
    expect(me.teams.map((t: { id: string }) => t.id)).not.toContain(teamId)
    expect((await users['instance admin']!.api('/api/admin/settings')).status).toBe(200)
    expect((await users['team admin']!.api('/api/admin/settings')).status).toBe(403)
    const shares = (await (
      await users['team admin']!.api(`/api/briefings/${briefingId}/shares`)
    ).json()) as {
      teamRole: string
      shares: Array<{ userId: string; role: string }>
    }
    expect(shares.teamRole).toBe('viewer')
    const shareOf = (p: Persona) => shares.shares.find((s) => s.userId === users[p]!.id)?.role
    expect(shareOf('viewer')).toBeUndefined()
    expect(shareOf('editor')).toBe('editor')
    expect(shareOf('commenter')).toBe('commenter')
    expect(shareOf('owner')).toBe('owner')
  })

  COLUMNS.forEach((col, i) => {
    it(`[AM${i + 1}] ${col}`, async () => {
      for (const persona of PERSONAS) observed[persona][col] = await cells[col](persona)
      expect(column(observed, col)).toEqual(column(EXPECTED, col))
    })
  })

  it(`[AM${COLUMNS.length + 1}] every allowed cell is exactly what can(role, action) allows`, () => {
    for (const persona of PERSONAS) {
      for (const col of COLUMNS) {
        const action = ACTION[col]
        if (!action) continue
        const cell = EXPECTED[persona][COLUMNS.indexOf(col)]!
        expect(ALLOWED_CELLS.has(cell), `${persona} / ${col}`).toBe(can(ROLE[persona], action))
      }
    }
  })
})

function formatMatrix(observed: Record<Persona, Partial<Record<Column, string>>>): string {
  const header = ['persona', ...COLUMNS]
  const rows = PERSONAS.map((p) => [p, ...COLUMNS.map((c) => observed[p][c] ?? '-')])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  return [
    'Access matrix (observed)',
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n')
}
