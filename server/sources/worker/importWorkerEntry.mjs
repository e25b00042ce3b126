/**
 * Entry of an import thread. The importers are TypeScript and a worker thread inherits no
 * loader from its parent (not tsx's flags, not vitest's transform), so this plain-JavaScript
 * entry registers tsx in the thread first, then loads the real code (importWorker.ts) and
 * says it is ready. It runs the same under `node --import tsx`, vitest, the bench and Docker.
 */
import os from 'node:os'
import { parentPort } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

// On Linux the nice value belongs to a thread, not the process (setpriority(2), NPTL), so
// this thread alone yields the CPU to the event loop when both want it: on a machine whose
// cores are busy, a hostile import then slows down instead of the editing sessions. Set
// before anything loads, so loading the importers yields too. Elsewhere the call would lower
// the whole server, so it is made on Linux only.
if (process.platform === 'linux') os.setPriority(19)
register()
await import('./importWorker.ts')
parentPort.postMessage({ type: 'ready' })
