/**
 * SQLite schema, as an append-only list of migrations: entry N brings user_version N to N+1.
 * Never edit a released entry; add a new one. The PostgreSQL schema mirrors this one column
 * for column (server/store/postgres/migrations.ts): booleans are 0/1 integers and times are
 * ISO 8601 text on both, so the shared SQL stores read identical rows.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,          -- stored lower-cased
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_admin INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,            -- sha256 of the cookie value; the value is never stored
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX sessions_user ON sessions (user_id);
  CREATE TABLE teams (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    personal INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  CREATE TABLE team_members (
    team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,                  -- admin | member
    joined_at TEXT NOT NULL,
    PRIMARY KEY (team_id, user_id)
  );
  CREATE INDEX team_members_user ON team_members (user_id);
  CREATE TABLE invites (
    token_hash TEXT PRIMARY KEY,
    team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    used_by TEXT
  );
  CREATE TABLE briefings (
    id TEXT PRIMARY KEY,
    team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    team_role TEXT NOT NULL,             -- what every team member may do: editor..viewer | none
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX briefings_team ON briefings (team_id);
  CREATE TABLE briefing_shares (
    briefing_id TEXT NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,                  -- owner | editor | commenter | viewer
    PRIMARY KEY (briefing_id, user_id)
  );
  CREATE INDEX briefing_shares_user ON briefing_shares (user_id);
  CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    read_only INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
  );
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    team_id TEXT,                        -- null for instance-level events (unknown e-mail)
    at TEXT NOT NULL,
    actor_id TEXT,
    action TEXT NOT NULL,
    target TEXT,
    details TEXT NOT NULL,               -- JSON
    ip TEXT
  );
  CREATE INDEX audit_log_team ON audit_log (team_id, id);
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
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
  // Invites get a public id, so an admin can name one (to revoke it) without its secret
  // token, and a revoked_at mark; revoked rows are kept for the audit trail. SQLite cannot
  // add a NOT NULL column without a default, so the table is rebuilt (nothing references
  // it); rows that already exist get random ids.
  `
  CREATE TABLE invites_new (
    id TEXT NOT NULL UNIQUE,
    token_hash TEXT PRIMARY KEY,
    team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    used_by TEXT,
    revoked_at TEXT
  );
  INSERT INTO invites_new
    (id, token_hash, team_id, email, role, created_by, created_at, expires_at, used_at, used_by)
    SELECT lower(hex(randomblob(16))), token_hash, team_id, email, role, created_by, created_at,
      expires_at, used_at, used_by
    FROM invites;
  DROP TABLE invites;
  ALTER TABLE invites_new RENAME TO invites;
  CREATE INDEX invites_team ON invites (team_id);
  `,
  // The sign-in backoff's failure streaks per e-mail (server/auth/loginThrottle.ts), kept here
  // rather than in memory so every instance sees the same streak and a restart keeps it.
  // The index serves the prune of streaks past the forget window.
  `
  CREATE TABLE login_failures (
    email TEXT PRIMARY KEY,              -- normalised (lower-cased), as users.email
    failures INTEGER NOT NULL,
    last_failed_at TEXT NOT NULL
  );
  CREATE INDEX login_failures_last ON login_failures (last_failed_at);
  `,
  // A share remembers where it came from. `created`: the owner share a member gets for
  // creating a briefing in a team, held through membership and dropped when they leave the
  // team. `granted`: given to that person by an owner (PUT /shares), kept whatever their
  // membership. Existing creators' owner shares are the `created` kind.
  `
  ALTER TABLE briefing_shares ADD COLUMN source TEXT NOT NULL DEFAULT 'granted';
  UPDATE briefing_shares SET source = 'created'
  WHERE role = 'owner'
    AND user_id = (SELECT created_by FROM briefings b WHERE b.id = briefing_shares.briefing_id);
  `,
  // The sign-in backoff counts streaks per bucket (an e-mail, an e-mail from one address, or
  // one known device), no longer per e-mail alone; an existing row is an e-mail's streak and
  // keeps its meaning under its new column name.
  `
  ALTER TABLE login_failures RENAME COLUMN email TO bucket;
  `,
  // Comment threads beside the document (anchors are Yjs relative positions, see
  // docs/ARCHITECTURE.md, Comments), their comments in the order written, and the mentions
  // that make up each person's inbox. A briefing's threads go with it.
  `
  CREATE TABLE comment_threads (
    id TEXT PRIMARY KEY,
    briefing_id TEXT NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
    anchor TEXT NOT NULL,                -- JSON: {kind: 'range', start, end} | {kind: 'quote', quoteId}
    quoted_text TEXT NOT NULL,
    status TEXT NOT NULL,                -- open | resolved
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved_by TEXT,
    resolved_at TEXT
  );
  CREATE INDEX comment_threads_briefing ON comment_threads (briefing_id);
  CREATE TABLE comments (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    thread_id TEXT NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
    author_id TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    edited_at TEXT
  );
  CREATE INDEX comments_thread ON comments (thread_id, seq);
  CREATE TABLE comment_mentions (
    comment_id TEXT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    briefing_id TEXT NOT NULL,
    read_at TEXT,
    PRIMARY KEY (comment_id, user_id)
  );
  CREATE INDEX comment_mentions_user ON comment_mentions (user_id, briefing_id);
  `,
  // Versions of a briefing (docs/ARCHITECTURE.md, "Versions"): each keeps the Yjs state, so
  // a past version exports and restores exactly, and the body as ProseMirror JSON, so the
  // history can be shown and compared without a Y.Doc. `id` is the document-state hash an
  // export prints, unique per briefing; `seq` orders versions made in the same millisecond.
  `
  CREATE TABLE document_versions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    doc TEXT NOT NULL,
    id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    kind TEXT NOT NULL,                  -- manual | settled | export | before-restore | restored
    name TEXT,                           -- named versions are kept by the retention rule
    authors TEXT NOT NULL,               -- JSON [{id, name}]: who changed it since the last one
    restored_from TEXT,
    state BLOB NOT NULL,
    content TEXT NOT NULL,               -- JSON
    bytes INTEGER NOT NULL,
    UNIQUE (doc, id)
  );
  CREATE INDEX document_versions_doc_seq ON document_versions (doc, seq);
  `,
  // Full-text search (server/store/search/): one row per indexed text, a briefing's own
  // (source_id '') or one of its sources, written by the search indexer from the documents
  // the server already stores. search_fts is an external-content FTS5 index over it (it keeps
  // no copy of the text), kept in step by the triggers; rowids are the explicit id, so VACUUM
  // cannot renumber them under the index. unicode61 without stemming: a prefix query on
  // every word behaves the same here and on PostgreSQL ('simple' configuration). The prefix
  // indexes of 2 and 3 characters serve the first letters typed into the search box, which
  // otherwise expand to thousands of words (halved a 2-letter query on 10,000 briefings).
  `
  CREATE TABLE search_documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    briefing_id TEXT NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
    source_id TEXT NOT NULL,             -- '' for the briefing's own title and text
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (briefing_id, source_id)
  );
  CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body, content='search_documents', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3'
  );
  CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
    INSERT INTO search_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
  END;
  CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, body)
      VALUES ('delete', old.id, old.title, old.body);
  END;
  CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
    INSERT INTO search_fts (search_fts, rowid, title, body)
      VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO search_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
  END;
  `,
  // A briefing's cache epoch (docs/ARCHITECTURE.md, "Offline"): browsers keep a copy of each
  // open briefing and drop it when the epoch they stored it under is no longer the server's.
  // SQLite cannot add a column with a computed default, hence the fill after the add.
  `
  ALTER TABLE briefings ADD COLUMN epoch TEXT NOT NULL DEFAULT '';
  UPDATE briefings SET epoch = lower(hex(randomblob(12))) WHERE epoch = '';
  `,
]
