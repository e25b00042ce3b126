/** Opens the embedded SQLite database and brings its schema up to date. */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { SQLITE_MIGRATIONS } from './migrations'

export type SqliteDatabase = Database.Database

/** Opens (creating if needed) `DATA_DIR/briefing.db` and runs pending migrations. */
export function openSqliteDatabase(dataDir: string): SqliteDatabase {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, 'briefing.db'))
  // WAL: readers do not block the writer. synchronous=NORMAL keeps every committed
  // transaction across a process crash (kill -9); only an OS crash can lose the last ones.
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)
  return db
}

function migrate(db: SqliteDatabase): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let version = current; version < SQLITE_MIGRATIONS.length; version++) {
    const step = SQLITE_MIGRATIONS[version]!
    db.transaction(() => {
      db.exec(step)
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
}
