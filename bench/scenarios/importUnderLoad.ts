/**
 * Import under load (issue 18, item 4): ten editors of one briefing edit at 5 edits/s each
 * (the sync-latency session, every editor applying) while another user imports a 10 MB PDF
 * report and a 5 MB HTML article into a briefing of their own, each again as soon as the
 * server answers; and the same session with no imports, on the same server. Imports parse in
 * the worker pool (server/sources/worker), so what is left on the event loop is receiving
 * and decoding the upload, storing the source and answering. Phases alternate which goes
 * first, and every run is kept.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createBriefingAs, signUp } from '../../tests/helpers/users'
import type { BenchConfig } from '../config'
import { docFactory } from '../lib/docs'
import type { HostileCase } from '../lib/hostileCases'
import { startServer } from '../lib/processes'
import { WorkerProcess } from '../lib/rpc'
import type { UploadTally } from '../workers/uploader'
import { editingSession, type SessionResult, settle } from './editing'
import { type LoopLag, loopLag } from './hostileImport'
import { ratio } from './sync'

export interface ImportLoadRun {
  phase: 'idle' | 'importing'
  session: SessionResult
  loopLag: LoopLag
  /** Imports answered during the run, per file, by HTTP status, and the slowest answer. */
  imports: Array<{ file: HostileCase; statuses: Record<string, number>; slowestMs: number }>
}

export interface ImportLoadResult {
  editors: number
  intervalMs: number
  durationMs: number
  importThreads: string
  files: Array<{ file: HostileCase; bytes: number }>
  runs: ImportLoadRun[]
  /** Best (lowest p99) run of each phase, as the sync scenario keeps them. */
  idle: SessionResult
  importing: SessionResult
  /** importing / idle p99, of the best runs and of the worst. */
  ratioP99: number
  ratioP99Worst: number
}

export async function importUnderLoad(
  config: BenchConfig,
  log: (line: string) => void,
): Promise<ImportLoadResult> {
  const options = config.importUnderLoad
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-load-'))
  const server = await startServer({ kind: 'briefing', dataDir })
  const uploaders = options.files.map(() => new WorkerProcess('bench/workers/uploader.ts'))
  try {
    const docs = await docFactory(server)
    const importer = await signUp(server.httpUrl, { name: 'Importer' })
    const briefingId = await createBriefingAs(importer, 'Large imports')
    // The first import starts the import threads (loading the parsers): start-up, not load.
    const warmUp = await importer.api(`/api/briefings/${briefingId}/sources`, {
      method: 'POST',
      body: { type: 'text', text: '“We are ready,” the spokesperson said.' },
    })
    if (warmUp.status !== 201) throw new Error(`warm-up import failed: ${warmUp.status}`)
    const files = await Promise.all(
      uploaders.map(async (uploader, i) => {
        const file = options.files[i]!
        const { fileBytes } = await uploader.call<{ fileBytes: number }>('prepare', {
          case: file,
          url: `${server.httpUrl}/api/briefings/${briefingId}/sources`,
          cookie: importer.cookie,
        })
        return { file, bytes: fileBytes }
      }),
    )
    const session = () =>
      editingSession(server, docs, { ...options, applyingEditors: options.editors })
    const runs: ImportLoadRun[] = []
    for (let r = 0; r < options.repeats; r++) {
      const phases =
        r % 2 === 0 ? (['idle', 'importing'] as const) : (['importing', 'idle'] as const)
      for (const phase of phases) {
        await settle(server)
        await loopLag(server.httpUrl)
        if (phase === 'idle') {
          const result = await session()
          runs.push({ phase, session: result, loopLag: await loopLag(server.httpUrl), imports: [] })
        } else {
          await Promise.all(uploaders.map((uploader) => uploader.call('start')))
          const result = await session()
          const lag = await loopLag(server.httpUrl)
          // Each uploader stops once its upload in flight is answered.
          const tallies = await Promise.all(
            uploaders.map((uploader) => uploader.call<UploadTally>('stop')),
          )
          runs.push({
            phase,
            session: result,
            loopLag: lag,
            imports: tallies.map((t, i) => ({
              file: options.files[i]!,
              statuses: t.statuses,
              slowestMs: Math.round(t.slowestMs),
            })),
          })
        }
        const run = runs.at(-1)!
        log(
          `  ${options.editors} editors, ${phase}: p99 ${run.session.p99} ms, loop delay p99 ${run.loopLag.p99Ms} ms${
            run.imports.length
              ? `; imports ${JSON.stringify(run.imports.map((i) => i.statuses))}`
              : ''
          }`,
        )
      }
    }
    const of = (phase: ImportLoadRun['phase']) =>
      runs.filter((r) => r.phase === phase).map((r) => r.session)
    const best = (results: SessionResult[]) => results.reduce((a, b) => (b.p99 < a.p99 ? b : a))
    const worst = (results: SessionResult[]) => results.reduce((a, b) => (b.p99 > a.p99 ? b : a))
    const idle = best(of('idle'))
    const importing = best(of('importing'))
    return {
      editors: options.editors,
      intervalMs: options.intervalMs,
      durationMs: options.durationMs,
      importThreads: process.env.IMPORT_THREADS ?? 'default',
      files,
      runs,
      idle,
      importing,
      ratioP99: ratio(importing.p99, idle.p99),
      ratioP99Worst: ratio(worst(of('importing')).p99, worst(of('idle')).p99),
    }
  } finally {
    await Promise.all(uploaders.map((uploader) => uploader.stop()))
    await server.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
