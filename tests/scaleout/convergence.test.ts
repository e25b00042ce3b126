/**
 * [SO] Scale-out, the healthy path: two server processes sharing PostgreSQL and Redis
 * behave like one server to their clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectClient, docFingerprint, waitSynced } from '../helpers/clients'
import { collabToken, createBriefingAs, signUp } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'
import { type Cluster, health, nameSeen, paragraphs, startCluster, type } from './cluster'

/** Well under the 15 s in which clients renew their awareness on their own. */
const PROMPTLY = { timeoutMs: 5_000 }

describe('scale-out: two instances', () => {
  // Nothing here breaks the cluster, so the tests share one (each process takes seconds).
  let cluster: Cluster
  beforeAll(async () => {
    cluster = await startCluster()
  })
  afterAll(async () => {
    await cluster?.close()
  })

  it('[SO1] clients on different instances converge and see each other; late joiners get everything', async () => {
    const { a, b } = cluster
    const ada = cluster.connect(a.wsUrl, 'Ada')
    await waitSynced(ada)
    const early = await type(ada, 'ada early', 5)

    // B has not loaded the room yet: it loads it from the store, then asks A who is there.
    const bo = cluster.connect(b.wsUrl, 'Bo')
    await waitSynced(bo)
    await waitFor(() => early.every((p) => paragraphs(bo.doc).has(p)), 'Bo has the early text')
    await waitFor(() => nameSeen(bo, ada) === 'Ada', 'Bo sees Ada', PROMPTLY)
    await waitFor(() => nameSeen(ada, bo) === 'Bo', 'Ada sees Bo', PROMPTLY)

    // Concurrent typing on both instances.
    const typed = [
      ...early,
      ...(await Promise.all([type(ada, 'ada', 20), type(bo, 'bo', 20)])).flat(),
    ]
    await waitFor(
      () => paragraphs(ada.doc).size === 45 && docFingerprint(ada.doc) === docFingerprint(bo.doc),
      'Ada and Bo converge on 45 paragraphs',
    )
    expect([...paragraphs(bo.doc)].sort()).toEqual([...typed].sort())

    // Late joiners on either instance get the document and the others' presence.
    for (const [instance, name] of [
      [a, 'Late on A'],
      [b, 'Late on B'],
    ] as const) {
      const late = cluster.connect(instance.wsUrl, name)
      await waitSynced(late)
      await waitFor(() => docFingerprint(late.doc) === docFingerprint(ada.doc), `${name} caught up`)
      await waitFor(
        () => nameSeen(late, ada) === 'Ada' && nameSeen(late, bo) === 'Bo',
        `${name} sees Ada and Bo`,
        PROMPTLY,
      )
    }

    // Leaving on one instance is seen on the other at once.
    bo.provider.disconnect()
    await waitFor(() => nameSeen(ada, bo) === undefined, 'Ada no longer sees Bo', PROMPTLY)

    for (const instance of [a, b]) {
      expect(await health(instance.url)).toEqual({
        status: 200,
        body: { ok: true, store: { backend: 'postgres', ok: true }, redis: { ok: true } },
      })
    }
  })

  it('[SO2] removing a share on one instance disconnects the reader on the other', async () => {
    const { a, b, owner, briefingId } = cluster
    const reader = await signUp(b.url, { name: 'Reader' })
    const share = await owner.api(`/api/briefings/${briefingId}/shares`, {
      method: 'PUT',
      body: { email: reader.email, role: 'editor' },
    })
    expect(share.status).toBe(200)
    const client = connectClient(b.wsUrl, briefingId, {
      params: { token: await collabToken(reader, briefingId) },
    })
    const closeCodes: number[] = []
    client.provider.on('connection-close', (event) => {
      if (event) closeCodes.push(event.code)
    })
    try {
      await waitSynced(client)
      // The owner's request goes to A; the reader's socket is on B.
      const removed = await owner.api(`/api/briefings/${briefingId}/shares/${reader.id}`, {
        method: 'DELETE',
      })
      expect(removed.status).toBe(204)
      await waitFor(() => closeCodes.includes(4403), 'reader disconnected with 4403', PROMPTLY)
      expect(a.url).not.toBe(b.url)
    } finally {
      client.destroy()
    }
  })

  it('[SO3] deleting a briefing on one instance closes its sockets on the other with 4404, not 4403', async () => {
    const { a, b, owner } = cluster
    // A briefing of its own: the others' tests keep using the shared one.
    const briefingId = await createBriefingAs(owner, 'Deleted across instances')
    const client = connectClient(b.wsUrl, briefingId, {
      params: { token: await collabToken(owner, briefingId) },
    })
    const closeCodes: number[] = []
    client.provider.on('connection-close', (event) => {
      if (event) closeCodes.push(event.code)
    })
    try {
      await waitSynced(client)
      // The owner's request goes to A; the socket is on B.
      const deleted = await owner.api(`/api/briefings/${briefingId}`, { method: 'DELETE' })
      expect(deleted.status).toBe(204)
      await waitFor(() => closeCodes.length > 0, 'the socket on B closed', PROMPTLY)
      expect(closeCodes[0]).toBe(4404)
      expect(a.url).not.toBe(b.url)
    } finally {
      client.destroy()
    }
  })
})
