/**
 * Idle connections: many clients over many documents, doing nothing. Server memory is read
 * the same way on both sides: RSS from /proc, and the V8 heap after a forced full GC, each
 * before any client connects and again once all are connected and synced.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BenchConfig } from '../config'
import { withTimeout } from '../lib/clock'
import { docFactory } from '../lib/docs'
import { type ServerKind, startServer } from '../lib/processes'
import { WorkerProcess } from '../lib/rpc'
import { settle } from './editing'
import { ratio } from './sync'

export interface IdleResult {
  connections: number
  documents: number
  open: number
  rssBeforeMiB: number
  rssAfterMiB: number
  heapBeforeMiB: number
  heapAfterMiB: number
  rssPerConnectionKiB: number
  heapPerConnectionKiB: number
  /** Time spent opening connections (minting their tokens through the API not included). */
  connectSeconds: number
}

export async function idleConnections(
  config: BenchConfig,
  log: (line: string) => void,
): Promise<{ ours: IdleResult; theirs: IdleResult; ratioRss: number; ratioHeap: number }> {
  const ours = await idleOn('briefing', config)
  log(
    `  idle Briefing: ${ours.rssPerConnectionKiB} KiB RSS, ${ours.heapPerConnectionKiB} KiB heap per connection`,
  )
  const theirs = await idleOn('hocuspocus', config)
  log(
    `  idle Hocuspocus: ${theirs.rssPerConnectionKiB} KiB RSS, ${theirs.heapPerConnectionKiB} KiB heap per connection`,
  )
  return {
    ours,
    theirs,
    ratioRss: ratio(ours.rssPerConnectionKiB, theirs.rssPerConnectionKiB),
    ratioHeap: ratio(ours.heapPerConnectionKiB, theirs.heapPerConnectionKiB),
  }
}

async function idleOn(kind: ServerKind, config: BenchConfig): Promise<IdleResult> {
  const { connections, documents, settleMs } = config.idle
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-idle-${kind}-`))
  const server = await startServer({ kind, dataDir })
  const workers = [
    new WorkerProcess('bench/workers/idle.ts'),
    new WorkerProcess('bench/workers/idle.ts'),
  ]
  try {
    const factory = await docFactory(server)
    const docs = await factory.create(documents, { tokens: false })
    await settle(server)
    const heapBefore = (await server.heap()).heapUsed
    const rssBefore = server.rssBytes()
    // Documents are opened a chunk at a time with tokens minted just before, so no token
    // (5 minutes) expires however long 10,000 connections take to open.
    const perDocument = connections / documents
    const chunk = Math.max(1, Math.ceil(documents / 10))
    let open = 0
    let connectMs = 0
    for (let first = 0; first < documents; first += chunk) {
      const fresh = await factory.refresh(docs.slice(first, first + chunk))
      const started = Date.now()
      const sockets = fresh.flatMap((access) => Array.from({ length: perDocument }, () => access))
      const opened = await withTimeout(
        Promise.all(
          workers.map((worker, w) =>
            worker.call<{ open: number }>('open', {
              kind,
              wsUrl: server.wsUrl,
              docs: sockets.filter((_, i) => i % workers.length === w),
            }),
          ),
        ),
        300_000,
        `idle connections to ${kind} (${open} open so far)`,
      )
      connectMs += Date.now() - started
      open = opened.reduce((sum, o) => sum + o.open, 0)
    }
    const connectSeconds = connectMs / 1000
    await new Promise((resolve) => setTimeout(resolve, settleMs))
    await settle(server)
    const heapAfter = (await server.heap()).heapUsed
    const rssAfter = server.rssBytes()
    const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10
    const kib = (bytes: number) => Math.round((bytes / connections / 1024) * 100) / 100
    return {
      connections,
      documents,
      open,
      rssBeforeMiB: mib(rssBefore),
      rssAfterMiB: mib(rssAfter),
      heapBeforeMiB: mib(heapBefore),
      heapAfterMiB: mib(heapAfter),
      rssPerConnectionKiB: kib(rssAfter - rssBefore),
      heapPerConnectionKiB: kib(heapAfter - heapBefore),
      connectSeconds: Math.round(connectSeconds * 10) / 10,
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()))
    await server.stop('SIGKILL')
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
