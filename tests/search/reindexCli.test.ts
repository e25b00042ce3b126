/**
 * [SCLI] `briefing reindex` rebuilds a lost search index from the stored briefings, on SQLite
 * (DATA_DIR) and PostgreSQL (DATABASE_URL), while the server that wrote them still runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COMMANDS } from '../../server/cli/commands'
import { reindexCommand } from '../../server/cli/commands/reindex'
import { appendParagraph, connectClient, type TestClient, waitSynced } from '../helpers/clients'
import { createTestSchema, type TestSchema } from '../helpers/postgres'
import { startTestServer, type TestServer } from '../helpers/server'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

describe.each(['sqlite', 'postgres'] as const)('[SCLI] briefing reindex on %s', (backend) => {
  let schema: TestSchema | undefined
  let server: TestServer
  let ada: TestUser
  let client: TestClient | undefined

  beforeAll(async () => {
    schema = backend === 'postgres' ? await createTestSchema() : undefined
    server = await startTestServer({
      ...(schema ? { databaseUrl: schema.url } : {}),
      search: { delayMs: 20, maxWaitMs: 200 },
    })
    ada = await signUp(server.url, { name: 'Ada' })
  })
  afterAll(async () => {
    client?.destroy()
    await server?.close()
    await schema?.drop()
  })

  const hits = async (q: string) => {
    const res = await ada.api(`/api/search?q=${q}`)
    return ((await res.json()) as { results: Array<{ briefingId: string }> }).results
  }

  // The source import parses in a worker thread, slow on a loaded two-core machine.
  it(
    '[SCLI1] rebuilds the index of titles, text and sources from the store',
    { timeout: 120_000 },
    async () => {
      const id = await createBriefingAs(ada, 'Quarry report')
      client = connectClient(server.wsUrl, id, { params: { token: await collabToken(ada, id) } })
      await waitSynced(client)
      appendParagraph(client, 'Blasting resumes at the limestone face.')
      await ada.api(`/api/briefings/${id}/sources`, {
        method: 'POST',
        body: { type: 'text', text: 'Residents complained about basalt dust on Tuesday.' },
      })
      await waitFor(async () => (await hits('limestone')).length === 1, 'text indexed')
      await waitFor(async () => (await hits('basalt')).length === 1, 'source indexed', {
        timeoutMs: 45_000,
      })

      // An index lost (or older than the briefings, as after the upgrade that adds it).
      await server.stores.sql.run('DELETE FROM search_documents')
      expect(await hits('quarry')).toEqual([])

      let stdout = ''
      const code = await reindexCommand.run([], {
        stdout: (text) => {
          stdout += text
        },
        stderr: () => undefined,
        cwd: process.cwd(),
        env: schema ? { DATABASE_URL: schema.url } : { DATA_DIR: server.dataDir },
      })
      expect(code).toBe(0)
      expect(JSON.parse(stdout)).toEqual({ backend, briefings: 1, sources: 1 })
      for (const word of ['quarry', 'limestone', 'basalt']) {
        expect((await hits(word)).map((hit) => hit.briefingId)).toEqual([id])
      }
    },
  )

  it('[SCLI3] a server starting on briefings the index lacks indexes them in the background', async () => {
    await server.stores.sql.run('DELETE FROM search_documents')
    expect(await hits('limestone')).toEqual([])
    // A second instance on the same store starts as an upgraded server would.
    const second = await startTestServer({
      ...(schema ? { databaseUrl: schema.url } : { dataDir: server.dataDir }),
    })
    try {
      await waitFor(async () => (await hits('limestone')).length === 1, 'backfilled')
      expect((await hits('basalt')).length).toBe(1)
      expect(await second.stores.search.unindexed()).toEqual([])
    } finally {
      await second.close()
    }
  })

  it('[SCLI2] is a command of the CLI and refuses arguments', async () => {
    expect(COMMANDS).toContain(reindexCommand)
    await expect(
      reindexCommand.run(['extra'], {
        stdout: () => undefined,
        stderr: () => undefined,
        cwd: process.cwd(),
        env: {},
      }),
    ).rejects.toThrow('reindex takes no arguments')
  })
})
