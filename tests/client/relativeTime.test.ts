import { describe, expect, it } from 'vitest'
import { relativeTime } from '../../client/src/list/relativeTime'

const now = new Date('2025-06-15T12:00:00Z')
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString()

describe('relative time', () => {
  it('describes recent times relatively', () => {
    expect(relativeTime(ago(5_000), now, 'en')).toBe('just now')
    expect(relativeTime(ago(-30_000), now, 'en')).toBe('just now')
    expect(relativeTime(ago(5 * 60_000), now, 'en')).toBe('5 minutes ago')
    expect(relativeTime(ago(3 * 3_600_000), now, 'en')).toBe('3 hours ago')
    expect(relativeTime(ago(26 * 3_600_000), now, 'en')).toBe('yesterday')
  })

  it('shows a date for older times, and nothing for garbage', () => {
    expect(relativeTime('2025-01-02T12:00:00Z', now, 'en')).toBe('Jan 2')
    expect(relativeTime('2023-01-02T12:00:00Z', now, 'en')).toBe('Jan 2, 2023')
    expect(relativeTime('not a date', now, 'en')).toBe('')
  })
})
