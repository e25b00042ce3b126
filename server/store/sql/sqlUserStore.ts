/** UserStore on any SqlClient backend. */
import type { ApiToken, Session, User, UserStore, UserWithPassword } from '../accountStore'
import type { SqlClient } from './sqlClient'

const USER_COLUMNS = `id, email, name, is_admin AS "isAdmin", created_at AS "createdAt"`
const TOKEN_COLUMNS = `id, user_id AS "userId", name, read_only AS "readOnly", created_at AS "createdAt",
  last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`

type Flagged<T, K extends keyof T> = Omit<T, K> & { [P in K]: number }

const toUser = <T extends Flagged<User, 'isAdmin'>>(row: T) => ({
  ...row,
  isAdmin: row.isAdmin === 1,
})
const toToken = (row: Flagged<ApiToken, 'readOnly'>): ApiToken => ({
  ...row,
  readOnly: row.readOnly === 1,
})

export class SqlUserStore implements UserStore {
  constructor(private readonly sql: SqlClient) {}

  async create(user: UserWithPassword): Promise<void> {
    await this.sql.run(
      'INSERT INTO users (id, email, name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [user.id, user.email, user.name, user.passwordHash, user.isAdmin ? 1 : 0, user.createdAt],
    )
  }

  async get(id: string): Promise<User | undefined> {
    const row = await this.sql.get<Flagged<User, 'isAdmin'>>(
      `SELECT ${USER_COLUMNS} FROM users WHERE id = ?`,
      [id],
    )
    return row && toUser(row)
  }

  async getByEmail(email: string): Promise<UserWithPassword | undefined> {
    const row = await this.sql.get<Flagged<UserWithPassword, 'isAdmin'>>(
      `SELECT ${USER_COLUMNS}, password_hash AS "passwordHash" FROM users WHERE email = ?`,
      [email],
    )
    return row && toUser(row)
  }

  async count(): Promise<number> {
    const row = await this.sql.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM users')
    return Number(row?.n ?? 0)
  }

  async setName(id: string, name: string): Promise<boolean> {
    const result = await this.sql.run('UPDATE users SET name = ? WHERE id = ?', [name, id])
    return result.changes > 0
  }

  async changePassword(
    id: string,
    change: { from: string; to: string; keepSession: string },
  ): Promise<string[] | null> {
    return this.sql.transaction(async (tx) => {
      const updated = await tx.run(
        'UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?',
        [change.to, id, change.from],
      )
      if (updated.changes === 0) return null
      // RETURNING (SQLite 3.35+, PostgreSQL) names exactly the rows this deleted, so the
      // caller closes the sockets of every ended session and of no other.
      const ended = await tx.all<{ idHash: string }>(
        'DELETE FROM sessions WHERE user_id = ? AND id_hash <> ? RETURNING id_hash AS "idHash"',
        [id, change.keepSession],
      )
      return ended.map((row) => row.idHash)
    })
  }

  async upgradePasswordHash(id: string, change: { from: string; to: string }): Promise<boolean> {
    const updated = await this.sql.run(
      'UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?',
      [change.to, id, change.from],
    )
    return updated.changes > 0
  }

  async createSession(session: Session): Promise<void> {
    await this.sql.run(
      'INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      [session.idHash, session.userId, session.createdAt, session.expiresAt],
    )
  }

  async getSession(idHash: string): Promise<Session | undefined> {
    return this.sql.get<Session>(
      `SELECT id_hash AS "idHash", user_id AS "userId", created_at AS "createdAt", expires_at AS "expiresAt"
       FROM sessions WHERE id_hash = ?`,
      [idHash],
    )
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.sql.run('DELETE FROM sessions WHERE id_hash = ?', [idHash])
  }

  async createToken(token: ApiToken & { tokenHash: string }): Promise<void> {
    await this.sql.run(
      'INSERT INTO api_tokens (id, user_id, name, token_hash, read_only, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [
        token.id,
        token.userId,
        token.name,
        token.tokenHash,
        token.readOnly ? 1 : 0,
        token.createdAt,
      ],
    )
  }

  async getTokenByHash(tokenHash: string): Promise<ApiToken | undefined> {
    const row = await this.sql.get<Flagged<ApiToken, 'readOnly'>>(
      `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = ?`,
      [tokenHash],
    )
    return row && toToken(row)
  }

  async listTokens(userId: string): Promise<ApiToken[]> {
    const rows = await this.sql.all<Flagged<ApiToken, 'readOnly'>>(
      `SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE user_id = ? ORDER BY created_at DESC`,
      [userId],
    )
    return rows.map(toToken)
  }

  async revokeToken(id: string, userId: string, now: string): Promise<boolean> {
    const result = await this.sql.run(
      'UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL',
      [now, id, userId],
    )
    return result.changes > 0
  }

  async touchToken(id: string, now: string): Promise<void> {
    await this.sql.run('UPDATE api_tokens SET last_used_at = ? WHERE id = ?', [now, id])
  }
}
