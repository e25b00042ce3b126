/**
 * [IP] The threads source imports parse in (server/sources/worker/importPool.ts): real worker
 * threads running the real importers. A thread gives what the in-process parser gives, keeps
 * the input's own errors, is terminated and replaced past the time limit, is replaced after a
 * crash, and the queue is bounded.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SourceImportError } from '../../server/sources/errors'
import { importLimits } from '../../server/sources/limits'
import { type ParseJob, parseSource } from '../../server/sources/parseSource'
import { ImportPoolError } from '../../server/sources/worker/errors'
import { ImportPool, type ImportPoolOptions } from '../../server/sources/worker/importPool'

/** A thread's nice value: field 19 of /proc/self/task/<id>/stat. */
function niceOf(task: string): number {
  return Number(
    fs.readFileSync(`/proc/self/task/${task}/stat`, 'utf8').split(') ')[1]!.split(' ')[16],
  )
}
// The event loop's priority before any pool exists: the run may itself be niced (`nice npx ...`).
const EVENT_LOOP_NICE = niceOf(String(process.pid))

import { manyParagraphs, nestedDivs } from '../hostile/hostileFiles'
import { fixturesDir } from './fixtureScoring'

const CRASHING_ENTRY = new URL('./crashingImportWorker.mjs', import.meta.url)

const pools: ImportPool[] = []
function pool(options: Partial<ImportPoolOptions> = {}): ImportPool {
  const created = new ImportPool({
    size: 1,
    queueLimit: 4,
    timeLimitMs: 60_000,
    memoryLimitMb: 512,
    ...options,
  })
  pools.push(created)
  return created
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()))
})

function fileJob(filename: string, bytes: Uint8Array): ParseJob {
  return { type: 'file', filename, bytes, what: filename, limits: importLimits() }
}

function textJob(text: string): ParseJob {
  return { type: 'text', text, what: 'The pasted text', limits: importLimits() }
}

/** A page that parses for seconds (90,000 paragraphs), within every cap. */
const SLOW_PAGE = fileJob('slow.html', manyParagraphs(90_000))

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the import to fail')
    },
    (error: unknown) => error,
  )
}

describe('import pool', () => {
  it('[IP1] a thread parses exactly as the in-process parser does', async () => {
    const bytes = fs.readFileSync(path.join(fixturesDir, 'grain-exports.html'))
    const job = fileJob('grain-exports.html', new Uint8Array(bytes))
    // In process first: the pool takes the job's bytes (moved to the thread, not copied).
    const inProcess = await parseSource(job)
    const inThread = await pool().parse(job)
    expect(inThread).toEqual(inProcess)
    expect(inThread.quotes.length).toBeGreaterThan(0)
  })

  it('[IP8] bytes owning their buffer move to the thread; bytes sharing one are copied', async () => {
    const html = fs.readFileSync(path.join(fixturesDir, 'grain-exports.html'))
    const own = new Uint8Array(html)
    const moved = await pool().parse(fileJob('own.html', own))
    // Moved, not copied: the event loop never spends a copy of a large upload.
    expect(own.byteLength).toBe(0)
    const shared = new Uint8Array(html.byteLength + 16)
    shared.set(html, 16)
    const view = shared.subarray(16)
    const copied = await pool().parse(fileJob('view.html', view))
    expect(view.byteLength).toBe(html.byteLength)
    expect(copied.quotes).toEqual(moved.quotes)
  })

  it("[IP2] the input's own refusal comes back as the same SourceImportError", async () => {
    const error = await failure(pool().parse(fileJob('deep.html', nestedDivs(1_000))))
    expect(error).toBeInstanceOf(SourceImportError)
    expect(error).toMatchObject({
      code: 'too-complex',
      message: 'deep.html nests its elements more than 256 deep',
    })
  })

  it('[IP3] an import past the time limit is stopped, and the next import gets a fresh thread', async () => {
    // Seconds: the thread is niced, and on a busy machine even a small import takes a while.
    const imports = pool({ timeLimitMs: 3_000 })
    const error = await failure(imports.parse(SLOW_PAGE))
    expect(error).toBeInstanceOf(ImportPoolError)
    expect(error).toMatchObject({ code: 'timed-out' })
    expect((error as Error).message).toMatch(/slow\.html took longer than the 3 s/)
    const next = await imports.parse(textJob('“We are ready,” said the mayor.'))
    expect(next.paragraphs).toEqual(['“We are ready,” said the mayor.'])
  })

  it('[IP4] a thread that dies fails only its own import, and is replaced', async () => {
    const imports = pool({ entry: CRASHING_ENTRY })
    const warm = await imports.parse(textJob('A first source, parsed before the crash.'))
    expect(warm.paragraphs).toHaveLength(1)
    const error = await failure(imports.parse(textJob('EXIT-THREAD')))
    expect(error).toMatchObject({ code: 'crashed' })
    expect((error as Error).message).toMatch(/exit code 7/)
    const after = await imports.parse(textJob('A second source, parsed after it.'))
    expect(after.paragraphs).toEqual(['A second source, parsed after it.'])
  })

  it('[IP5] the queue is bounded: one import too many is refused at once as busy', async () => {
    const imports = pool({ size: 1, queueLimit: 1, timeLimitMs: 30_000 })
    const running = failure(imports.parse(SLOW_PAGE))
    const waiting = failure(imports.parse(textJob('Waiting for the thread.')))
    expect(imports.load).toEqual({ parsing: 1, waiting: 1 })
    const refused = await failure(imports.parse(textJob('One too many.')))
    expect(refused).toBeInstanceOf(ImportPoolError)
    expect(refused).toMatchObject({ code: 'busy', retryAfterSeconds: 30 })
    // Closing fails what is parsing and what is waiting, and stops the thread.
    await imports.close()
    expect(await running).toMatchObject({ code: 'closed' })
    expect(await waiting).toMatchObject({ code: 'closed' })
  })

  it('[IP6] an import whose requester went away leaves the queue', async () => {
    const imports = pool({ size: 1, queueLimit: 1, timeLimitMs: 300 })
    const running = failure(imports.parse(SLOW_PAGE))
    const cancel = new AbortController()
    const abandoned = failure(imports.parse(textJob('Nobody waits for this.'), cancel.signal))
    cancel.abort()
    expect(await abandoned).toMatchObject({ code: 'aborted' })
    expect(imports.load.waiting).toBe(0)
    expect(await running).toMatchObject({ code: 'timed-out' })
  })

  it.runIf(process.platform === 'linux')(
    '[IP7] the import thread alone runs at the lowest CPU priority; the event loop keeps its own',
    async () => {
      await pool().parse(textJob('A source, to start the thread.'))
      // /proc/self/task holds one entry per thread.
      const nice = niceOf
      // The import thread, and the loader thread tsx starts from it (it inherits the value).
      const niced = fs.readdirSync('/proc/self/task').filter((task) => nice(task) === 19)
      expect(niced.length).toBeGreaterThanOrEqual(1)
      expect(niced).not.toContain(String(process.pid))
      expect(nice(String(process.pid))).toBe(EVENT_LOOP_NICE)
      expect(EVENT_LOOP_NICE).toBeLessThan(19)
    },
  )
})
