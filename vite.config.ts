/**
 * Builds the browser client: Vite root is `client/`, output goes to `dist/client`, which the
 * server serves. In development `vite` serves the client and forwards API and collaboration
 * traffic to the server on port 3000 (`npm start`).
 */
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { clientAssets, sourceMapMode, viteSourceMap } from './scripts/clientAssetsPlugin'
import { serviceWorker } from './scripts/serviceWorkerPlugin'

const serverOrigin = 'http://127.0.0.1:3000'
// Source maps would hand every visitor the readable source; they are built only when asked
// for (SOURCE_MAPS=hidden keeps them off the server, SOURCE_MAPS=public serves them).
const sourceMaps = sourceMapMode(process.env.SOURCE_MAPS)

export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [react(), serviceWorker(), clientAssets(sourceMaps)],
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    sourcemap: viteSourceMap(sourceMaps),
    // The editor chunk (ProseMirror + Tiptap + Yjs, ~630 kB raw, ~166 kB brotli) is loaded
    // only on /b/:id; splitting it further would just add round trips before typing works
    // (the page-weight budget is bench/lib/pageWeight.ts).
    chunkSizeWarningLimit: 650,
  },
  server: {
    proxy: {
      '/api': serverOrigin,
      '/healthz': serverOrigin,
      '/collab': { target: serverOrigin, ws: true },
    },
  },
})
