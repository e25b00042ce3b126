/**
 * Builds the browser client: Vite root is `client/`, output goes to `dist/client`, which the
 * server serves. In development `vite` serves the client and forwards API and collaboration
 * traffic to the server on port 3000 (`npm start`).
 */
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const serverOrigin = 'http://127.0.0.1:3000'

export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/client', import.meta.url)),
    emptyOutDir: true,
    // Source maps let a stack trace from a user's browser point at real code.
    sourcemap: true,
    // The editor chunk (ProseMirror + Tiptap + Yjs, ~550 kB raw, ~175 kB gzipped) is loaded
    // only on /b/:id; splitting it further would just add round trips before typing works.
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
