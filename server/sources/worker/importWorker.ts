/**
 * The code of an import thread (loaded by importWorkerEntry.mjs): it parses one job at a time
 * with the same parseSource the CLI runs in-process, and answers with a ParseReply.
 */
import os from 'node:os'
import { parentPort } from 'node:worker_threads'
import { SourceImportError } from '../errors'
import { parseSource } from '../parseSource'
import type { ParseReply, ParseRequest } from './messages'

const port = parentPort
if (!port) throw new Error('importWorker.ts runs only as a worker thread')

/**
 * On Linux the nice value belongs to a thread, not the process (setpriority(2), NPTL), so this
 * thread alone yields the CPU to the event loop when both want it: on a machine whose other
 * cores are busy, a hostile import then slows down instead of the editing sessions. Elsewhere
 * the call would lower the whole server, so it is made on Linux only.
 */
if (process.platform === 'linux') os.setPriority(19)

port.on('message', async ({ id, job }: ParseRequest) => {
  let reply: ParseReply
  try {
    reply = { type: 'parsed', id, result: await parseSource(job) }
  } catch (error) {
    reply =
      error instanceof SourceImportError
        ? { type: 'refused', id, code: error.code, message: error.message }
        : {
            type: 'failed',
            id,
            message: error instanceof Error ? error.message : String(error),
            stack: error instanceof Error ? (error.stack ?? null) : null,
          }
  }
  port.postMessage(reply)
})
