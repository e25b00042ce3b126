/** What every service is built from, and who a service call acts for. */
import type { Schema } from '@tiptap/pm/model'
import type { AccessControl } from '../auth/access'
import type { AuthContext } from '../auth/authenticate'
import type { PasswordHasher } from '../auth/passwords'
import type { RoomRegistry } from '../collab/roomRegistry'
import type { Logger } from '../log/logger'
import { type Stores, sqlStores } from '../store'
import type { EditLedger } from '../versions/editLedger'
import type { DomainEvents } from './events'

export interface ServiceDeps {
  stores: Stores
  registry: RoomRegistry
  access: AccessControl
  passwords: PasswordHasher
  events: DomainEvents
  log: Logger
  now: () => Date
  /** The document schema, for reading briefings' content. */
  schema: Schema
  /** Signs collab tokens; shared by every instance through the store. */
  collabSecret: string
  /** Who edited each briefing since its last version (automatic versions, authors). */
  ledger: EditLedger
}

/** The signed-in caller of a service method, and the address the request came from (audit). */
export interface Actor {
  auth: AuthContext
  ip: string | null
}

/** The relational stores bound to one transaction. */
export type TxStores = ReturnType<typeof sqlStores>

/**
 * Runs `work` in one transaction over the relational stores. Inside it only the stores it is
 * given may be used: on SQLite every other statement waits for the transaction to end.
 */
export function inTransaction<T>(stores: Stores, work: (tx: TxStores) => Promise<T>): Promise<T> {
  return stores.sql.transaction((sql) => work(sqlStores(sql)))
}
