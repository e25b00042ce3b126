/** The live source library the panel and quote blocks read: sources from the Y.Doc, kept current. */
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { SourceLibrary } from '../../client/src/sources/sourceLibrary'
import { addSource, sourcesMap } from '../../shared/sources'
import { makeSource } from '../quotes/fixtures'

describe('SourceLibrary', () => {
  it('lists sources oldest first and tells subscribers when one is added', () => {
    const doc = new Y.Doc()
    const library = new SourceLibrary(doc)
    const listener = vi.fn()
    const unsubscribe = library.subscribe(listener)
    expect(library.getSnapshot()).toEqual([])

    const later = { ...makeSource(['Second.'], 'b'), retrievedAt: '2024-03-03T00:00:00Z' }
    addSource(doc, later)
    addSource(doc, makeSource(['First.'], 'a'))
    expect(listener).toHaveBeenCalledTimes(2)
    expect(library.getSnapshot().map((s) => s.id)).toEqual(['a', 'b'])
    unsubscribe()
  })

  it('returns the same snapshot and source objects until the map changes', () => {
    const doc = new Y.Doc()
    const library = new SourceLibrary(doc)
    addSource(doc, makeSource(['Text.'], 'a'))
    const snapshot = library.getSnapshot()
    expect(library.getSnapshot()).toBe(snapshot)
    // The verifier caches per source object, so identity must hold between reads.
    expect(library.get('a')).toBe(library.get('a'))
    addSource(doc, makeSource(['More.'], 'b'))
    expect(library.getSnapshot()).not.toBe(snapshot)
  })

  it('sees sources that arrive from a peer, and skips malformed entries', () => {
    const local = new Y.Doc()
    const peer = new Y.Doc()
    const library = new SourceLibrary(local)
    const listener = vi.fn()
    library.subscribe(listener)
    addSource(peer, makeSource(['From a peer.'], 'p'))
    sourcesMap(peer).set('junk', { id: 'junk' })
    Y.applyUpdate(local, Y.encodeStateAsUpdate(peer))
    expect(listener).toHaveBeenCalled()
    expect(library.getSnapshot().map((s) => s.id)).toEqual(['p'])
    expect(library.get('junk')).toBeUndefined()
  })

  it('keeps its snapshot current with no subscribers, and stops calling those who left', () => {
    const doc = new Y.Doc()
    const library = new SourceLibrary(doc)
    const listener = vi.fn()
    expect(library.getSnapshot()).toEqual([])
    library.subscribe(listener)()
    addSource(doc, makeSource(['Text.'], 'a'))
    expect(listener).not.toHaveBeenCalled()
    expect(library.getSnapshot().map((s) => s.id)).toEqual(['a'])
  })
})
