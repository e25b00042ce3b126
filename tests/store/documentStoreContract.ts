/**
 * The DocumentStore contract: every backend runs this same suite (tests/store/*.test.ts),
 * so a backend that passes is interchangeable with any other.
 */
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocumentStore } from '../../server/store/documentStore'

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  let captured: Uint8Array | null = null
  const capture = (update: Uint8Array) => {
    captured = update
  }
  doc.on('update', capture)
  doc.getText('t').insert(doc.getText('t').length, text)
  doc.off('update', capture)
  return captured!
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc.getText('t').toString()
}

export function documentStoreContract(
  name: string,
  open: () => Promise<{ store: DocumentStore; cleanup(): Promise<void> }>,
) {
  describe(`DocumentStore contract: ${name}`, () => {
    let store: DocumentStore
    let cleanup: () => Promise<void>
    beforeAll(async () => {
      ;({ store, cleanup } = await open())
    })
    afterAll(async () => {
      // When setup failed there is nothing to close; its own error already explains why.
      await store?.close()
      await cleanup?.()
    })
    const docName = () => `doc-${randomUUID()}`

    it('[DS1] an unknown document loads as empty', async () => {
      expect(await store.load(docName())).toEqual([])
      expect(await store.stats(docName())).toEqual({ entries: 0, bytes: 0 })
    })

    it('[DS2] appends come back in order, byte for byte', async () => {
      const name = docName()
      const doc = new Y.Doc()
      const updates = ['a', 'b', 'c'].map((t) => textUpdate(doc, t))
      await store.append(name, [updates[0]!])
      await store.append(name, updates.slice(1))
      const loaded = await store.load(name)
      expect(loaded.map((u) => Array.from(u))).toEqual(updates.map((u) => Array.from(u)))
      expect(textOf(loaded)).toBe('abc')
      expect((await store.stats(name)).entries).toBe(3)
    })

    it('[DS3] documents are isolated from each other', async () => {
      const [one, two] = [docName(), docName()]
      const doc = new Y.Doc()
      await store.append(one, [textUpdate(doc, 'x')])
      expect(await store.load(two)).toEqual([])
    })

    it('[DS4] compaction keeps the content and shrinks the log to one row', async () => {
      const name = docName()
      const doc = new Y.Doc()
      for (let i = 0; i < 50; i++) await store.append(name, [textUpdate(doc, String(i % 10))])
      const result = await store.compact(name)
      expect(result.merged).toBe(50)
      const loaded = await store.load(name)
      expect(loaded).toHaveLength(1)
      expect(textOf(loaded)).toBe(doc.getText('t').toString())
    })

    it('[DS5] appends racing a compaction are never lost', async () => {
      const name = docName()
      const doc = new Y.Doc()
      for (let i = 0; i < 200; i++) await store.append(name, [textUpdate(doc, 'a')])
      const racing: Promise<void>[] = []
      const compaction = store.compact(name)
      for (let i = 0; i < 50; i++) racing.push(store.append(name, [textUpdate(doc, 'b')]))
      await Promise.all([compaction, ...racing])
      // A second compaction racing more appends, then a final check of everything.
      const second = store.compact(name)
      for (let i = 0; i < 20; i++) racing.push(store.append(name, [textUpdate(doc, 'c')]))
      await Promise.all([second, ...racing])
      expect(textOf(await store.load(name))).toBe(doc.getText('t').toString())
      expect(doc.getText('t').length).toBe(270)
    })

    it('[DS6] compacting an empty or single-row document is a no-op', async () => {
      const name = docName()
      expect((await store.compact(name)).merged).toBe(0)
      const doc = new Y.Doc()
      await store.append(name, [textUpdate(doc, 'only')])
      expect((await store.compact(name)).merged).toBe(0)
      expect(textOf(await store.load(name))).toBe('only')
    })

    it('[DS7] delete removes every row of that document only', async () => {
      const [gone, kept] = [docName(), docName()]
      const doc = new Y.Doc()
      await store.append(gone, [textUpdate(doc, 'x')])
      await store.append(kept, [textUpdate(doc, 'y')])
      await store.delete(gone)
      expect(await store.load(gone)).toEqual([])
      expect(await store.load(kept)).toHaveLength(1)
    })

    it('[DS8] a batch append is all or nothing and keeps order', async () => {
      const name = docName()
      const doc = new Y.Doc()
      const batch = Array.from({ length: 100 }, (_, i) => textUpdate(doc, String(i % 10)))
      await store.append(name, batch)
      expect(textOf(await store.load(name))).toBe(doc.getText('t').toString())
    })

    it('[DS10] a group append stores several documents in order, all or nothing', async () => {
      expect(store.appendMany).toBeTypeOf('function')
      const [a, b] = [docName(), docName()]
      const docA = new Y.Doc()
      const docB = new Y.Doc()
      const first = Array.from({ length: 30 }, (_, i) => textUpdate(docA, String(i % 10)))
      const second = Array.from({ length: 20 }, (_, i) => textUpdate(docB, 'abc'[i % 3]!))
      await store.appendMany!([
        { name: a, updates: first.slice(0, 10) },
        { name: b, updates: second },
        { name: a, updates: first.slice(10) },
      ])
      expect(await store.load(a)).toHaveLength(30)
      expect(textOf(await store.load(a))).toBe(docA.getText('t').toString())
      expect(textOf(await store.load(b))).toBe(docB.getText('t').toString())
      // A group the store refuses part of (a document without a name) stores none of it.
      const c = docName()
      await expect(
        store.appendMany!([
          { name: c, updates: [textUpdate(new Y.Doc(), 'lost')] },
          { name: null as unknown as string, updates: [textUpdate(new Y.Doc(), 'bad')] },
        ]),
      ).rejects.toThrow()
      expect(await store.load(c)).toEqual([])
    })

    it('[DS9] ping answers while the store is open', async () => {
      await expect(store.ping()).resolves.toBeUndefined()
    })
  })
}
