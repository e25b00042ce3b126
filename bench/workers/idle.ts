/** Load generator for the idle-connections scenario: opens connections and holds them. */
import * as Y from 'yjs'
import { type BenchClient, type DocAccess, openClient } from '../lib/clients'
import type { ServerKind } from '../lib/processes'
import { serveRpc } from '../lib/rpc'

export interface OpenParams {
  kind: ServerKind
  wsUrl: string
  /** One entry per connection to open. */
  docs: DocAccess[]
}

const BATCH = 100
let clients: BenchClient[] = []

async function open(params: OpenParams): Promise<{ open: number }> {
  for (let start = 0; start < params.docs.length; start += BATCH) {
    const batch = params.docs
      .slice(start, start + BATCH)
      .map((access) => openClient(params.kind, params.wsUrl, access, new Y.Doc()))
    clients.push(...batch)
    await Promise.all(batch.map((client) => client.whenSynced()))
  }
  return { open: clients.filter((client) => client.synced).length }
}

async function close(): Promise<null> {
  for (const client of clients) client.destroy()
  clients = []
  return null
}

serveRpc({ open, close })
