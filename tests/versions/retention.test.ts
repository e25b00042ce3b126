/**
 * [VR] The retention rule for automatic versions (shared/versions/retention.ts): all kept for
 * a day, then the newest of each hour, after a month the newest of each day; named kept.
 */
import { describe, expect, it } from 'vitest'
import { versionsToThin } from '../../shared/versions/retention'

const now = new Date('2026-06-30T12:00:00.000Z')
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString()
const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

describe('[VR] retention of automatic versions', () => {
  it('[VR1] everything from the last day stays; older ones thin to one an hour, then one a day', () => {
    const versions = [
      { id: 'recent-1', createdAt: ago(5 * MIN), name: null },
      { id: 'recent-2', createdAt: ago(6 * MIN), name: null },
      { id: 'recent-3', createdAt: ago(23 * HOUR), name: null },
      // Two days ago, in one clock hour (12:00-12:59): the newer stays.
      { id: 'hour-new', createdAt: new Date('2026-06-28T12:40:00.000Z').toISOString(), name: null },
      { id: 'hour-old', createdAt: new Date('2026-06-28T12:10:00.000Z').toISOString(), name: null },
      {
        id: 'next-hour',
        createdAt: new Date('2026-06-28T11:50:00.000Z').toISOString(),
        name: null,
      },
      // Forty days ago, one day: only the newest stays.
      { id: 'day-new', createdAt: new Date('2026-05-21T18:00:00.000Z').toISOString(), name: null },
      { id: 'day-old', createdAt: new Date('2026-05-21T02:00:00.000Z').toISOString(), name: null },
      {
        id: 'named',
        createdAt: new Date('2026-05-21T01:00:00.000Z').toISOString(),
        name: 'Tuesday',
      },
      {
        id: 'named-hour',
        createdAt: new Date('2026-06-28T12:05:00.000Z').toISOString(),
        name: 'x',
      },
    ]
    expect(versionsToThin(versions, now).sort()).toEqual(['day-old', 'hour-old'])
    // Order of input does not matter.
    expect(versionsToThin([...versions].reverse(), now).sort()).toEqual(['day-old', 'hour-old'])
  })

  it('[VR2] a year of a version every ten minutes thins to about one a day past the first month', () => {
    const versions = Array.from({ length: (365 * DAY) / (10 * MIN) }, (_, i) => ({
      id: `v${i}`,
      createdAt: ago(i * 10 * MIN),
      name: null,
    }))
    const kept = versions.length - versionsToThin(versions, now).length
    // 144 from the last day, ~29 days × 24 hours, ~335 days.
    expect(kept).toBeGreaterThan(144 + 29 * 24 + 330)
    expect(kept).toBeLessThan(144 + 30 * 24 + 340)
  })
})
