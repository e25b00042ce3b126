/**
 * The code of an import thread (loaded by importWorkerEntry.mjs): it parses one job at a time
 * with the same parseSource the CLI runs in-process, and answers with a ParseReply.
 */
import { parentPort } from 'node:worker_threads'
import { SourceImportError } from '../errors'
import { importLimits } from '../limits'
import { parseSource } from '../parseSource'
import { UploadBodyError } from '../uploadBody'
import type { ParseReply, ParseRequest } from './messages'

const port = parentPort
if (!port) throw new Error('importWorker.ts runs only as a worker thread')

// The extractor's language tools set themselves up on first use (hundreds of milliseconds);
// one small import here pays for that while the thread loads, not against a user's time limit.
await parseSource({
  type: 'text',
  text: '“We will start on Monday,” the minister said.',
  what: 'The warm-up text',
  limits: importLimits(),
})

port.on('message', async ({ id, job }: ParseRequest) => {
  let reply: ParseReply
  try {
    reply = { type: 'parsed', id, result: await parseSource(job) }
  } catch (error) {
    reply =
      error instanceof SourceImportError
        ? { type: 'refused', id, code: error.code, message: error.message }
        : error instanceof UploadBodyError
          ? { type: 'invalid-body', id, ...fieldsOf(error) }
          : {
              type: 'failed',
              id,
              message: error instanceof Error ? error.message : String(error),
              stack: error instanceof Error ? (error.stack ?? null) : null,
            }
  }
  port.postMessage(reply)
})

function fieldsOf({ status, code, message, field }: UploadBodyError) {
  return { status, code, message, field }
}
