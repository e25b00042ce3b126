/**
 * Cold load: a document with a long editing history, stored the way each server stores it,
 * opened by a new client on a freshly started server. Briefing stores the log of updates
 * (here written through its DocumentStore in batches, never compacted, the worst case) and
 * is also measured after one compaction; Hocuspocus stores one merged state, which its
 * database extension writes (here: straight into its table). Each run starts the server on a
 * fresh copy of the prepared data, so every run loads from the store.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { openStores } from '../../server/store'
import type { BenchConfig } from '../config'
import { type DocAccess, openClient } from '../lib/clients'
import { monoMs, withTimeout } from '../lib/clock'
import { type DocFactory, docFactory } from '../lib/docs'
import { median } from '../lib/histogram'
import { generateHistory, type History } from '../lib/history'
import { freePort, HOCUSPOCUS_SECRET, type ServerKind, startServer } from '../lib/processes'
import { HOCUSPOCUS_DB_FILE, HOCUSPOCUS_SCHEMA, hocuspocusToken } from '../servers/hocuspocusShared'
import { ratio } from './sync'

const APPEND_BATCH = 1_000

export interface ColdLoadRuns {
  medianMs: number
  runsMs: number[]
  /** Rows and bytes the store holds for the document. */
  storedRows: number
  storedBytes: number
  /** Size of the whole database file(s). */
  fileBytes: number
}

export interface ColdLoadResult {
  edits: number
  characters: number
  /** Size of `Y.encodeStateAsUpdate` of the final document. */
  encodedStateBytes: number
  ours: ColdLoadRuns
  oursCompacted: ColdLoadRuns & { compactMs: number }
  theirs: ColdLoadRuns
  ratio: number
  ratioCompacted: number
}

export async function coldLoad(
  config: BenchConfig,
  log: (line: string) => void,
): Promise<ColdLoadResult> {
  const started = Date.now()
  const history = generateHistory(config.coldLoad.edits, 7)
  log(`  cold load: ${history.updates.length} edits generated in ${Date.now() - started} ms`)
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cold-'))
  try {
    const ours = await prepareBriefing(root, history)
    const compactStarted = Date.now()
    const compactedDir = path.join(root, 'briefing-compacted')
    fs.cpSync(ours.dir, compactedDir, { recursive: true })
    const stores = await openStores({ dataDir: compactedDir })
    await stores.documents.compact(ours.access.name)
    await stores.close()
    const compactMs = Date.now() - compactStarted
    const theirsDir = prepareHocuspocus(root, history)
    const runs = config.coldLoad.runs
    const oursAccess = () => ours.docs.refresh([ours.access]).then(([access]) => access!)
    const theirsAccess = async () => ({
      name: HOCUSPOCUS_DOC,
      token: hocuspocusToken(HOCUSPOCUS_SECRET, HOCUSPOCUS_DOC, Date.now() + 60_000),
    })
    const run = { root, history, runs }
    const oursRuns = await measure('briefing', ours.dir, ours.port, run, oursAccess)
    log(`  cold load Briefing (log of ${history.updates.length}): median ${oursRuns.medianMs} ms`)
    const compactedRuns = await measure('briefing', compactedDir, ours.port, run, oursAccess)
    log(`  cold load Briefing (compacted): median ${compactedRuns.medianMs} ms`)
    const theirsRuns = await measure('hocuspocus', theirsDir, 0, run, theirsAccess)
    log(`  cold load Hocuspocus: median ${theirsRuns.medianMs} ms`)
    return {
      edits: history.updates.length,
      characters: history.characters,
      encodedStateBytes: history.state.byteLength,
      ours: { ...oursRuns, ...briefingStorage(ours.dir, ours.access.name) },
      oursCompacted: {
        ...compactedRuns,
        ...briefingStorage(compactedDir, ours.access.name),
        compactMs,
      },
      theirs: { ...theirsRuns, ...hocuspocusStorage(theirsDir) },
      ratio: ratio(oursRuns.medianMs, theirsRuns.medianMs),
      ratioCompacted: ratio(compactedRuns.medianMs, theirsRuns.medianMs),
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true })
  }
}

const HOCUSPOCUS_DOC = 'cold-load-history'

/**
 * A Briefing data dir holding one briefing (created through the API) whose log is the
 * history, appended through the DocumentStore. The server keeps its port across restarts so
 * the owner's API client (bound to the URL) can mint tokens in every run.
 */
async function prepareBriefing(root: string, history: History) {
  const dir = path.join(root, 'briefing')
  const port = await freePort()
  const server = await startServer({ kind: 'briefing', dataDir: dir, port })
  let docs: DocFactory
  let access: DocAccess
  try {
    docs = await docFactory(server)
    ;[access] = (await docs.create(1)) as [DocAccess]
  } finally {
    await server.stop('SIGTERM')
  }
  const stores = await openStores({ dataDir: dir })
  for (let i = 0; i < history.updates.length; i += APPEND_BATCH) {
    await stores.documents.append(access.name, history.updates.slice(i, i + APPEND_BATCH))
  }
  await stores.close()
  return { dir, port, docs, access }
}

/** A Hocuspocus data dir whose documents table holds the merged state, as its extension stores it. */
function prepareHocuspocus(root: string, history: History): string {
  const dir = path.join(root, 'hocuspocus')
  fs.mkdirSync(dir, { recursive: true })
  const db = new Database(path.join(dir, HOCUSPOCUS_DB_FILE))
  db.exec(HOCUSPOCUS_SCHEMA)
  db.prepare('INSERT INTO "documents" ("name", "data") VALUES (?, ?)').run(
    HOCUSPOCUS_DOC,
    Buffer.from(history.state),
  )
  db.close()
  return dir
}

async function measure(
  kind: ServerKind,
  template: string,
  port: number,
  { root, history, runs: count }: { root: string; history: History; runs: number },
  access: () => Promise<DocAccess>,
): Promise<Omit<ColdLoadRuns, 'storedRows' | 'storedBytes' | 'fileBytes'>> {
  const runs: number[] = []
  const expected = Buffer.from(history.stateVector)
  for (let run = 0; run < count; run++) {
    const dir = path.join(root, `run-${kind}-${run}`)
    fs.cpSync(template, dir, { recursive: true })
    const server = await startServer({ kind, dataDir: dir, port })
    try {
      const credentials = await access()
      const doc = new Y.Doc()
      const started = monoMs()
      const client = openClient(kind, server.wsUrl, credentials, doc)
      await withTimeout(client.whenSynced(), 120_000, `cold load on ${kind}`)
      runs.push(Math.round((monoMs() - started) * 10) / 10)
      client.destroy()
      if (!Buffer.from(Y.encodeStateVector(doc)).equals(expected)) {
        throw new Error(`${kind} synced a document that differs from the stored history`)
      }
      doc.destroy()
    } finally {
      await server.stop('SIGKILL')
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  return { medianMs: median(runs), runsMs: runs }
}

function briefingStorage(dir: string, name: string) {
  const db = new Database(path.join(dir, 'briefing.db'), { readonly: true })
  const row = db
    .prepare<[string], { rows: number; bytes: number }>(
      'SELECT COUNT(*) AS rows, SUM(LENGTH(data)) AS bytes FROM document_updates WHERE doc = ?',
    )
    .get(name)!
  db.close()
  return { storedRows: row.rows, storedBytes: row.bytes, fileBytes: dirBytes(dir) }
}

function hocuspocusStorage(dir: string) {
  const db = new Database(path.join(dir, HOCUSPOCUS_DB_FILE), { readonly: true })
  const row = db
    .prepare<[], { rows: number; bytes: number }>(
      'SELECT COUNT(*) AS rows, SUM(LENGTH(data)) AS bytes FROM "documents"',
    )
    .get()!
  db.close()
  return { storedRows: row.rows, storedBytes: row.bytes, fileBytes: dirBytes(dir) }
}

function dirBytes(dir: string): number {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.db') || file.endsWith('.db-wal'))
    .reduce((sum, file) => sum + fs.statSync(path.join(dir, file)).size, 0)
}
