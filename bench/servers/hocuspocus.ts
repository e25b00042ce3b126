/**
 * Hocuspocus 3 as the benchmarks run it, with its defaults (2 s store debounce, 10 s max).
 *
 * Storage mirrors @hocuspocus/extension-sqlite: one row per document in a `documents` table
 * holding `Y.encodeStateAsUpdate(document)`, read back with `Y.applyUpdate` on load. That
 * extension needs the native `sqlite3` package (slow to build here) and
 * @hocuspocus/extension-database is not installed, so its two hooks are implemented below on
 * better-sqlite3 with the extension's schema and queries, on a file in DATA_DIR.
 *
 * Clients authenticate with a token (an expiry and an HMAC over document name and expiry)
 * checked in onAuthenticate, so Hocuspocus does per-connection auth work as Briefing does.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Server } from '@hocuspocus/server'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { serveBenchControl } from './control'
import { HOCUSPOCUS_DB_FILE, HOCUSPOCUS_SCHEMA, hocuspocusTokenValid } from './hocuspocusShared'

async function main(): Promise<void> {
  const dataDir = process.env.DATA_DIR
  const secret = process.env.BENCH_HOCUSPOCUS_SECRET
  if (!dataDir || !secret) throw new Error('DATA_DIR and BENCH_HOCUSPOCUS_SECRET are required')
  fs.mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, HOCUSPOCUS_DB_FILE))
  db.exec(HOCUSPOCUS_SCHEMA)
  const select = db.prepare<[string], { data: Buffer }>(
    'SELECT data FROM "documents" WHERE name = ? ORDER BY rowid DESC',
  )
  const upsert = db.prepare<[string, Buffer]>(
    'INSERT INTO "documents" ("name", "data") VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data',
  )
  const server = new Server({
    port: Number(process.env.PORT ?? 0),
    address: process.env.HOST ?? '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
    async onAuthenticate({ token, documentName }) {
      if (!hocuspocusTokenValid(secret, documentName, token)) throw new Error('invalid token')
    },
    async onLoadDocument({ document, documentName }) {
      const row = select.get(documentName)
      if (row) Y.applyUpdate(document, row.data)
    },
    async onStoreDocument({ document, documentName }) {
      upsert.run(documentName, Buffer.from(Y.encodeStateAsUpdate(document)))
    },
  })
  await server.listen()
  serveBenchControl(server.address.port, async () => {
    await server.destroy()
    db.close()
  })
}

main().catch((err) => {
  process.stderr.write(`hocuspocus bench server failed: ${String(err)}\n`)
  process.exit(1)
})
