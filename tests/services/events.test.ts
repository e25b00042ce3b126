/** [SV4] Domain events: every subscriber runs, in order, and one failing does not stop the rest. */
import { describe, expect, it } from 'vitest'
import { type DomainEvent, DomainEvents } from '../../server/services/events'
import { captureLogger } from '../helpers/server'

describe('domain events', () => {
  it('[SV4] publish awaits each subscriber in order; a failing one is logged, not thrown', async () => {
    const log = captureLogger()
    const events = new DomainEvents(log)
    const seen: string[] = []
    events.subscribe(async (event) => {
      await new Promise((resolve) => setImmediate(resolve))
      seen.push(`first ${event.type}`)
    })
    events.subscribe(() => {
      throw new Error('subscriber broke')
    })
    const remove = events.subscribe((event) => {
      seen.push(`third ${event.type}`)
    })
    const deleted: DomainEvent = { type: 'briefing-deleted', id: 'b1' }
    await events.publish(deleted)
    expect(seen).toEqual(['first briefing-deleted', 'third briefing-deleted'])
    expect(log.lines.some((line) => String(line.error).includes('subscriber broke'))).toBe(true)

    remove()
    await events.publish({ type: 'access-changed', change: { kind: 'team', id: 't1' } })
    expect(seen).toEqual([
      'first briefing-deleted',
      'third briefing-deleted',
      'first access-changed',
    ])
  })
})
