/**
 * [SF] Scale-out under failure: an instance killed mid-typing, Redis restarted mid-session,
 * an instance stopped gracefully. Clients reach instances through a TCP proxy standing in
 * for the load balancer, which is pointed at the surviving instance when one goes.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { docFingerprint, type TestClient, waitSynced } from '../helpers/clients'
import { waitFor } from '../helpers/waitFor'
import { type Cluster, health, nameSeen, paragraphs, startCluster, type } from './cluster'
import { TcpProxy } from './tcpProxy'

/** Well under the 15 s in which clients renew their awareness on their own. */
const PROMPTLY = { timeoutMs: 5_000 }

function converged(clients: TestClient[], expected: Iterable<string>): boolean {
  const want = [...expected].sort().join('\n')
  const first = docFingerprint(clients[0]!.doc)
  return clients.every(
    (client) =>
      docFingerprint(client.doc) === first &&
      [...paragraphs(client.doc)].sort().join('\n') === want,
  )
}

describe('scale-out under failure', () => {
  let cluster: Cluster | undefined
  let proxy: TcpProxy | undefined
  afterEach(async () => {
    await proxy?.close()
    await cluster?.close()
    proxy = cluster = undefined
  })

  it('[SF1] kill -9 of an instance mid-typing loses nothing any collaborator saw', async () => {
    cluster = await startCluster()
    const { a, b } = cluster
    proxy = await TcpProxy.start(a.port)
    const ada = cluster.connect(proxy.wsUrl, 'Ada')
    const cy = cluster.connect(proxy.wsUrl, 'Cy')
    const bo = cluster.connect(b.wsUrl, 'Bo')
    await Promise.all([ada, cy, bo].map(waitSynced))

    // Everyone types; A dies while its clients' last edits are still in flight.
    const before = await Promise.all([type(ada, 'ada', 30), type(cy, 'cy', 30), type(bo, 'bo', 30)])
    proxy.retarget(b.port)
    await a.stop('SIGKILL')
    const seenAtKill = [ada, cy, bo].flatMap((client) => [...paragraphs(client.doc)])

    // They keep typing while Ada and Cy reconnect, through the proxy, to B.
    const after = await Promise.all([
      type(ada, 'ada+', 10),
      type(cy, 'cy+', 10),
      type(bo, 'bo+', 10),
    ])
    const typed = new Set([...before.flat(), ...after.flat()])
    expect(typed.size).toBe(120)
    for (const text of seenAtKill) expect(typed.has(text)).toBe(true)
    await waitFor(() => converged([ada, cy, bo], typed), 'all three converge on all 120 paragraphs')
    await waitFor(() => nameSeen(bo, ada) === 'Ada', 'Bo still sees Ada', PROMPTLY)

    // It is all in the store, not only in B's memory: a fresh instance serves all of it.
    const restarted = await cluster.startInstance()
    const late = cluster.connect(restarted.wsUrl, 'Late')
    await waitSynced(late)
    await waitFor(() => converged([late, bo], typed), 'a late joiner on a new instance has all')
  })

  it('[SF2] instances keep serving through a Redis restart and converge after it', async () => {
    cluster = await startCluster()
    const { a, b, redis } = cluster
    const ada = cluster.connect(a.wsUrl, 'Ada')
    const bo = cluster.connect(b.wsUrl, 'Bo')
    await Promise.all([ada, bo].map(waitSynced))
    const typed = new Set((await Promise.all([type(ada, 'ada', 5), type(bo, 'bo', 5)])).flat())
    await waitFor(() => converged([ada, bo], typed), 'converged before the outage')

    await redis.kill()
    for (const instance of [a, b]) {
      await waitFor(
        async () => (await health(instance.url)).body.redis?.ok === false,
        'health reports Redis down',
      )
      // Degraded, not down: the instance still serves its own clients.
      expect((await health(instance.url)).status).toBe(200)
    }
    // Each side edits on its own instance; its own instance takes and stores the edits.
    for (const text of (await Promise.all([type(ada, 'ada~', 10), type(bo, 'bo~', 10)])).flat()) {
      typed.add(text)
    }
    bo.provider.awareness.setLocalStateField('user', { name: 'Bo (renamed)' })
    // A took Ada's edits though it cannot pass them on: a newcomer on A gets them.
    const late = cluster.connect(a.wsUrl, 'Late on A')
    await waitFor(() => paragraphs(late.doc).has('ada~ 9'), "a newcomer on A has Ada's edits")

    await redis.restart()
    await waitFor(() => converged([ada, bo, late], typed), 'converged after Redis returned')
    await waitFor(
      () => nameSeen(ada, bo) === 'Bo (renamed)',
      'awareness changed during the outage arrives',
      PROMPTLY,
    )
    for (const instance of [a, b]) {
      await waitFor(
        async () => (await health(instance.url)).body.redis?.ok === true,
        'health reports Redis back',
      )
    }
    // And live fan-out works again.
    typed.add((await type(ada, 'ada!', 1))[0]!)
    await waitFor(() => converged([ada, bo, late], typed), 'a new edit crosses instances')
  })

  it('[SF3] a graceful stop hands clients over at once, awareness included', async () => {
    cluster = await startCluster()
    const { a, b } = cluster
    proxy = await TcpProxy.start(a.port)
    const ada = cluster.connect(proxy.wsUrl, 'Ada')
    // Connected to A directly: when A stops it has nowhere to go, like a closed tab.
    const gone = cluster.connect(a.wsUrl, 'Gone')
    const bo = cluster.connect(b.wsUrl, 'Bo')
    await Promise.all([ada, gone, bo].map(waitSynced))
    await waitFor(
      () => nameSeen(bo, ada) === 'Ada' && nameSeen(bo, gone) === 'Gone',
      'Bo sees both clients of A',
      PROMPTLY,
    )
    const typed = new Set(
      (await Promise.all([type(ada, 'ada', 10), type(gone, 'gone', 10)])).flat(),
    )

    proxy.retarget(b.port)
    expect(await a.stop('SIGTERM')).toBe(0)
    gone.provider.disconnect()
    // Without A's goodbye these would take y-protocols' 30 s timeout, and Ada, reconnecting
    // with an awareness clock B has already seen, would stay hidden until her next renewal.
    await waitFor(() => nameSeen(bo, gone) === undefined, 'Bo no longer sees Gone', PROMPTLY)
    await waitFor(() => nameSeen(bo, ada) === 'Ada', 'Bo sees Ada again, now on B', PROMPTLY)
    await waitFor(() => converged([ada, bo], typed), 'everything typed on A reached Bo')
  })
})
