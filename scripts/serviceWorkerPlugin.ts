/**
 * A Vite plugin that builds the service worker (client/src/sw/serviceWorker.ts) into `/sw.js`
 * beside index.html: unhashed, as a worker's URL must stay the same across deploys, so the
 * server revalidates it on every check (server/http/staticClient.ts). The list of the build's
 * files is written into it, which also makes every build's worker differ byte for byte: that
 * difference is how browsers learn there is a new build to cache.
 */
import crypto from 'node:crypto'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

export const SERVICE_WORKER_FILE = 'sw.js'
const SOURCE = fileURLToPath(new URL('../client/src/sw/serviceWorker.ts', import.meta.url))
/** The string literal in the worker's source that stands for the manifest. */
const PLACEHOLDER = /(["'`])BRIEFING_PRECACHE_MANIFEST\1/

export function serviceWorker(): Plugin {
  return {
    name: 'briefing:service-worker',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: SOURCE, fileName: SERVICE_WORKER_FILE })
    },
    generateBundle(_options, bundle) {
      const worker = bundle[SERVICE_WORKER_FILE]
      if (worker?.type !== 'chunk') throw new Error(`the build has no ${SERVICE_WORKER_FILE} chunk`)
      if (worker.imports.length > 0) {
        throw new Error(`${SERVICE_WORKER_FILE} must import nothing; it imports ${worker.imports}`)
      }
      // index.html is cached under its own name by the worker; maps are never served.
      const files = Object.keys(bundle)
        .filter((name) => name !== SERVICE_WORKER_FILE && name !== 'index.html')
        .filter((name) => !name.endsWith('.map'))
        .sort()
      const html = bundle['index.html']
      const version = crypto
        .createHash('sha256')
        .update(files.join('\n'))
        .update(html?.type === 'asset' ? String(html.source) : '')
        .digest('base64url')
        .slice(0, 16)
      const manifest = JSON.stringify({ version, files: files.map((name) => `/${name}`) })
      if (!PLACEHOLDER.test(worker.code))
        throw new Error('the worker lost its manifest placeholder')
      worker.code = worker.code.replace(PLACEHOLDER, () => JSON.stringify(manifest))
    },
  }
}
