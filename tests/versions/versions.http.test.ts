/**
 * [VH] The versions API on a real server, on SQLite and on PostgreSQL: named and automatic
 * versions, reading one as JSON and HTML, rights, exports of and as versions, and /metrics.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Version } from '../../shared/api/versions'
import { expectJsonError } from '../access/support'
import {
  appendParagraph,
  connectClient,
  docText,
  type TestClient,
  waitSynced,
} from '../helpers/clients'
import { createTestSchema, type TestSchema } from '../helpers/postgres'
import { startTestServer, type TestServer } from '../helpers/server'
import { rememberToken } from '../helpers/tokens'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

describe.each(['sqlite', 'postgres'] as const)('[VH] versions API on %s', (backend) => {
  let schema: TestSchema | undefined
  let server: TestServer
  let owner: TestUser
  let viewer: TestUser
  let briefingId: string
  let at: string
  const clients: TestClient[] = []

  beforeEach(async () => {
    schema = backend === 'postgres' ? await createTestSchema() : undefined
    server = await startTestServer({
      ...(schema ? { databaseUrl: schema.url } : {}),
      // Long enough never to fire on its own within a test; [VH4] starts its own server.
      versionSettleMs: 60 * 60 * 1000,
    })
    owner = await signUp(server.url, { name: 'Ada' })
    viewer = await signUp(server.url, { name: 'Vic' })
    briefingId = await createBriefingAs(owner, 'Outlook')
    at = `/api/briefings/${briefingId}`
    const shared = await owner.api(`${at}/shares`, {
      method: 'PUT',
      body: { email: viewer.email, role: 'viewer' },
    })
    expect(shared.status).toBe(200)
    rememberToken(briefingId, await collabToken(owner, briefingId))
  })

  const extraSchemas: TestSchema[] = []
  const freshSchema = async () => {
    const made = await createTestSchema()
    extraSchemas.push(made)
    return made
  }

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    await schema?.drop()
    for (const made of extraSchemas.splice(0)) await made.drop()
  })

  async function editor(): Promise<TestClient> {
    const client = connectClient(server.wsUrl, briefingId)
    clients.push(client)
    await waitSynced(client)
    return client
  }

  /** Types a paragraph and waits until the server's room has it. */
  async function type(client: TestClient, text: string): Promise<void> {
    appendParagraph(client, text)
    await waitFor(
      () => docText(server.registry.get(briefingId)!.doc).includes(text),
      `server has "${text}"`,
    )
  }

  async function json<T>(res: Response, status: number): Promise<T> {
    const text = await res.text()
    expect(res.status, text).toBe(status)
    return JSON.parse(text) as T
  }

  const list = async (user = owner) =>
    (await json<{ versions: Version[] }>(await user.api(`${at}/versions`), 200)).versions

  it('[VH1] a named version keeps the document as it was, as JSON and HTML, newest first', async () => {
    const client = await editor()
    await type(client, 'The talks resume on Monday.')
    const saved = await json<{ version: Version }>(
      await owner.api(`${at}/versions`, { method: 'POST', body: { name: 'Sent to the minister' } }),
      201,
    )
    expect(saved.version).toMatchObject({
      name: 'Sent to the minister',
      kind: 'manual',
      authors: [{ id: owner.id, name: 'Ada' }],
    })
    await type(client, 'Later words.')
    const second = await json<{ version: Version }>(
      await owner.api(`${at}/versions`, { method: 'POST', body: { name: 'Draft 2' } }),
      201,
    )
    expect((await list()).map((v) => v.name)).toEqual(['Draft 2', 'Sent to the minister'])
    // Nobody edited between the two saves but Ada; the second names only what came after.
    expect(second.version.authors).toEqual([{ id: owner.id, name: 'Ada' }])

    const content = await json<{ content: Array<{ content?: Array<{ text: string }> }> }>(
      await viewer.api(`${at}/versions/${saved.version.id}/content`),
      200,
    )
    expect(content.content.map((p) => p.content?.[0]?.text)).toEqual([
      'The talks resume on Monday.',
    ])
    const html = await viewer.api(`${at}/versions/${saved.version.id}/content?format=html`)
    expect(html.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await html.text()).toBe('<p>The talks resume on Monday.</p>')

    // Saving again without a change names the version that already holds this state.
    const again = await json<{ version: Version }>(
      await owner.api(`${at}/versions`, { method: 'POST', body: { name: 'Final' } }),
      201,
    )
    expect(again.version.id).toBe(second.version.id)
    expect((await list()).map((v) => v.name)).toEqual(['Final', 'Sent to the minister'])
  })

  it('[VH2] readers list and read; only editors name, restore or delete; unknown ids are 404', async () => {
    await type(await editor(), 'Original text.')
    const { version } = await json<{ version: Version }>(
      await owner.api(`${at}/versions`, { method: 'POST', body: { name: 'v1' } }),
      201,
    )
    const v = `${at}/versions/${version.id}`
    expect((await list(viewer)).map((x) => x.id)).toEqual([version.id])
    expect((await viewer.api(`${v}/content`)).status).toBe(200)
    expect((await viewer.api(`${v}/compare/current`)).status).toBe(200)

    await expectJsonError(
      await viewer.api(`${at}/versions`, { method: 'POST', body: { name: 'x' } }),
      403,
      'forbidden',
    )
    await expectJsonError(
      await viewer.api(v, { method: 'PATCH', body: { name: 'x' } }),
      403,
      'forbidden',
    )
    await expectJsonError(await viewer.api(`${v}/restore`, { method: 'POST' }), 403, 'forbidden')
    await expectJsonError(await viewer.api(v, { method: 'DELETE' }), 403, 'forbidden')
    // A viewer's invalid body is still a 403: validation tells them nothing.
    await expectJsonError(
      await viewer.api(`${at}/versions`, { method: 'POST', body: { name: '' } }),
      403,
      'forbidden',
    )

    const outsider = await signUp(server.url, { name: 'Out' })
    await expectJsonError(await outsider.api(`${at}/versions`), 404, 'not_found')

    const missing = `${at}/versions/0000000000`
    await expectJsonError(await owner.api(`${missing}/content`), 404, 'not_found')
    await expectJsonError(await owner.api(`${missing}/compare/current`), 404, 'not_found')
    await expectJsonError(await owner.api(`${v}/compare/0000000000`), 404, 'not_found')
    await expectJsonError(
      await owner.api(missing, { method: 'PATCH', body: { name: 'x' } }),
      404,
      'not_found',
    )
    await expectJsonError(
      await owner.api(`${missing}/restore`, { method: 'POST' }),
      404,
      'not_found',
    )
    await expectJsonError(await owner.api(missing, { method: 'DELETE' }), 404, 'not_found')
    await expectJsonError(
      await owner.api(`${at}/export?format=md&version=0000000000`),
      404,
      'not_found',
    )
    const invalid = await expectJsonError(
      await owner.api(`${at}/versions`, { method: 'POST', body: { name: ' ' } }),
      400,
      'invalid_input',
    )
    expect(invalid.field).toBe('name')

    // Renaming, taking the name away, deleting.
    const renamed = await json<{ version: Version }>(
      await owner.api(v, { method: 'PATCH', body: { name: 'Tuesday' } }),
      200,
    )
    expect(renamed.version.name).toBe('Tuesday')
    expect(
      (
        await json<{ version: Version }>(
          await owner.api(v, { method: 'PATCH', body: { name: null } }),
          200,
        )
      ).version.name,
    ).toBeNull()
    expect((await owner.api(v, { method: 'DELETE' })).status).toBe(204)
    expect(await list()).toEqual([])
  })

  it('[VH3] an export becomes a version named by the hash it prints; ?version= exports a past one', async () => {
    const client = await editor()
    await type(client, 'What went out on Tuesday.')
    const first = await owner.api(`${at}/export?format=md`)
    expect(first.status).toBe(200)
    const printed = /Version:\W*([0-9a-f]{10})/.exec(await first.text())?.[1]
    expect(printed).toBeDefined()
    expect((await list()).map((v) => [v.id, v.kind])).toEqual([[printed, 'export']])

    await type(client, 'Edited afterwards.')
    const past = await owner.api(`${at}/export?format=md&version=${printed}`)
    const text = await past.text()
    expect(past.status, text).toBe(200)
    expect(text).toContain('What went out on Tuesday.')
    expect(text).not.toContain('Edited afterwards.')
    expect(text).toContain(printed!)
    // Exporting a past version records nothing new.
    expect(await list()).toHaveLength(1)
    // A viewer may export, and their export of the same state is the same version.
    expect((await viewer.api(`${at}/export?format=md`)).status).toBe(200)
    expect((await viewer.api(`${at}/export?format=md`)).status).toBe(200)
    expect((await list()).map((v) => v.kind)).toEqual(['export', 'export'])
  })

  it('[VH4] a settled burst of editing becomes a version naming who edited', async () => {
    // Its own server, whose bursts settle after 300 ms of quiet.
    const quick = await startTestServer({
      ...(schema ? { databaseUrl: (await freshSchema()).url } : {}),
      versionSettleMs: 300,
    })
    try {
      const grace = await signUp(quick.url, { name: 'Grace' })
      const id = await createBriefingAs(grace, 'Quick')
      rememberToken(id, await collabToken(grace, id))
      const client = connectClient(quick.wsUrl, id)
      clients.push(client)
      await waitSynced(client)
      appendParagraph(client, 'One.')
      appendParagraph(client, 'Two.')
      const versions = await waitFor(async () => {
        const res = await grace.api(`/api/briefings/${id}/versions`)
        const found = ((await res.json()) as { versions: Version[] }).versions
        return found.length > 0 ? found : null
      }, 'a settled version')
      expect(versions).toHaveLength(1)
      expect(versions[0]).toMatchObject({ kind: 'settled', name: null })
      expect(versions[0]!.authors).toEqual([{ id: grace.id, name: 'Grace' }])
      const content = await json<{ content: Array<{ content?: Array<{ text: string }> }> }>(
        await grace.api(`/api/briefings/${id}/versions/${versions[0]!.id}/content`),
        200,
      )
      expect(content.content.map((p) => p.content?.[0]?.text)).toEqual(['One.', 'Two.'])
    } finally {
      await quick.close()
    }
  })

  it('[VH5] restore is a forward edit everyone connected sees, recorded as versions and audited', async () => {
    const ada = await editor()
    await type(ada, 'Keep me.')
    const { version: v1 } = await json<{ version: Version }>(
      await owner.api(`${at}/versions`, { method: 'POST', body: { name: 'v1' } }),
      201,
    )
    await type(ada, 'A bad edit.')
    const watcherDoc = new Y.Doc()
    const watcher = connectClient(server.wsUrl, briefingId, { doc: watcherDoc })
    clients.push(watcher)
    await waitSynced(watcher)

    const restored = await json<{ version: Version }>(
      await owner.api(`${at}/versions/${v1.id}/restore`, { method: 'POST' }),
      200,
    )
    expect(restored.version.kind).toBe('before-restore')
    await waitFor(() => docText(ada.doc) === 'Keep me.', 'the restore reaches Ada')
    await waitFor(() => docText(watcherDoc) === 'Keep me.', 'the restore reaches the watcher')

    const versions = await list()
    expect(versions.map((v) => v.kind)).toEqual(['restored', 'before-restore', 'manual'])
    expect(versions[0]).toMatchObject({ restoredFrom: v1.id, authors: [{ id: owner.id }] })
    // The version made before the restore undoes it.
    const before = await json<{ content: Array<{ content?: Array<{ text: string }> }> }>(
      await owner.api(`${at}/versions/${restored.version.id}/content`),
      200,
    )
    expect(before.content.map((p) => p.content?.[0]?.text)).toEqual(['Keep me.', 'A bad edit.'])
    await json(
      await owner.api(`${at}/versions/${restored.version.id}/restore`, { method: 'POST' }),
      200,
    )
    await waitFor(
      () => docText(watcherDoc) === 'Keep me.\nA bad edit.',
      'the undo reaches everyone',
    )

    const audit = await json<{ entries: Array<{ action: string; details: { version?: string } }> }>(
      await owner.api(`/api/teams/${owner.personalTeamId}/audit?limit=50`),
      200,
    )
    const restores = audit.entries.filter((e) => e.action === 'briefing.version_restored')
    expect(restores.map((e) => e.details.version)).toEqual([restored.version.id, v1.id])
  })

  it('[VH7] a restore brings back the settings and the sources the version had', async () => {
    const ada = await editor()
    await type(ada, 'Body.')
    const imported = await json<{ source: { id: string } }>(
      await owner.api(`${at}/sources`, {
        method: 'POST',
        body: { type: 'text', text: '“We will not yield,” said the minister on Monday.' },
      }),
      201,
    )
    ada.doc.getMap('settings').set('marking', 'OFFICIAL')
    await waitFor(
      () => server.registry.get(briefingId)!.doc.getMap('settings').get('marking') === 'OFFICIAL',
      'the marking is stored',
    )
    const { version } = await json<{ version: Version }>(
      await owner.api(`${at}/versions`, { method: 'POST', body: { name: 'With source' } }),
      201,
    )
    const removed = await owner.api(`${at}/sources/${imported.source.id}`, { method: 'DELETE' })
    expect(removed.status).toBe(204)
    ada.doc.getMap('settings').set('marking', 'SECRET')
    ada.doc.getMap('settings').set('citationStyle', 'apa')
    await waitFor(
      () => server.registry.get(briefingId)!.doc.getMap('settings').get('citationStyle') === 'apa',
      'the new settings are stored',
    )

    await json(await owner.api(`${at}/versions/${version.id}/restore`, { method: 'POST' }), 200)
    await waitFor(() => ada.doc.getMap('sources').has(imported.source.id), 'the source is back')
    await waitFor(
      () => ada.doc.getMap('settings').get('marking') === 'OFFICIAL',
      'the marking is back',
    )
    expect(ada.doc.getMap('settings').has('citationStyle')).toBe(false)
    const sources = await json<{ sources: Array<{ id: string }> }>(
      await viewer.api(`${at}/sources`),
      200,
    )
    expect(sources.sources.map((source) => source.id)).toEqual([imported.source.id])
  })

  it('[VH6] /metrics reports how many versions are stored and their size; deleting the briefing drops them', async () => {
    await type(await editor(), 'Words.')
    await json(await owner.api(`${at}/versions`, { method: 'POST', body: { name: 'v1' } }), 201)
    const scrape = async () => {
      const text = await (await fetch(`${server.url}/metrics`)).text()
      const value = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1])
      return { count: value('briefing_versions'), bytes: value('briefing_versions_bytes') }
    }
    const metrics = await scrape()
    expect(metrics.count).toBe(1)
    expect(metrics.bytes).toBeGreaterThan(100)
    expect((await owner.api(at, { method: 'DELETE' })).status).toBe(204)
    expect(await scrape()).toEqual({ count: 0, bytes: 0 })
  })
})
