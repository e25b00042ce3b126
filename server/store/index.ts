/** Chooses and opens the storage backend from configuration. */
import type { BriefingStore } from './briefingStore'
import type { DocumentStore } from './documentStore'
import { openSqliteDatabase } from './sqlite/database'
import { SqliteBriefingStore } from './sqlite/sqliteBriefingStore'
import { SqliteDocumentStore } from './sqlite/sqliteDocumentStore'

/** Every store the server uses, on one backend, closed together. */
export interface Stores {
  backend: 'sqlite' | 'postgres'
  documents: DocumentStore
  briefings: BriefingStore
  close(): Promise<void>
}

export interface StoreConfig {
  dataDir: string
}

export async function openStores(config: StoreConfig): Promise<Stores> {
  const db = openSqliteDatabase(config.dataDir)
  return {
    backend: 'sqlite',
    documents: new SqliteDocumentStore(db),
    briefings: new SqliteBriefingStore(db),
    async close() {
      db.close()
    },
  }
}
