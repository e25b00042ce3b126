/**
 * [EPOCH] A briefing's epoch, the server's half of the offline-copy guard: browsers keep a
 * copy of each open briefing under the epoch the API gave them and drop, never merge, a copy
 * whose epoch is no longer the server's. Edits and restores keep the epoch (offline copies
 * merge into them cleanly); `briefing renew-epoch` changes it after a document was replaced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CliIo } from '../../server/cli/command'
import { COMMANDS } from '../../server/cli/commands'
import { renewEpochCommand } from '../../server/cli/commands/renewEpoch'
import { appendParagraph, connectClient, waitSynced } from '../helpers/clients'
import { createTestSchema, type TestSchema } from '../helpers/postgres'
import { startTestServer, type TestServer } from '../helpers/server'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

describe.each(['sqlite', 'postgres'] as const)('[EPOCH] briefing epochs on %s', (backend) => {
  let schema: TestSchema | undefined
  let server: TestServer
  let ada: TestUser

  beforeAll(async () => {
    schema = backend === 'postgres' ? await createTestSchema() : undefined
    server = await startTestServer(schema ? { databaseUrl: schema.url } : {})
    ada = await signUp(server.url, { name: 'Ada' })
  })
  afterAll(async () => {
    await server?.close()
    await schema?.drop()
  })

  const epochOf = async (id: string) => {
    const res = await ada.api(`/api/briefings/${id}`)
    expect(res.status).toBe(200)
    return ((await res.json()) as { epoch: string }).epoch
  }

  const renew = async (args: string[]) => {
    const out = { code: 0, stdout: '' }
    const io: CliIo = {
      stdout: (text) => {
        out.stdout += text
      },
      stderr: () => undefined,
      cwd: process.cwd(),
      env: schema ? { DATABASE_URL: schema.url } : { DATA_DIR: server.dataDir },
    }
    out.code = await renewEpochCommand.run(args, io)
    return out
  }

  it('[EPOCH1] each briefing has its own epoch, the same in the list, and edits and restores keep it', async () => {
    const first = await createBriefingAs(ada, 'Harbour')
    const second = await createBriefingAs(ada, 'Airport')
    const epoch = await epochOf(first)
    expect(epoch.length).toBeGreaterThanOrEqual(16)
    expect(await epochOf(second)).not.toBe(epoch)
    const list = (await (await ada.api('/api/briefings')).json()) as {
      briefings: Array<{ id: string; epoch: string }>
    }
    expect(list.briefings.find((b) => b.id === first)?.epoch).toBe(epoch)

    const client = connectClient(server.wsUrl, first, {
      params: { token: await collabToken(ada, first) },
    })
    try {
      await waitSynced(client)
      appendParagraph(client, 'Cranes idle since Monday.')
      const saved = await ada.api(`/api/briefings/${first}/versions`, {
        method: 'POST',
        body: { name: 'Monday' },
      })
      expect(saved.status).toBe(201)
      const { version } = (await saved.json()) as { version: { id: string } }
      appendParagraph(client, 'Cranes moving again.')
      await waitFor(async () => {
        const res = await ada.api(`/api/briefings/${first}/content?format=html`)
        return (await res.text()).includes('moving again')
      }, 'second edit stored')
      const restored = await ada.api(`/api/briefings/${first}/versions/${version.id}/restore`, {
        method: 'POST',
      })
      expect(restored.status).toBe(200)
    } finally {
      client.destroy()
    }
    expect(await epochOf(first)).toBe(epoch)
  })

  it('[EPOCH2] renew-epoch gives the named briefings, or all, a new epoch; an unknown id fails naming it', async () => {
    const one = await createBriefingAs(ada, 'One')
    const two = await createBriefingAs(ada, 'Two')
    const [oneBefore, twoBefore] = [await epochOf(one), await epochOf(two)]

    expect(COMMANDS).toContain(renewEpochCommand)
    const named = await renew([one])
    expect(named.code).toBe(0)
    expect(JSON.parse(named.stdout)).toEqual({ backend, renewed: [one] })
    expect(await epochOf(one)).not.toBe(oneBefore)
    expect(await epochOf(two)).toBe(twoBefore)

    const all = await renew([])
    expect(all.code).toBe(0)
    expect((JSON.parse(all.stdout) as { renewed: string[] }).renewed).toEqual(
      expect.arrayContaining([one, two]),
    )
    expect(await epochOf(two)).not.toBe(twoBefore)

    const twoAfterAll = await epochOf(two)
    await expect(renew(['no-such-briefing', two])).rejects.toThrow(
      'no briefing no-such-briefing (renewed 1)',
    )
    expect(await epochOf(two)).not.toBe(twoAfterAll)
  })
})
