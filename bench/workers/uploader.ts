/**
 * The hostile user of the "edit latency during a hostile import" scenario: uploads one hostile
 * file into their own briefing, again as soon as the server answers, until stopped. A process
 * of its own, so building and sending multi-megabyte bodies never delays the clients whose
 * edits are being timed.
 */
import { monoMs } from '../lib/clock'
import { HOSTILE_CASES, type HostileCase } from '../lib/hostileCases'
import { serveRpc } from '../lib/rpc'

export interface UploadTarget {
  case: HostileCase
  /** `http://127.0.0.1:port/api/briefings/<id>/sources` */
  url: string
  cookie: string
}

export interface UploadTally {
  /** Answers by HTTP status. */
  statuses: Record<string, number>
  slowestMs: number
}

let body: string | null = null
let target: UploadTarget | null = null
let loop: Promise<UploadTally> | null = null
let stopping = false

async function prepare(params: UploadTarget): Promise<{ fileBytes: number }> {
  const file = await HOSTILE_CASES[params.case]()
  target = params
  body = JSON.stringify({
    type: 'file',
    filename: file.filename,
    contentBase64: Buffer.from(file.bytes).toString('base64'),
  })
  return { fileBytes: file.bytes.byteLength }
}

async function uploadUntilStopped(): Promise<UploadTally> {
  const tally: UploadTally = { statuses: {}, slowestMs: 0 }
  while (!stopping && target && body) {
    const started = monoMs()
    const response = await fetch(target.url, {
      method: 'POST',
      headers: { cookie: target.cookie, 'content-type': 'application/json' },
      body,
    })
    await response.arrayBuffer()
    tally.slowestMs = Math.max(tally.slowestMs, monoMs() - started)
    tally.statuses[response.status] = (tally.statuses[response.status] ?? 0) + 1
  }
  return tally
}

async function start(): Promise<void> {
  stopping = false
  loop = uploadUntilStopped()
}

/** Stops after the upload in flight has been answered, so the server is idle again. */
async function stop(): Promise<UploadTally> {
  stopping = true
  const tally = await (loop ?? Promise.resolve({ statuses: {}, slowestMs: 0 }))
  loop = null
  return tally
}

serveRpc({ prepare, start, stop })
