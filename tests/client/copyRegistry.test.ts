/**
 * [OFC] The rules for this browser's offline copies of briefings (client/src/offline/
 * copyRegistry.ts): a copy is reused only under the epoch it was synced in and by the person
 * who made it; anything else is dropped before the briefing opens.
 */
import { describe, expect, it } from 'vitest'
import {
  type CopyRecord,
  forgetCopy,
  parseCopyRecord,
  planForUser,
  planOpen,
  recordSynced,
} from '../../client/src/offline/copyRegistry'

const ada: CopyRecord = { userId: 'ada', epochs: { b1: 'e1', b2: 'e2' } }

describe('offline copy rules', () => {
  it('[OFC1] a copy synced under the server epoch is reused; one from another epoch is dropped', () => {
    expect(planOpen(ada, 'ada', 'b1', 'e1')).toEqual({ reuse: true, drop: [], next: ada })
    expect(planOpen(ada, 'ada', 'b1', 'e9')).toEqual({
      reuse: false,
      drop: ['b1'],
      next: { userId: 'ada', epochs: { b2: 'e2' } },
    })
    // Never synced: nothing vouches for what the database may hold.
    expect(planOpen(ada, 'ada', 'b3', 'e3')).toMatchObject({ reuse: false, drop: ['b3'] })
    // Only a sync records the epoch, so a reload before one reuses nothing.
    const synced = recordSynced(planOpen(ada, 'ada', 'b1', 'e9').next, 'b1', 'e9')
    expect(planOpen(synced, 'ada', 'b1', 'e9').reuse).toBe(true)
  })

  it('[OFC2] another person signing in drops every copy; the same person keeps them', () => {
    expect(planForUser(ada, 'ada')).toEqual({ drop: [], next: ada })
    expect(planForUser(ada, 'bo')).toEqual({
      drop: ['b1', 'b2'],
      next: { userId: 'bo', epochs: {} },
    })
    expect(planOpen(ada, 'bo', 'b1', 'e1')).toEqual({
      reuse: false,
      drop: ['b2', 'b1'],
      next: { userId: 'bo', epochs: {} },
    })
    expect(forgetCopy(ada, 'b2')).toEqual({ userId: 'ada', epochs: { b1: 'e1' } })
  })

  it('[OFC3] an unreadable record trusts no copy', () => {
    for (const text of [null, '', '{', '[]', '{"userId":1,"epochs":{}}', '{"userId":"a"}']) {
      expect(parseCopyRecord(text)).toBeNull()
    }
    expect(parseCopyRecord('{"userId":"a","epochs":{"b1":"e1","b2":7}}')).toEqual({
      userId: 'a',
      epochs: { b1: 'e1' },
    })
    expect(planOpen(null, 'ada', 'b1', 'e1')).toEqual({
      reuse: false,
      drop: ['b1'],
      next: { userId: 'ada', epochs: {} },
    })
  })
})
