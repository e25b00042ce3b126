/** Chooses and opens the storage backend from configuration. */
import { createLogger, errorField, type Logger } from '../log/logger'
import type {
  AuditStore,
  LoginFailureStore,
  SettingsStore,
  TeamStore,
  UserStore,
} from './accountStore'
import type { BriefingStore } from './briefingStore'
import type { CommentStore } from './commentStore'
import type { DocumentStore } from './documentStore'
import { openPgPool } from './postgres/database'
import { PgClient } from './postgres/pgClient'
import { PgDocumentStore } from './postgres/pgDocumentStore'
import { pgSearch } from './search/pgSearch'
import { SearchIndex } from './search/searchIndex'
import { sqliteSearch } from './search/sqliteSearch'
import { SqlAuditStore, SqlSettingsStore } from './sql/sqlAuditStore'
import { SqlBriefingStore } from './sql/sqlBriefingStore'
import type { SqlClient } from './sql/sqlClient'
import { SqlCommentStore } from './sql/sqlCommentStore'
import { SqliteClient } from './sql/sqliteClient'
import { SqlLoginFailureStore } from './sql/sqlLoginFailureStore'
import { SqlTeamStore } from './sql/sqlTeamStore'
import { SqlUserStore } from './sql/sqlUserStore'
import { SqlVersionStore } from './sql/sqlVersionStore'
import { openSqliteDatabase } from './sqlite/database'
import { SqliteDocumentStore } from './sqlite/sqliteDocumentStore'
import type { VersionStore } from './versionStore'

/** Every store the server uses, on one backend, closed together. */
export interface Stores {
  backend: 'sqlite' | 'postgres'
  sql: SqlClient
  documents: DocumentStore
  briefings: BriefingStore
  users: UserStore
  loginFailures: LoginFailureStore
  teams: TeamStore
  audit: AuditStore
  settings: SettingsStore
  comments: CommentStore
  versions: VersionStore
  /** Full-text search over briefings and sources, derived from the stores above. */
  search: SearchIndex
  close(): Promise<void>
}

export interface StoreConfig {
  dataDir: string
  /** PostgreSQL URL (DATABASE_URL); when set it is used instead of SQLite in dataDir. */
  databaseUrl?: string | null
  /** Where to report connection trouble that happens outside any request. */
  log?: Logger
}

/** The relational stores, written once over SqlClient. */
export function sqlStores(sql: SqlClient) {
  return {
    sql,
    briefings: new SqlBriefingStore(sql),
    users: new SqlUserStore(sql),
    loginFailures: new SqlLoginFailureStore(sql),
    teams: new SqlTeamStore(sql),
    audit: new SqlAuditStore(sql),
    settings: new SqlSettingsStore(sql),
    comments: new SqlCommentStore(sql),
    versions: new SqlVersionStore(sql),
  }
}

export async function openStores(config: StoreConfig): Promise<Stores> {
  if (config.databaseUrl) return openPostgresStores(config.databaseUrl, config.log)
  const client = new SqliteClient(openSqliteDatabase(config.dataDir))
  return {
    backend: 'sqlite',
    ...sqlStores(client),
    documents: new SqliteDocumentStore(client),
    search: new SearchIndex(client, sqliteSearch),
    async close() {
      client.db.close()
    },
  }
}

async function openPostgresStores(url: string, log = createLogger('warn')): Promise<Stores> {
  const pool = await openPgPool(url, {
    onIdleError: (err) => log.warn('idle PostgreSQL connection failed', { error: errorField(err) }),
  })
  const client = new PgClient(pool)
  return {
    backend: 'postgres',
    ...sqlStores(client),
    documents: new PgDocumentStore(pool),
    search: new SearchIndex(client, pgSearch),
    close: () => pool.end(),
  }
}
