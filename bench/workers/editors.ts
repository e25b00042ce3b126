/**
 * Load generator for the sync-latency and hot-document scenarios: a share of the editors of
 * one document, each a real provider with its own Y.Doc. Every editor types on the shared
 * schedule (bench/lib/workload.ts) and every editor records, for every other editor's edit,
 * the time from the edit's scheduled time to the moment the update was applied to its doc.
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
  latency: HistogramData
  /** Scheduled-to-sent delay of this worker's own edits: the load generator's own lag. */
  sendLag: HistogramData
  /** (receiver, edit) pairs never applied by the end of the drain. */
  missing: number
  loopDelayP99Ms: number
  /** CPU seconds this worker used during the run, divided by its wall time. */
  cpuShare: number
}

interface Editor {
  index: number
  client: BenchClient
  typist: Typist
  /** Per sender: edits applied so far. */
  seen: Int32Array
}

let editors: Editor[] = []
let total = 0
let onApplied: (editor: Editor, sender: number, upTo: number) => void = () => {}

async function connect(params: ConnectParams): Promise<{ connected: number }> {
  total = params.totalEditors
  for (let start = 0; start < params.editors.length; start += 25) {
    const batch = params.editors.slice(start, start + 25).map((index) => {
      const doc = new Y.Doc()
      doc.clientID = CLIENT_ID_BASE + index
      const editor: Editor = {
        index,
        client: openClient(params.kind, params.wsUrl, params.access, doc),
        typist: new Typist(doc, index, 0),
        seen: new Int32Array(total),
      }
      doc.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
        if (tr.local) return
        for (const [sender, upTo] of editsIn(update, total)) {
          if (sender !== index && upTo > editor.seen[sender]!) onApplied(editor, sender, upTo)
        }
      })
      return editor
    })
    editors.push(...batch)
    await Promise.all(batch.map((editor) => editor.client.whenSynced()))
  }
  return { connected: editors.length }
}

async function run(params: RunParams): Promise<RunResult> {
  const { schedule, measureFrom } = params
  for (const editor of editors)
    editor.typist = new Typist(editor.client.doc, editor.index, params.seed)
  const latency = new Histogram()
  const sendLag = new Histogram()
  const expected = editors.length * (total - 1) * schedule.editsPerEditor
  let applied = 0
  onApplied = (editor, sender, upTo) => {
    const now = monoMs()
    for (let seq = editor.seen[sender]!; seq < upTo && seq < schedule.editsPerEditor; seq++) {
      const at = scheduledAt(schedule, sender, seq)
      if (at >= measureFrom) latency.record(now - at)
      applied++
    }
    editor.seen[sender] = upTo
  }
  const local = new Map(editors.map((editor) => [editor.index, editor]))
  const loop = monitorEventLoopDelay({ resolution: 5 })
  loop.enable()
  const cpuStart = process.cpuUsage()
  const wallStart = monoMs()

  const slots = schedule.editors * schedule.editsPerEditor
  await until(() => monoMs() >= schedule.t0 - 20, 'the start time', 60_000, 5)
  await new Promise<void>((resolve) => {
    let slot = 0
    const tick = () => {
      const now = monoMs()
      while (slot < slots) {
        const editorIndex = slot % schedule.editors
        const seq = Math.floor(slot / schedule.editors)
        const at = scheduledAt(schedule, editorIndex, seq)
        if (at > now) break
        const editor = local.get(editorIndex)
        if (editor) {
          editor.typist.type(seq)
          if (at >= measureFrom) sendLag.record(monoMs() - at)
        }
        slot++
      }
      if (slot >= slots) {
        resolve()
        return
      }
      const next = scheduledAt(
        schedule,
        slot % schedule.editors,
        Math.floor(slot / schedule.editors),
      )
      setTimeout(tick, Math.max(0, next - monoMs()))
    }
    tick()
  })

  const lastSlot = scheduledAt(schedule, schedule.editors - 1, schedule.editsPerEditor - 1)
  const deadline = lastSlot + params.drainMs
  while (applied < expected && monoMs() < deadline) await new Promise((r) => setTimeout(r, 20))
  onApplied = () => {}

  // Edits never applied count at the deadline: a lower bound on their latency, and counted.
  let missing = 0
  const end = monoMs()
  for (const editor of editors) {
    for (let sender = 0; sender < total; sender++) {
      if (sender === editor.index) continue
      for (let seq = editor.seen[sender]!; seq < schedule.editsPerEditor; seq++) {
        missing++
        const at = scheduledAt(schedule, sender, seq)
        if (at >= measureFrom) latency.record(end - at)
      }
    }
  }
  loop.disable()
  const cpu = process.cpuUsage(cpuStart)
  return {
    latency: latency.toData(),
    sendLag: sendLag.toData(),
    missing,
    loopDelayP99Ms: Math.round(loop.percentile(99) / 1e4) / 100,
    cpuShare: Math.round(((cpu.user + cpu.system) / 1e3 / (end - wallStart)) * 100) / 100,
  }
}

async function close(): Promise<null> {
  for (const editor of editors) editor.client.destroy()
  editors = []
  return null
}

serveRpc({ connect, run, close })
