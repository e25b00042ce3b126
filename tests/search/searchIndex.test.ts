/**
 * [SI] The full-text index on SQLite (FTS5) and on PostgreSQL (tsvector): the same rows and
 * the same answers on both, for titles, text and sources, among the briefings asked for.
 */
import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { openStores, type Stores } from '../../server/store'
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../server/store/search/searchIndex'
import { createTestSchema } from '../helpers/postgres'
import { tempDir } from '../helpers/server'

const NOW = '2030-01-01T09:00:00.000Z'

describe.each(['sqlite', 'postgres'] as const)('[SI] search index on %s', (backend) => {
  const cleanups: Array<() => Promise<void>> = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  async function open(): Promise<Stores> {
    let config: { dataDir: string; databaseUrl?: string }
    if (backend === 'postgres') {
      const schema = await createTestSchema()
      cleanups.push(() => schema.drop())
      config = { dataDir: '', databaseUrl: schema.url }
    } else {
      const dir = tempDir()
      cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }))
      config = { dataDir: dir }
    }
    const stores = await openStores(config)
    cleanups.push(() => stores.close())
    await stores.users.create({
      id: 'u1',
      email: 'ada@example.test',
      name: 'Ada',
      isAdmin: false,
      createdAt: NOW,
      passwordHash: 'x',
    })
    await stores.teams.create({ id: 't1', name: 'Desk', personal: false, createdAt: NOW })
    return stores
  }

  async function briefing(stores: Stores, id: string, title: string) {
    await stores.briefings.create({
      id,
      teamId: 't1',
      title,
      teamRole: 'editor',
      createdBy: 'u1',
      createdAt: NOW,
    })
  }

  const ids = (hits: Array<{ briefingId: string; sourceId: string | null }>) =>
    hits.map((hit) => `${hit.briefingId}/${hit.sourceId ?? ''}`).sort()

  it('[SI1] finds a briefing by a word of its title, and by the start of a word', async () => {
    const stores = await open()
    await briefing(stores, 'b1', 'Harbour strike talks')
    await briefing(stores, 'b2', 'Budget review')
    await stores.search.indexTitle('b1')
    await stores.search.indexTitle('b2')
    expect(ids(await stores.search.search(['harbour'], ['b1', 'b2'], 10))).toEqual(['b1/'])
    expect(ids(await stores.search.search(['budg'], ['b1', 'b2'], 10))).toEqual(['b2/'])
    expect(ids(await stores.search.search(['harbour', 'budget'], ['b1', 'b2'], 10))).toEqual([])
  })

  it('[SI2] finds text and sources, with the matched words marked in the snippet', async () => {
    const stores = await open()
    await briefing(stores, 'b1', 'Morning note')
    await stores.search.indexBriefing('b1', {
      body: 'The ministry confirmed the dockworkers will return on Monday.',
      sources: [
        { id: 's1', title: 'Port authority statement', body: 'Cranes idle since the walkout.' },
      ],
    })
    const text = await stores.search.search(['dockworkers'], ['b1'], 10)
    expect(ids(text)).toEqual(['b1/'])
    expect(text[0]!.title).toBe('Morning note')
    expect(text[0]!.snippet).toContain(`${SNIPPET_OPEN}dockworkers${SNIPPET_CLOSE}`)
    const source = await stores.search.search(['walkout'], ['b1'], 10)
    expect(ids(source)).toEqual(['b1/s1'])
    expect(source[0]!.title).toBe('Port authority statement')
    expect(source[0]!.snippet).toContain(`${SNIPPET_OPEN}walkout${SNIPPET_CLOSE}`)
    expect(ids(await stores.search.search(['authority'], ['b1'], 10))).toEqual(['b1/s1'])
  })

  it('[SI3] answers only from the briefings asked for', async () => {
    const stores = await open()
    await briefing(stores, 'b1', 'Secret harbour plan')
    await briefing(stores, 'b2', 'Open harbour plan')
    await stores.search.indexTitle('b1')
    await stores.search.indexTitle('b2')
    expect(ids(await stores.search.search(['harbour'], ['b2'], 10))).toEqual(['b2/'])
    expect(await stores.search.search(['harbour'], [], 10)).toEqual([])
  })

  it('[SI4] re-indexing replaces text, drops removed sources, follows renames and deletes', async () => {
    const stores = await open()
    await briefing(stores, 'b1', 'Old title')
    const source = { id: 's1', title: 'Wire copy', body: 'Grain exports resumed.' }
    await stores.search.indexBriefing('b1', {
      body: 'First draft about ferries.',
      sources: [source],
    })
    await stores.search.indexBriefing('b1', { body: 'Second draft about trains.', sources: [] })
    expect(await stores.search.search(['ferries'], ['b1'], 10)).toEqual([])
    expect(await stores.search.search(['grain'], ['b1'], 10)).toEqual([])
    expect(ids(await stores.search.search(['trains'], ['b1'], 10))).toEqual(['b1/'])
    await stores.briefings.update('b1', { title: 'New heading', now: NOW })
    await stores.search.indexTitle('b1')
    expect(ids(await stores.search.search(['heading'], ['b1'], 10))).toEqual(['b1/'])
    expect(await stores.search.search(['old'], ['b1'], 10)).toEqual([])
    // The text stays indexed across a rename.
    expect(ids(await stores.search.search(['trains'], ['b1'], 10))).toEqual(['b1/'])
    await stores.briefings.delete('b1')
    expect(await stores.search.search(['trains'], ['b1'], 10)).toEqual([])
    expect(await stores.search.orphans()).toEqual([])
  })

  it('[SI5] a briefing deleted before its text is indexed gets no rows', async () => {
    const stores = await open()
    await stores.search.indexBriefing('gone', { body: 'orphan words', sources: [] })
    await stores.search.indexTitle('gone')
    expect(await stores.search.search(['orphan'], ['gone'], 10)).toEqual([])
  })

  it('[SI6] ranks a title match above a match in the text, and keeps to the limit', async () => {
    const stores = await open()
    await briefing(stores, 'b1', 'Notes')
    await briefing(stores, 'b2', 'Drought outlook')
    await stores.search.indexBriefing('b1', {
      body: 'A word on the drought, in passing.',
      sources: [],
    })
    await stores.search.indexBriefing('b2', { body: 'Rainfall figures.', sources: [] })
    const hits = await stores.search.search(['drought'], ['b1', 'b2'], 10)
    expect(hits.map((hit) => hit.briefingId)).toEqual(['b2', 'b1'])
    expect(await stores.search.search(['drought'], ['b1', 'b2'], 1)).toHaveLength(1)
  })

  it('[SI7] rebuilding the structure keeps every answer', async () => {
    const stores = await open()
    await briefing(stores, 'b1', 'Harbour')
    await stores.search.indexBriefing('b1', { body: 'Cranes', sources: [] })
    await stores.search.rebuildStructure()
    expect(ids(await stores.search.search(['cranes'], ['b1'], 10))).toEqual(['b1/'])
  })
})
