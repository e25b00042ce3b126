/**
 * SQLite schema, as an append-only list of migrations: entry N brings user_version N to N+1.
 * Never edit a released entry; add a new one.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE briefings (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  -- One row per stored Yjs update; a compacted snapshot takes the seq of the last row it
  -- replaced, so ordering by seq always yields snapshot first, then later appends.
  CREATE TABLE document_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    doc TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX document_updates_doc_seq ON document_updates (doc, seq);
  `,
]
