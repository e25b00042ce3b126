/**
 * Search latency: GET /api/search on a Briefing server whose index holds `briefings`
 * briefings (10,000 in a full run), all readable by the searching user, so the access list
 * the index is given is as long as it gets. The briefings are written straight to the
 * server's SQLite store (metadata, owner share, one document update each) and indexed with
 * the product's `reindexAll`, which is timed too. Their text is drawn from a Zipf-distributed
 * vocabulary, so some words are in nearly every briefing and some in a handful; queries are
 * chosen by how many briefings hold them. Each query runs sequentially, after a warm-up, and
 * its latency is measured at the client (request to parsed body). Briefing only: Hocuspocus
 * has no search.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { reindexAll } from '../../server/search/reindex'
import { openStores, type Stores } from '../../server/store'
import { DOCUMENT_FRAGMENT } from '../../shared/schema/extensions'
import { briefingSchema } from '../../shared/schema/schema'
import type { BenchConfig } from '../config'
import { monoMs } from '../lib/clock'
import { Histogram, type LatencySummary } from '../lib/histogram'
import { Prng } from '../lib/prng'
import { startServer } from '../lib/processes'

export interface SearchQueryResult {
  name: string
  q: string
  /** Briefings whose text holds the query's words (before the result limit of 20). */
  briefingsMatching: number
  results: number
  latency: LatencySummary
}

export interface SearchResult {
  briefings: number
  wordsPerBriefing: number
  seedMs: number
  reindexMs: number
  queries: SearchQueryResult[]
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'te', 'vo', 'zi', 'pa', 'di', 'ho']

/** A vocabulary of distinct made-up words, the most frequent first. */
function vocabulary(size: number, random: Prng): string[] {
  const words = new Set<string>()
  while (words.size < size) {
    const length = 2 + random.int(3)
    let word = ''
    for (let i = 0; i < length; i++) word += random.pick(SYLLABLES)
    words.add(word)
  }
  return [...words]
}

/** Picks word ranks by Zipf's law (exponent 1): rank r with probability ∝ 1/(r+1). */
function zipf(size: number): (random: Prng) => number {
  const cumulative: number[] = []
  let total = 0
  for (let r = 0; r < size; r++) {
    total += 1 / (r + 1)
    cumulative.push(total)
  }
  return (random) => {
    const x = random.next() * total
    let lo = 0
    let hi = size - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

function documentUpdate(paragraphs: string[]): Uint8Array {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT)
  fragment.insert(
    0,
    paragraphs.map((text) => {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(text)])
      return paragraph
    }),
  )
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** Writes the briefings to the store and returns, per word, how many briefings hold it. */
async function seed(
  stores: Stores,
  owner: { userId: string; teamId: string },
  config: BenchConfig['search'],
): Promise<Map<string, number>> {
  const random = new Prng(19)
  const words = vocabulary(config.vocabulary, random)
  const rank = zipf(words.length)
  const holding = new Map<string, number>()
  const now = new Date().toISOString()
  for (let i = 0; i < config.briefings; i++) {
    const id = `bench-${String(i).padStart(6, '0')}`
    const text: string[] = []
    for (let w = 0; w < config.wordsPerBriefing; w++) text.push(words[rank(random)]!)
    const paragraphs: string[] = []
    for (let start = 0; start < text.length; start += 60) {
      paragraphs.push(`${text.slice(start, start + 60).join(' ')}.`)
    }
    for (const word of new Set(text)) holding.set(word, (holding.get(word) ?? 0) + 1)
    await stores.briefings.create({
      id,
      teamId: owner.teamId,
      title: `Briefing ${i} ${text.slice(0, 3).join(' ')}`,
      teamRole: 'editor',
      createdBy: owner.userId,
      createdAt: now,
    })
    await stores.briefings.setShare(id, owner.userId, 'owner', 'created')
    await stores.documents.append(id, [documentUpdate(paragraphs)])
  }
  return holding
}

/** Queries by how many briefings hold them: nearly all, about half, a few, one word's start. */
function chooseQueries(holding: Map<string, number>, briefings: number) {
  const byCount = [...holding.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  const near = (target: number) =>
    byCount.reduce((best, entry) =>
      Math.abs(entry[1] - target) < Math.abs(best[1] - target) ? entry : best,
    )
  const common = byCount[0]!
  const half = near(briefings / 2)
  const rare = near(Math.max(3, briefings / 1000))
  const mid = near(briefings / 10)
  return [
    { name: 'word in nearly every briefing', q: common[0], matching: common[1] },
    { name: 'word in about half', q: half[0], matching: half[1] },
    { name: 'word in a few', q: rare[0], matching: rare[1] },
    { name: 'two words (a tenth each)', q: `${mid[0]} ${half[0]}`, matching: -1 },
    { name: 'start of a word (3 letters)', q: rare[0].slice(0, 3), matching: -1 },
  ]
}

export async function searchLatency(
  config: BenchConfig,
  log: (line: string) => void,
): Promise<SearchResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-search-'))
  const server = await startServer({ kind: 'briefing', dataDir })
  try {
    const register = await fetch(`${server.httpUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'searcher@bench.test',
        name: 'Searcher',
        password: 'bench search password',
      }),
    })
    if (register.status !== 201) throw new Error(`register failed: ${register.status}`)
    const me = (await register.json()) as {
      user: { id: string }
      teams: Array<{ id: string; personal: boolean }>
    }
    const cookie = register.headers.getSetCookie()[0]!.split(';')[0]!
    const owner = { userId: me.user.id, teamId: me.teams.find((t) => t.personal)!.id }

    // The bench writes beside the running server, as `briefing reindex` would (WAL).
    const stores = await openStores({ dataDir })
    let holding: Map<string, number>
    let seedMs: number
    let reindexMs: number
    try {
      const seedStart = monoMs()
      holding = await seed(stores, owner, config.search)
      seedMs = Math.round(monoMs() - seedStart)
      const reindexStart = monoMs()
      await reindexAll(stores, briefingSchema())
      reindexMs = Math.round(monoMs() - reindexStart)
    } finally {
      await stores.close()
    }
    log(
      `  ${config.search.briefings} briefings written in ${seedMs} ms, indexed in ${reindexMs} ms`,
    )

    const queries: SearchQueryResult[] = []
    for (const query of chooseQueries(holding, config.search.briefings)) {
      const url = `${server.httpUrl}/api/search?q=${encodeURIComponent(query.q)}`
      const histogram = new Histogram()
      let results = 0
      for (let run = 0; run < config.search.warmup + config.search.runs; run++) {
        const started = monoMs()
        const res = await fetch(url, { headers: { cookie } })
        const body = (await res.json()) as { results: unknown[] }
        const elapsed = monoMs() - started
        if (res.status !== 200) throw new Error(`search ${query.q}: ${res.status}`)
        results = body.results.length
        if (run >= config.search.warmup) histogram.record(elapsed)
      }
      const latency = histogram.summary()
      log(`  ${query.name} (${query.q}): p50 ${latency.p50} ms, p95 ${latency.p95} ms`)
      queries.push({
        name: query.name,
        q: query.q,
        briefingsMatching: query.matching,
        results,
        latency,
      })
    }
    return {
      briefings: config.search.briefings,
      wordsPerBriefing: config.search.wordsPerBriefing,
      seedMs,
      reindexMs,
      queries,
    }
  } finally {
    await server.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
