/**
 * Kills the typesetting thread on request, for tests/export/crashingTypstWorker.mjs: a
 * briefing whose JSON holds EXIT-THREAD makes the thread call process.exit(7), one holding
 * THROW-IN-THREAD throws an uncaught error.
 */
import { parentPort } from 'node:worker_threads'

parentPort.addEventListener('message', (event) => {
  const { data } = event.data.inputs
  if (data.includes('EXIT-THREAD')) process.exit(7)
  if (data.includes('THROW-IN-THREAD')) {
    // A listener's exception does not stop the next one: without this the real compiler
    // would answer before the thread died.
    event.stopImmediatePropagation()
    throw new Error('thrown in the thread')
  }
})
