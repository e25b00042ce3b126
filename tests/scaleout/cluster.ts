/**
 * Two Briefing instances as separate processes sharing one PostgreSQL schema and one
 * private redis-server, plus a signed-up owner, a briefing and clients on either instance.
 */
import type * as Y from 'yjs'
import { appendParagraph, connectClient, docText, type TestClient } from '../helpers/clients'
import { createTestSchema, type TestSchema } from '../helpers/postgres'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { type InstanceProcess, type RedisProcess, startInstance, startRedis } from './processes'

export interface Cluster {
  schema: TestSchema
  redis: RedisProcess
  a: InstanceProcess
  b: InstanceProcess
  owner: TestUser
  briefingId: string
  /** Starts one more instance on the same database and Redis. */
  startInstance(): Promise<InstanceProcess>
  /** A stock y-websocket client on `wsUrl` (an instance's or a proxy's), named in awareness. */
  connect(wsUrl: string, name: string): TestClient
  /** Stops everything it started, whatever state the test left it in. */
  close(): Promise<void>
}

export async function startCluster(): Promise<Cluster> {
  const [schema, redis] = await Promise.all([createTestSchema(), startRedis()])
  const env = { DATABASE_URL: schema.url, REDIS_URL: redis.url }
  const instances: InstanceProcess[] = []
  const clients: TestClient[] = []
  const start = async () => {
    const instance = await startInstance(env)
    instances.push(instance)
    return instance
  }
  const close = async () => {
    for (const client of clients.splice(0)) client.destroy()
    await Promise.all(instances.map((instance) => instance.stop('SIGKILL')))
    await redis.kill()
    await schema.drop()
  }
  try {
    // Both at once: they race to migrate the fresh schema, which the advisory lock settles.
    const [a, b] = await Promise.all([start(), start()])
    const owner = await signUp(a.url, { name: 'Owner' })
    const briefingId = await createBriefingAs(owner, 'Scaled out')
    const token = await collabToken(owner, briefingId)
    return {
      schema,
      redis,
      a,
      b,
      owner,
      briefingId,
      startInstance: start,
      connect(wsUrl, name) {
        const client = connectClient(wsUrl, briefingId, { params: { token } })
        client.provider.awareness.setLocalStateField('user', { name })
        clients.push(client)
        return client
      },
      close,
    }
  } catch (err) {
    await close()
    throw err
  }
}

/** The awareness name `client` sees for `other`, if any. */
export function nameSeen(client: TestClient, other: TestClient): string | undefined {
  return client.provider.awareness.getStates().get(other.doc.clientID)?.user?.name
}

/** Paragraph texts of a replica, as a set. */
export function paragraphs(doc: Y.Doc): Set<string> {
  return new Set(docText(doc).split('\n').filter(Boolean))
}

/** Types `count` paragraphs `<prefix> <n>`, yielding to the event loop between them. */
export async function type(client: TestClient, prefix: string, count: number): Promise<string[]> {
  const typed: string[] = []
  for (let n = 0; n < count; n++) {
    const text = `${prefix} ${n}`
    appendParagraph(client, text)
    typed.push(text)
    await new Promise((resolve) => setImmediate(resolve))
  }
  return typed
}

/** What /healthz answers. */
export interface Health {
  ok: boolean
  store: { backend: string; ok: boolean }
  redis: { ok: boolean } | null
}

/** GET /healthz of an instance. */
export async function health(url: string): Promise<{ status: number; body: Health }> {
  const res = await fetch(`${url}/healthz`)
  return { status: res.status, body: (await res.json()) as Health }
}
