/**
 * Entry of an import thread. The importers are TypeScript and a worker thread inherits no
 * loader from its parent (not tsx's flags, not vitest's transform), so this plain-JavaScript
 * entry registers tsx in the thread first, then loads the real code (importWorker.ts) and
 * says it is ready. It runs the same under `node --import tsx`, vitest, the bench and Docker.
 */
import { parentPort } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import('./importWorker.ts')
parentPort.postMessage({ type: 'ready' })
