/**
 * [VS] The version store keeps each version's Yjs state and JSON on both backends, lists them
 * newest first, refuses a second version of the same state, and reports its size.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openStores, type Stores } from '../../server/store'
import type { NewVersion } from '../../server/store/versionStore'
import { createTestSchema, type TestSchema } from '../helpers/postgres'
import { tempDir } from '../helpers/server'

function stateOf(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

const version = (id: string, at: string, extra: Partial<NewVersion> = {}): NewVersion => ({
  id,
  createdAt: at,
  kind: 'settled',
  name: null,
  authors: [{ id: 'u1', name: 'Ada' }],
  restoredFrom: null,
  state: stateOf(id),
  content: { type: 'doc', content: [{ type: 'paragraph' }] },
  ...extra,
})

describe.each(['sqlite', 'postgres'] as const)('[VS] version store on %s', (backend) => {
  let schema: TestSchema | undefined
  let stores: Stores

  beforeEach(async () => {
    schema = backend === 'postgres' ? await createTestSchema() : undefined
    stores = await openStores(
      schema ? { dataDir: '', databaseUrl: schema.url } : { dataDir: tempDir() },
    )
  })
  afterEach(async () => {
    await stores.close()
    await schema?.drop()
  })

  it('[VS1] a version keeps its Yjs state byte for byte and its JSON; the list is newest first', async () => {
    const first = version('aaa', '2026-01-01T10:00:00.000Z')
    const second = version('bbb', '2026-01-01T10:00:00.000Z', { kind: 'manual', name: 'Tuesday' })
    expect(await stores.versions.add('b1', first)).toMatchObject({ id: 'aaa', kind: 'settled' })
    await stores.versions.add('b1', second)
    await stores.versions.add('b2', version('ccc', '2026-01-02T00:00:00.000Z'))

    // Same millisecond: the order made decides, not the id.
    expect((await stores.versions.list('b1')).map((v) => v.id)).toEqual(['bbb', 'aaa'])
    expect((await stores.versions.latest('b1'))?.name).toBe('Tuesday')
    const stored = await stores.versions.get('b1', 'aaa')
    expect(stored?.state).toEqual(first.state)
    expect(stored?.content).toEqual(first.content)
    expect(stored?.authors).toEqual([{ id: 'u1', name: 'Ada' }])
    expect(stored?.bytes).toBe(first.state.byteLength + JSON.stringify(first.content).length)
    expect(await stores.versions.get('b2', 'aaa')).toBeUndefined()
  })

  it('[VS2] the same state twice is one version; rename, delete and totals', async () => {
    await stores.versions.add('b1', version('aaa', '2026-01-01T10:00:00.000Z'))
    expect(
      await stores.versions.add('b1', version('aaa', '2026-01-01T11:00:00.000Z')),
    ).toBeUndefined()
    expect(await stores.versions.list('b1')).toHaveLength(1)

    expect((await stores.versions.rename('b1', 'aaa', 'Sent to the minister'))?.name).toBe(
      'Sent to the minister',
    )
    expect(await stores.versions.rename('b1', 'zzz', 'x')).toBeUndefined()
    await stores.versions.add('b1', version('bbb', '2026-01-01T12:00:00.000Z'))
    const totals = await stores.versions.totals()
    expect(totals.count).toBe(2)
    expect(totals.bytes).toBeGreaterThan(0)

    expect(await stores.versions.delete('b1', ['aaa', 'nope'])).toBe(1)
    expect((await stores.versions.list('b1')).map((v) => v.id)).toEqual(['bbb'])
    await stores.versions.deleteAll('b1')
    expect(await stores.versions.list('b1')).toEqual([])
    expect(await stores.versions.totals()).toEqual({ count: 0, bytes: 0 })
  })
})
