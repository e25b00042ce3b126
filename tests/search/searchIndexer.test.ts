/**
 * [SIX] When the search indexer writes: once edits pause, at the latest after its maximum
 * wait while they go on, in order per briefing, everything waiting on close, and a failed
 * write logged rather than thrown. Also how a query becomes terms and a snippet its
 * highlights. The document and the index are stand-ins here: the store and server tests
 * ([SI], [SRCH]) run the real ones; this is the scheduling alone.
 */

import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SearchIndexer } from '../../server/search/searchIndexer'
import type { BriefingText } from '../../server/store/search/searchIndex'
import { readMarkedSnippet } from '../../shared/search/snippet'
import { MAX_SEARCH_TERMS, searchTerms } from '../../shared/search/terms'
import { captureLogger } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

/** An indexer over in-memory documents whose writes are recorded; `clock` is its time. */
function setup(options = { delayMs: 30, maxWaitMs: 60_000 }) {
  const docs = new Map<string, string>()
  const writes: Array<{ id: string; body: string }> = []
  const clock = { now: 0 }
  let fail = false
  const log = captureLogger()
  const indexer = new SearchIndexer(
    {
      async read(id, read) {
        const doc = new Y.Doc()
        doc.getText('t').insert(0, docs.get(id) ?? '')
        return read(doc)
      },
      text: (doc): BriefingText => ({ body: doc.getText('t').toString(), sources: [] }),
      async write(id, text) {
        if (fail) throw new Error('store down')
        writes.push({ id, body: text.body })
      },
    },
    log,
    options,
    () => clock.now,
  )
  return {
    indexer,
    docs,
    writes,
    clock,
    log,
    failWrites(value: boolean) {
      fail = value
    },
  }
}

describe('[SIX] search indexer', () => {
  it('[SIX1] a burst of edits is indexed once, with the text as it stands after it', async () => {
    const { indexer, docs, writes } = setup()
    for (const text of ['a', 'ab', 'abc']) {
      docs.set('b1', text)
      indexer.changed('b1')
    }
    await waitFor(() => writes.length > 0, 'indexed')
    expect(writes).toEqual([{ id: 'b1', body: 'abc' }])
    await indexer.close()
    expect(writes).toHaveLength(1)
  })

  it('[SIX2] edits that never pause are indexed at the maximum wait', async () => {
    const { indexer, docs, writes, clock } = setup({ delayMs: 60_000, maxWaitMs: 1_000 })
    docs.set('b1', 'first')
    indexer.changed('b1')
    // The burst started 1 s ago by the indexer's clock: the next edit is due at once.
    clock.now = 1_000
    docs.set('b1', 'second')
    indexer.changed('b1')
    await waitFor(() => writes.length > 0, 'indexed at the maximum wait')
    expect(writes).toEqual([{ id: 'b1', body: 'second' }])
    await indexer.close()
  })

  it('[SIX3] close writes every change still waiting, then takes no more', async () => {
    const { indexer, docs, writes } = setup({ delayMs: 60_000, maxWaitMs: 60_000 })
    docs.set('b1', 'one')
    docs.set('b2', 'two')
    indexer.changed('b1')
    indexer.changed('b2')
    await indexer.close()
    expect(writes.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'b1', body: 'one' },
      { id: 'b2', body: 'two' },
    ])
    indexer.changed('b1')
    await indexer.flush('b1')
    expect(writes).toHaveLength(2)
  })

  it('[SIX4] a failed write is logged, and the next change writes again', async () => {
    const { indexer, docs, writes, log, failWrites } = setup({ delayMs: 60_000, maxWaitMs: 60_000 })
    failWrites(true)
    docs.set('b1', 'lost')
    indexer.changed('b1')
    await indexer.flush('b1')
    expect(log.lines.some((line) => line.msg === 'could not update the search index')).toBe(true)
    failWrites(false)
    docs.set('b1', 'kept')
    indexer.changed('b1')
    await indexer.flush('b1')
    expect(writes).toEqual([{ id: 'b1', body: 'kept' }])
    await indexer.close()
  })

  it('[SIX7] a backfill indexes each briefing in turn and stops once closed', async () => {
    const { indexer, docs, writes } = setup({ delayMs: 60_000, maxWaitMs: 60_000 })
    docs.set('a', 'alpha')
    docs.set('b', 'beta')
    await indexer.backfill(['a', 'b'])
    expect(writes).toEqual([
      { id: 'a', body: 'alpha' },
      { id: 'b', body: 'beta' },
    ])
    await indexer.close()
    await indexer.backfill(['a'])
    expect(writes).toHaveLength(2)
  })

  it('[SIX5] a query becomes its distinct lower-case words, letters and digits only', () => {
    expect(searchTerms('  Brexit "deal" -- OR o’Brien* 2024!')).toEqual([
      'brexit',
      'deal',
      'or',
      'o',
      'brien',
      '2024',
    ])
    expect(searchTerms('Ünïcode ＦＵＬＬ width')).toEqual(['ünïcode', 'full', 'width'])
    expect(searchTerms('a a b')).toEqual(['a', 'b'])
    expect(searchTerms('!!! ... ')).toEqual([])
    expect(
      searchTerms('w '.repeat(20) + Array.from({ length: 20 }, (_, i) => `x${i}`).join(' ')),
    ).toHaveLength(MAX_SEARCH_TERMS)
  })

  it('[SIX6] a marked snippet reads as plain text with the marked ranges', () => {
    const snippet = readMarkedSnippet(
      '…the \u0002dock\u0003 and the \u0002cranes\u0003 stood',
      '\u0002',
      '\u0003',
    )
    expect(snippet.text).toBe('…the dock and the cranes stood')
    expect(snippet.highlights.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['dock', 'cranes'])
    expect(readMarkedSnippet('odd \u0003close and \u0002open', '\u0002', '\u0003')).toEqual({
      text: 'odd close and open',
      highlights: [],
    })
  })
})
