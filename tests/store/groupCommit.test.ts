/**
 * [GC] Group commit (server/store/groupCommit.ts) over a real SQLite store: appends made in
 * one event-loop turn, to any documents, reach the store as one group; a refused group fails
 * every append in it and stores nothing.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openStores, type Stores } from '../../server/store'
import type { DocumentStore } from '../../server/store/documentStore'
import { groupCommit } from '../../server/store/groupCommit'

let stores: Stores | null = null
let dir: string | null = null
afterEach(async () => {
  await stores?.close()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
  stores = null
  dir = null
})

function update(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

/** The real SQLite document store, with its group appends recorded as they reach it. */
async function observedStore(): Promise<{ store: DocumentStore; groups: string[][] }> {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-group-commit-'))
  stores = await openStores({ dataDir: dir })
  const real = stores.documents
  const groups: string[][] = []
  const store: DocumentStore = {
    load: (name) => real.load(name),
    append: (name, updates) => {
      groups.push([name])
      return real.append(name, updates)
    },
    appendMany: (group) => {
      groups.push(group.map((item) => item.name))
      return real.appendMany!(group)
    },
    compact: (name) => real.compact(name),
    stats: (name) => real.stats(name),
    delete: (name) => real.delete(name),
    ping: () => real.ping(),
    close: () => real.close(),
  }
  return { store, groups }
}

describe('group commit', () => {
  it('[GC1] appends of one turn, to any documents, are one group, stored in order', async () => {
    const { store, groups } = await observedStore()
    const grouped = groupCommit(store)
    await Promise.all([
      grouped.append('a', [update('one')]),
      grouped.append('b', [update('two')]),
      grouped.append('a', [update('three')]),
    ])
    expect(groups).toEqual([['a', 'b', 'a']])
    expect(await store.load('a')).toHaveLength(2)
    expect(await store.load('b')).toHaveLength(1)
    // The next turn's append is a group of its own; alone, it is a plain append.
    await grouped.append('b', [update('four')])
    expect(groups).toEqual([['a', 'b', 'a'], ['b']])
  })

  it('[GC2] a group the store refuses fails every append in it, and stores none', async () => {
    const { store } = await observedStore()
    const grouped = groupCommit(store)
    const results = await Promise.allSettled([
      grouped.append('c', [update('kept back')]),
      grouped.append(null as unknown as string, [update('refused')]),
    ])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    expect(await store.load('c')).toEqual([])
    // The store is still usable: the room's write queue retries, and the retry lands.
    await grouped.append('c', [update('kept back')])
    expect(await store.load('c')).toHaveLength(1)
  })
})
