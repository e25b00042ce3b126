/**
 * [BENCH2] The pieces the benchmark numbers rest on: percentiles from the merged histogram,
 * and reading which scheduled edits an update carries from its clock range alone.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Histogram } from '../../bench/lib/histogram'
import {
  CLIENT_ID_BASE,
  editsIn,
  editToken,
  scheduledAt,
  seedParagraphs,
  TOKEN_LENGTH,
  Typist,
} from '../../bench/lib/workload'

describe('bench measurement', () => {
  it('[BENCH2a] percentiles of merged histograms match the samples to 10 µs', () => {
    const a = new Histogram()
    const b = new Histogram()
    for (let i = 1; i <= 1000; i++) (i % 2 ? a : b).record(i / 10)
    const merged = new Histogram()
    merged.merge(a.toData())
    merged.merge(b.toData())
    const summary = merged.summary()
    expect(summary.samples).toBe(1000)
    expect(summary.p50).toBeCloseTo(50, 1)
    expect(summary.p99).toBeCloseTo(99, 1)
    expect(summary.max).toBe(100)
    merged.record(5_000)
    expect(merged.summary().max).toBe(5_000)
  })

  it('[BENCH2b] every edit is one fixed-width token, so clocks name the edits applied', () => {
    expect(editToken(7, 42)).toHaveLength(TOKEN_LENGTH)
    expect(() => editToken(10_000, 0)).toThrow(RangeError)
    const sender = new Y.Doc()
    seedParagraphs(sender, 3, 1)
    sender.clientID = CLIENT_ID_BASE + 2
    const receiver = new Y.Doc()
    Y.applyUpdate(receiver, Y.encodeStateAsUpdate(sender))
    const typist = new Typist(sender, 2, 9)
    const updates: Uint8Array[] = []
    sender.on('update', (update: Uint8Array) => updates.push(update))
    for (let seq = 0; seq < 5; seq++) typist.type(seq)
    expect(editsIn(updates[0]!, 4)).toEqual([[2, 1]])
    expect(editsIn(Y.mergeUpdates(updates.slice(1, 4)), 4)).toEqual([[2, 4]])
    for (const update of updates) Y.applyUpdate(receiver, update)
    expect(receiver.getXmlFragment('default').toString()).toContain(editToken(2, 4))
  })

  it('[BENCH2c] the schedule spreads editors evenly over each interval', () => {
    const schedule = { t0: 1000, editors: 4, intervalMs: 200, editsPerEditor: 10 }
    expect(scheduledAt(schedule, 0, 0)).toBe(1000)
    expect(scheduledAt(schedule, 1, 0)).toBe(1050)
    expect(scheduledAt(schedule, 0, 1)).toBe(1200)
  })
})
