/**
 * Load generator for the durability-cost scenario: per document one or more writers and one
 * observer. Writers run closed-loop (at most `window` edits not yet seen by the observer,
 * and never faster than `maxRate`), so throughput is what the server sustains, and latency
 * is from the actual send to the observer applying the edit.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import * as Y from 'yjs'
import { type BenchClient, type DocAccess, openClient } from '../lib/clients'
import { monoMs } from '../lib/clock'
import { Histogram, type HistogramData } from '../lib/histogram'
import type { ServerKind } from '../lib/processes'
import { serveRpc } from '../lib/rpc'
import { CLIENT_ID_BASE, editsIn, Typist } from '../lib/workload'

export interface WritersConnect {
  kind: ServerKind
  wsUrl: string
  docs: DocAccess[]
  writersPerDocument: number
  /** Index of this worker's first writer across all workers (client ids must not collide). */
  firstWriter: number
}

export interface WritersRun {
  warmupMs: number
  durationMs: number
  maxRatePerWriter: number
  window: number
}

export interface WritersResult {
  /** Edits received by observers inside the measured window. */
  delivered: number
  latency: HistogramData
  loopDelayP99Ms: number
  /** CPU seconds this worker used per wall second. */
  cpuShare: number
}

interface Writer {
  index: number
  client: BenchClient
  typist: Typist
  sent: number
  acked: number
  sentAt: number[]
  nextAllowed: number
}

let writers: Writer[] = []
let observers: BenchClient[] = []
let onAck: (writer: Writer, upTo: number) => void = () => {}

async function connect(params: WritersConnect): Promise<{ writers: number }> {
  const all = params.docs.length * params.writersPerDocument + params.firstWriter
  await Promise.all(
    params.docs.map(async (access, d) => {
      const mine: Writer[] = []
      for (let w = 0; w < params.writersPerDocument; w++) {
        const doc = new Y.Doc()
        const index = params.firstWriter + d * params.writersPerDocument + w
        doc.clientID = CLIENT_ID_BASE + index
        const writer: Writer = {
          index,
          client: openClient(params.kind, params.wsUrl, access, doc),
          typist: new Typist(doc, index, 3),
          sent: 0,
          acked: 0,
          sentAt: [],
          nextAllowed: 0,
        }
        mine.push(writer)
      }
      const byIndex = new Map(mine.map((writer) => [writer.index, writer]))
      // A light client (it receives every broadcast but does not apply it), so the generator
      // spends its CPU on sending; see bench/lib/clients.ts.
      const observer = openClient(params.kind, params.wsUrl, access, new Y.Doc(), {
        onUpdateReceived(update) {
          for (const [index, upTo] of editsIn(update, all)) {
            const writer = byIndex.get(index)
            if (writer && upTo > writer.acked) onAck(writer, upTo)
          }
        },
      })
      writers.push(...mine)
      observers.push(observer)
      await Promise.all([observer, ...mine.map((w) => w.client)].map((c) => c.whenSynced()))
    }),
  )
  return { writers: writers.length }
}

async function run(params: WritersRun): Promise<WritersResult> {
  const spacing = 1000 / params.maxRatePerWriter
  const start = monoMs()
  const measureFrom = start + params.warmupMs
  const end = measureFrom + params.durationMs
  const latency = new Histogram()
  let delivered = 0
  const pump = (writer: Writer) => {
    const now = monoMs()
    if (now >= end) return
    while (writer.sent - writer.acked < params.window && now >= writer.nextAllowed) {
      writer.sentAt[writer.sent] = monoMs()
      writer.typist.type(writer.sent++)
      writer.nextAllowed = Math.max(writer.nextAllowed + spacing, now)
    }
    if (writer.sent - writer.acked < params.window) {
      setTimeout(() => pump(writer), Math.max(0, writer.nextAllowed - now))
    }
  }
  onAck = (writer, upTo) => {
    const now = monoMs()
    for (let seq = writer.acked; seq < upTo; seq++) {
      const sentAt = writer.sentAt[seq]!
      if (sentAt >= measureFrom && now <= end) {
        latency.record(now - sentAt)
        delivered++
      }
    }
    writer.acked = upTo
    pump(writer)
  }
  const loop = monitorEventLoopDelay({ resolution: 5 })
  loop.enable()
  const cpuStart = process.cpuUsage()
  for (const writer of writers) pump(writer)
  await new Promise((resolve) => setTimeout(resolve, end - monoMs() + 50))
  onAck = () => {}
  loop.disable()
  const cpu = process.cpuUsage(cpuStart)
  return {
    delivered,
    latency: latency.toData(),
    loopDelayP99Ms: Math.round(loop.percentile(99) / 1e4) / 100,
    cpuShare: Math.round(((cpu.user + cpu.system) / 1e3 / (monoMs() - start)) * 100) / 100,
  }
}

async function close(): Promise<null> {
  for (const client of [...writers.map((w) => w.client), ...observers]) client.destroy()
  writers = []
  observers = []
  return null
}

serveRpc({ connect, run, close })
