/** Chooses and opens the storage backend from configuration. */
import type { AuditStore, SettingsStore, TeamStore, UserStore } from './accountStore'
import type { BriefingStore } from './briefingStore'
import type { DocumentStore } from './documentStore'
import { SqlAuditStore, SqlSettingsStore } from './sql/sqlAuditStore'
import { SqlBriefingStore } from './sql/sqlBriefingStore'
import type { SqlClient } from './sql/sqlClient'
import { SqliteClient } from './sql/sqliteClient'
import { SqlTeamStore } from './sql/sqlTeamStore'
import { SqlUserStore } from './sql/sqlUserStore'
import { openSqliteDatabase } from './sqlite/database'
import { SqliteDocumentStore } from './sqlite/sqliteDocumentStore'

/** Every store the server uses, on one backend, closed together. */
export interface Stores {
  backend: 'sqlite' | 'postgres'
  sql: SqlClient
  documents: DocumentStore
  briefings: BriefingStore
  users: UserStore
  teams: TeamStore
  audit: AuditStore
  settings: SettingsStore
  close(): Promise<void>
}

export interface StoreConfig {
  dataDir: string
}

/** The relational stores, written once over SqlClient. */
export function sqlStores(sql: SqlClient) {
  return {
    sql,
    briefings: new SqlBriefingStore(sql),
    users: new SqlUserStore(sql),
    teams: new SqlTeamStore(sql),
    audit: new SqlAuditStore(sql),
    settings: new SqlSettingsStore(sql),
  }
}

export async function openStores(config: StoreConfig): Promise<Stores> {
  const client = new SqliteClient(openSqliteDatabase(config.dataDir))
  return {
    backend: 'sqlite',
    ...sqlStores(client),
    documents: new SqliteDocumentStore(client),
    async close() {
      client.db.close()
    },
  }
}
