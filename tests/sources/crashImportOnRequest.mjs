/**
 * Kills an import thread on request, for tests/sources/crashingImportWorker.mjs: pasted text
 * holding EXIT-THREAD makes the thread call process.exit(7) before the importer sees it.
 */
import { parentPort } from 'node:worker_threads'

parentPort.on('message', ({ job }) => {
  if (job.type === 'text' && job.text.includes('EXIT-THREAD')) process.exit(7)
})
