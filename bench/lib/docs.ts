/**
 * Documents to benchmark on, with credentials. Briefing needs a signed-in user, a briefing
 * per document and a collab token per briefing (through the real HTTP API); Hocuspocus
 * accepts any name, with the bench wrapper's HMAC token.
 */
import { randomUUID } from 'node:crypto'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../../tests/helpers/users'
import { hocuspocusToken } from '../servers/hocuspocusShared'
import type { DocAccess } from './clients'
import { HOCUSPOCUS_SECRET, type ServerProcess } from './processes'

/** Hocuspocus bench tokens live as long as Briefing's collab tokens. */
const TOKEN_TTL_MS = 5 * 60_000

export interface DocFactory {
  /** New documents; with `tokens: false` the tokens are left empty, for `refresh` later. */
  create(count: number, options?: { tokens: boolean }): Promise<DocAccess[]>
  /** Fresh tokens for documents created earlier. */
  refresh(docs: readonly DocAccess[]): Promise<DocAccess[]>
}

export async function docFactory(server: ServerProcess): Promise<DocFactory> {
  if (server.kind === 'hocuspocus') {
    const token = (name: string) =>
      hocuspocusToken(HOCUSPOCUS_SECRET, name, Date.now() + TOKEN_TTL_MS)
    return {
      async create(count) {
        return Array.from({ length: count }, () => {
          const name = `bench-${randomUUID()}`
          return { name, token: token(name) }
        })
      },
      async refresh(docs) {
        return docs.map((doc) => ({ name: doc.name, token: token(doc.name) }))
      },
    }
  }
  const owner = await signUp(server.httpUrl, { name: 'Bench' })
  return {
    create: (count, options = { tokens: true }) =>
      inBatches(count, async () => {
        const name = await patiently(() => createBriefingAs(owner, 'Benchmark'))
        if (!options.tokens) return { name, token: '' }
        return { name, token: await patiently(() => collabToken(owner, name)) }
      }),
    refresh: (docs) => briefingTokens(owner, docs),
  }
}

async function briefingTokens(owner: TestUser, docs: readonly DocAccess[]) {
  return inBatches(docs.length, async (i) => {
    const name = docs[i]!.name
    return { name, token: await patiently(() => collabToken(owner, name)) }
  })
}

/**
 * Retries a request the API rate limiter refused (HTTP 429). The bench server switches the
 * limits off through API_RATE_LIMIT=0; this keeps the bench working on a server that does
 * not honour that, at the cost of time.
 */
async function patiently<T>(request: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 5 * 60_000
  for (;;) {
    try {
      return await request()
    } catch (err) {
      if (!/\b429\b/.test(String(err)) || Date.now() > deadline) throw err
      await new Promise((resolve) => setTimeout(resolve, 2_000))
    }
  }
}

/** Runs `make(i)` for i in [0, count), a few at a time (HTTP requests to the server). */
async function inBatches<T>(count: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count)
  let next = 0
  const lane = async () => {
    while (next < count) {
      const i = next++
      out[i] = await make(i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(8, count) }, lane))
  return out
}
