/** [ET] A briefing's updatedAt follows its edits, at most once per interval per briefing. */
import { describe, expect, it } from 'vitest'
import { EditTouches } from '../../server/collab/editTouches'
import { createLogger } from '../../server/log/logger'

const INTERVAL = 5_000

function touches(failing = false) {
  const calls: Array<[string, string]> = []
  const log = createLogger('error', () => undefined)
  const touch = (id: string, at: string) => {
    calls.push([id, at])
    return failing ? Promise.reject(new Error('store down')) : Promise.resolve()
  }
  return { calls, throttle: new EditTouches(INTERVAL, touch, log) }
}

describe('edit touches', () => {
  it('[ET1] touches a briefing at its first edit and again only once the interval has passed', () => {
    const { calls, throttle } = touches()
    throttle.edited('a', 0)
    throttle.edited('a', INTERVAL - 1)
    throttle.edited('b', 1)
    throttle.edited('a', INTERVAL)
    expect(calls).toEqual([
      ['a', new Date(0).toISOString()],
      ['b', new Date(1).toISOString()],
      ['a', new Date(INTERVAL).toISOString()],
    ])
  })

  it('[ET2] forgets briefings not touched within the interval, so it holds only recent ones', () => {
    const { calls, throttle } = touches()
    for (let i = 0; i < 1_000; i++) throttle.edited(`briefing-${i}`, i)
    expect(throttle.size).toBe(1_000)
    throttle.edited('late', 999 + INTERVAL)
    // Everything touched an interval or more ago is gone; what is younger stays.
    expect(throttle.size).toBe(1)
    throttle.edited('briefing-0', 1_000 + INTERVAL)
    expect(calls.at(-1)).toEqual(['briefing-0', new Date(1_000 + INTERVAL).toISOString()])
    expect(throttle.size).toBe(2)
  })

  it('[ET3] a briefing edited again keeps its place: pruning stops at the first recent entry', () => {
    const { throttle } = touches()
    throttle.edited('a', 0)
    throttle.edited('b', 1_000)
    throttle.edited('a', INTERVAL) // touched again: now the youngest
    throttle.edited('c', INTERVAL + 1_000) // b has expired, a has not
    expect(throttle.size).toBe(2)
  })

  it('[ET4] a failed touch is logged, never thrown, and does not retry within the interval', async () => {
    const { calls, throttle } = touches(true)
    throttle.edited('a', 0)
    await new Promise((resolve) => setImmediate(resolve))
    throttle.edited('a', 1)
    expect(calls).toHaveLength(1)
  })
})
