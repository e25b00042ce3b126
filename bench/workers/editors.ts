/**
 * Load generator for the sync-latency and hot-document scenarios: a share of the editors of
 * one document, each a real provider with its own Y.Doc, typing on the shared schedule
 * (bench/lib/workload.ts). For every other editor's edit, each editor records the time from
 * the edit's scheduled time to its arrival.
 *
 * Simulating N editors costs the generator N² applied updates per edit interval, which on a
 * small machine saturates the generator long before the server. So only the first
 * `applying` editors apply what they receive (latency to *applied*); the others are light:
 * their socket hands broadcast updates to the recorder instead of the provider (latency to
 * *received*, bench/lib/clients.ts). The server cannot tell them apart: every editor sends
 * its own edits and is sent every broadcast.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import * as Y from 'yjs'
import { type BenchClient, type DocAccess, openClient } from '../lib/clients'
import { monoMs, until } from '../lib/clock'
import { Histogram, type HistogramData } from '../lib/histogram'
import type { ServerKind } from '../lib/processes'
import { serveRpc } from '../lib/rpc'
import { CLIENT_ID_BASE, editsIn, type Schedule, scheduledAt, Typist } from '../lib/workload'

export interface ConnectParams {
  kind: ServerKind
  wsUrl: string
  access: DocAccess
  /** Editor indices this worker runs. */
  editors: number[]
  /** Editors on the document across all workers. */
  totalEditors: number
  /** Editors with an index below this apply what they receive; the rest are light. */
  applying: number
}

export interface RunParams {
  schedule: Schedule
  /** Edits scheduled before this (monotonic ms) warm up and are not recorded. */
  measureFrom: number
  /** How long after the last scheduled edit to wait for stragglers. */
  drainMs: number
  seed: number
}

export interface RunResult {
  /** Scheduled edit → applied, on the applying editors. */
  applied: HistogramData
  /** Scheduled edit → received, on the light editors. */
  received: HistogramData
  /** Scheduled-to-sent delay of this worker's own edits: the load generator's own lag. */
  sendLag: HistogramData
  /** (receiver, edit) pairs that never arrived by the end of the drain. */
  missing: number
  loopDelayP99Ms: number
  /** CPU seconds this worker used during the run, per wall second. */
  cpuShare: number
}

interface Editor {
  index: number
  applies: boolean
  client: BenchClient
  typist: Typist
  /** Per sender: edits arrived so far. */
  seen: Int32Array
}

let editors: Editor[] = []
let total = 0
let onArrived: (editor: Editor, sender: number, upTo: number) => void = () => {}

function arrived(editor: Editor, update: Uint8Array): void {
  for (const [sender, upTo] of editsIn(update, total)) {
    if (sender !== editor.index && upTo > editor.seen[sender]!) onArrived(editor, sender, upTo)
  }
}

async function connect(params: ConnectParams): Promise<{ connected: number }> {
  total = params.totalEditors
  for (let start = 0; start < params.editors.length; start += 25) {
    const batch = params.editors.slice(start, start + 25).map((index) => {
      const doc = new Y.Doc()
      doc.clientID = CLIENT_ID_BASE + index
      const applies = index < params.applying
      const editor = { index, applies, seen: new Int32Array(total) } as Editor
      editor.typist = new Typist(doc, index, 0)
      editor.client = openClient(params.kind, params.wsUrl, params.access, doc, {
        onUpdateReceived: applies ? undefined : (update) => arrived(editor, update),
      })
      if (applies) {
        doc.on('update', (update: Uint8Array, _o: unknown, _d: Y.Doc, tr: Y.Transaction) => {
          if (!tr.local) arrived(editor, update)
        })
      }
      return editor
    })
    editors.push(...batch)
    await Promise.all(batch.map((editor) => editor.client.whenSynced()))
  }
  return { connected: editors.length }
}

async function run(params: RunParams): Promise<RunResult> {
  const { schedule, measureFrom } = params
  for (const editor of editors) {
    editor.typist = new Typist(editor.client.doc, editor.index, params.seed)
  }
  const applied = new Histogram()
  const received = new Histogram()
  const sendLag = new Histogram()
  const expected = editors.length * (total - 1) * schedule.editsPerEditor
  let count = 0
  onArrived = (editor, sender, upTo) => {
    const now = monoMs()
    const into = editor.applies ? applied : received
    for (let seq = editor.seen[sender]!; seq < upTo && seq < schedule.editsPerEditor; seq++) {
      const at = scheduledAt(schedule, sender, seq)
      if (at >= measureFrom) into.record(now - at)
      count++
    }
    editor.seen[sender] = upTo
  }
  const local = new Map(editors.map((editor) => [editor.index, editor]))
  const loop = monitorEventLoopDelay({ resolution: 5 })
  loop.enable()
  const cpuStart = process.cpuUsage()
  const wallStart = monoMs()

  await until(() => monoMs() >= schedule.t0 - 20, 'the start time', 60_000, 5)
  await typeOnSchedule(schedule, local, (at) => {
    if (at >= measureFrom) sendLag.record(monoMs() - at)
  })
  const lastSlot = scheduledAt(schedule, schedule.editors - 1, schedule.editsPerEditor - 1)
  const deadline = lastSlot + params.drainMs
  while (count < expected && monoMs() < deadline) await new Promise((r) => setTimeout(r, 20))
  onArrived = () => {}

  // Edits that never arrived count at the deadline: a lower bound on their latency.
  let missing = 0
  const end = monoMs()
  for (const editor of editors) {
    for (let sender = 0; sender < total; sender++) {
      if (sender === editor.index) continue
      for (let seq = editor.seen[sender]!; seq < schedule.editsPerEditor; seq++) {
        missing++
        const at = scheduledAt(schedule, sender, seq)
        if (at >= measureFrom) (editor.applies ? applied : received).record(end - at)
      }
    }
  }
  loop.disable()
  const cpu = process.cpuUsage(cpuStart)
  return {
    applied: applied.toData(),
    received: received.toData(),
    sendLag: sendLag.toData(),
    missing,
    loopDelayP99Ms: Math.round(loop.percentile(99) / 1e4) / 100,
    cpuShare: Math.round(((cpu.user + cpu.system) / 1e3 / (end - wallStart)) * 100) / 100,
  }
}

/**
 * Types every local editor's edits at their scheduled times. A slot whose time has passed
 * is typed at once: a late edit is still measured from when it was due.
 */
function typeOnSchedule(
  schedule: Schedule,
  local: Map<number, Editor>,
  onTyped: (scheduledAt: number) => void,
): Promise<void> {
  const slots = schedule.editors * schedule.editsPerEditor
  const at = (slot: number) =>
    scheduledAt(schedule, slot % schedule.editors, Math.floor(slot / schedule.editors))
  return new Promise((resolve) => {
    let slot = 0
    const tick = () => {
      const now = monoMs()
      for (; slot < slots && at(slot) <= now; slot++) {
        const editor = local.get(slot % schedule.editors)
        if (!editor) continue
        editor.typist.type(Math.floor(slot / schedule.editors))
        onTyped(at(slot))
      }
      if (slot >= slots) resolve()
      else setTimeout(tick, Math.max(0, at(slot) - monoMs()))
    }
    tick()
  })
}

async function close(): Promise<null> {
  for (const editor of editors) editor.client.destroy()
  editors = []
  return null
}

serveRpc({ connect, run, close })
