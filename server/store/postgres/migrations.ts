/**
 * PostgreSQL schema, as an append-only list of migrations: entry N brings the database from
 * version N to N+1 (recorded in `schema_migrations`). Never edit a released entry; add one.
 *
 * It mirrors server/store/sqlite/migrations.ts column for column, so the shared SQL stores
 * read identical rows on either backend (tests/store/postgresSchema.test.ts checks this):
 * - booleans are 0/1 INTEGERs and times ISO 8601 TEXT, as on SQLite;
 * - every TEXT column is COLLATE "C" (byte order, like SQLite's BINARY), so ORDER BY gives
 *   the same order whatever the database's locale;
 * - INTEGER PRIMARY KEY AUTOINCREMENT becomes BIGSERIAL (read back as a string; the stores
 *   convert with Number()), BLOB becomes BYTEA.
 */
export const PG_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT COLLATE "C" PRIMARY KEY,
    email TEXT COLLATE "C" NOT NULL UNIQUE,
    name TEXT COLLATE "C" NOT NULL,
    password_hash TEXT COLLATE "C" NOT NULL,
    is_admin INTEGER NOT NULL DEFAULT 0,
    created_at TEXT COLLATE "C" NOT NULL
  );
  CREATE TABLE sessions (
    id_hash TEXT COLLATE "C" PRIMARY KEY,
    user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT COLLATE "C" NOT NULL,
    expires_at TEXT COLLATE "C" NOT NULL
  );
  CREATE INDEX sessions_user ON sessions (user_id);
  CREATE TABLE teams (
    id TEXT COLLATE "C" PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL,
    personal INTEGER NOT NULL DEFAULT 0,
    created_at TEXT COLLATE "C" NOT NULL
  );
  CREATE TABLE team_members (
    team_id TEXT COLLATE "C" NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT COLLATE "C" NOT NULL,
    joined_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (team_id, user_id)
  );
  CREATE INDEX team_members_user ON team_members (user_id);
  CREATE TABLE invites (
    token_hash TEXT COLLATE "C" PRIMARY KEY,
    team_id TEXT COLLATE "C" NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    email TEXT COLLATE "C" NOT NULL,
    role TEXT COLLATE "C" NOT NULL,
    created_by TEXT COLLATE "C" NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL,
    expires_at TEXT COLLATE "C" NOT NULL,
    used_at TEXT COLLATE "C",
    used_by TEXT COLLATE "C"
  );
  CREATE TABLE briefings (
    id TEXT COLLATE "C" PRIMARY KEY,
    team_id TEXT COLLATE "C" NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    title TEXT COLLATE "C" NOT NULL,
    team_role TEXT COLLATE "C" NOT NULL,
    created_by TEXT COLLATE "C" NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL
  );
  CREATE INDEX briefings_team ON briefings (team_id);
  CREATE TABLE briefing_shares (
    briefing_id TEXT COLLATE "C" NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
    user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (briefing_id, user_id)
  );
  CREATE INDEX briefing_shares_user ON briefing_shares (user_id);
  CREATE TABLE api_tokens (
    id TEXT COLLATE "C" PRIMARY KEY,
    user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT COLLATE "C" NOT NULL,
    token_hash TEXT COLLATE "C" NOT NULL UNIQUE,
    read_only INTEGER NOT NULL DEFAULT 0,
    created_at TEXT COLLATE "C" NOT NULL,
    last_used_at TEXT COLLATE "C",
    revoked_at TEXT COLLATE "C"
  );
  CREATE TABLE audit_log (
    id BIGSERIAL PRIMARY KEY,
    team_id TEXT COLLATE "C",
    at TEXT COLLATE "C" NOT NULL,
    actor_id TEXT COLLATE "C",
    action TEXT COLLATE "C" NOT NULL,
    target TEXT COLLATE "C",
    details TEXT COLLATE "C" NOT NULL,
    ip TEXT COLLATE "C"
  );
  CREATE INDEX audit_log_team ON audit_log (team_id, id);
  CREATE TABLE settings (
    key TEXT COLLATE "C" PRIMARY KEY,
    value TEXT COLLATE "C" NOT NULL
  );
  -- One row per stored Yjs update. A compacted snapshot takes the seq of the last row it
  -- replaced, so ordering by seq yields the snapshot before every later append.
  CREATE TABLE document_updates (
    seq BIGSERIAL PRIMARY KEY,
    doc TEXT COLLATE "C" NOT NULL,
    data BYTEA NOT NULL
  );
  CREATE INDEX document_updates_doc_seq ON document_updates (doc, seq);
  `,
  // Invites get a public id (to name one for revocation without its secret token) and a
  // revoked_at mark; revoked rows stay for the audit trail. Existing rows get random ids.
  `
  ALTER TABLE invites ADD COLUMN id TEXT COLLATE "C";
  UPDATE invites SET id = replace(gen_random_uuid()::text, '-', '');
  ALTER TABLE invites ALTER COLUMN id SET NOT NULL;
  ALTER TABLE invites ADD CONSTRAINT invites_id_key UNIQUE (id);
  ALTER TABLE invites ADD COLUMN revoked_at TEXT COLLATE "C";
  CREATE INDEX invites_team ON invites (team_id);
  `,
  // Failed sign-in streaks per e-mail, shared by every instance (server/auth/loginThrottle.ts).
  `
  CREATE TABLE login_failures (
    email TEXT COLLATE "C" PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failed_at TEXT COLLATE "C" NOT NULL
  );
  CREATE INDEX login_failures_last ON login_failures (last_failed_at);
  `,
  // Where a share came from: `created` (the creator's owner share, held through team
  // membership) or `granted` (given by an owner, kept). See the SQLite migration.
  `
  ALTER TABLE briefing_shares ADD COLUMN source TEXT COLLATE "C" NOT NULL DEFAULT 'granted';
  UPDATE briefing_shares SET source = 'created'
  WHERE role = 'owner'
    AND user_id = (SELECT created_by FROM briefings b WHERE b.id = briefing_shares.briefing_id);
  `,
  // The sign-in backoff's streaks are per bucket, not per e-mail (see the SQLite migration).
  `
  ALTER TABLE login_failures RENAME COLUMN email TO bucket;
  `,
  // Comment threads, their comments and mentions (see the SQLite migration).
  `
  CREATE TABLE comment_threads (
    id TEXT COLLATE "C" PRIMARY KEY,
    briefing_id TEXT COLLATE "C" NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
    anchor TEXT COLLATE "C" NOT NULL,
    quoted_text TEXT COLLATE "C" NOT NULL,
    status TEXT COLLATE "C" NOT NULL,
    created_by TEXT COLLATE "C" NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL,
    resolved_by TEXT COLLATE "C",
    resolved_at TEXT COLLATE "C"
  );
  CREATE INDEX comment_threads_briefing ON comment_threads (briefing_id);
  CREATE TABLE comments (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT COLLATE "C" NOT NULL UNIQUE,
    thread_id TEXT COLLATE "C" NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
    author_id TEXT COLLATE "C" NOT NULL,
    body TEXT COLLATE "C" NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL,
    edited_at TEXT COLLATE "C"
  );
  CREATE INDEX comments_thread ON comments (thread_id, seq);
  CREATE TABLE comment_mentions (
    comment_id TEXT COLLATE "C" NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
    user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    briefing_id TEXT COLLATE "C" NOT NULL,
    read_at TEXT COLLATE "C",
    PRIMARY KEY (comment_id, user_id)
  );
  CREATE INDEX comment_mentions_user ON comment_mentions (user_id, briefing_id);
  `,
  // Versions of a briefing: Yjs state and ProseMirror JSON (see the SQLite migration).
  `
  CREATE TABLE document_versions (
    seq BIGSERIAL PRIMARY KEY,
    doc TEXT COLLATE "C" NOT NULL,
    id TEXT COLLATE "C" NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL,
    kind TEXT COLLATE "C" NOT NULL,
    name TEXT COLLATE "C",
    authors TEXT COLLATE "C" NOT NULL,
    restored_from TEXT COLLATE "C",
    state BYTEA NOT NULL,
    content TEXT COLLATE "C" NOT NULL,
    bytes INTEGER NOT NULL,
    UNIQUE (doc, id)
  );
  CREATE INDEX document_versions_doc_seq ON document_versions (doc, seq);
  `,
  // Full-text search (see the SQLite migration): the same table, searched through a GIN
  // index on its tsvector ('simple' configuration: no stemming, as SQLite's unicode61), title
  // weighted above text. The index is on the expression, so there is no column to keep up.
  `
  CREATE TABLE search_documents (
    id BIGSERIAL PRIMARY KEY,
    briefing_id TEXT COLLATE "C" NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
    source_id TEXT COLLATE "C" NOT NULL,
    title TEXT COLLATE "C" NOT NULL,
    body TEXT COLLATE "C" NOT NULL,
    UNIQUE (briefing_id, source_id)
  );
  CREATE INDEX search_documents_fts ON search_documents USING GIN ((
    setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')
  ));
  `,
  // A briefing's cache epoch (see the SQLite migration).
  `
  ALTER TABLE briefings ADD COLUMN epoch TEXT COLLATE "C" NOT NULL DEFAULT '';
  UPDATE briefings SET epoch = substr(md5(random()::text || id), 1, 24) WHERE epoch = '';
  `,
]
