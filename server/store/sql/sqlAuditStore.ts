/** AuditStore and SettingsStore on any SqlClient backend. */
import type { AuditEntry, AuditStore, SettingsStore } from '../accountStore'
import type { SqlClient } from './sqlClient'

type AuditRow = Omit<AuditEntry, 'details' | 'id'> & { id: number | string; details: string }

export class SqlAuditStore implements AuditStore {
  constructor(private readonly sql: SqlClient) {}

  async add(entry: Omit<AuditEntry, 'id'>): Promise<void> {
    await this.sql.run(
      'INSERT INTO audit_log (team_id, at, actor_id, action, target, details, ip) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [
        entry.teamId,
        entry.at,
        entry.actorId,
        entry.action,
        entry.target,
        JSON.stringify(entry.details),
        entry.ip,
      ],
    )
  }

  async list(
    teamId: string | null,
    page: { before?: number; limit: number },
  ): Promise<AuditEntry[]> {
    const rows = await this.sql.all<AuditRow>(
      `SELECT id, team_id AS "teamId", at, actor_id AS "actorId", action, target, details, ip
       FROM audit_log WHERE ${teamId === null ? 'team_id IS NULL' : 'team_id = ?'} AND id < ?
       ORDER BY id DESC LIMIT ?`,
      [...(teamId === null ? [] : [teamId]), page.before ?? Number.MAX_SAFE_INTEGER, page.limit],
    )
    return rows.map((row) => ({ ...row, id: Number(row.id), details: JSON.parse(row.details) }))
  }
}

export class SqlSettingsStore implements SettingsStore {
  constructor(private readonly sql: SqlClient) {}

  async get(key: string): Promise<string | undefined> {
    return (
      await this.sql.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key])
    )?.value
  }

  async set(key: string, value: string): Promise<void> {
    await this.sql.run(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, value],
    )
  }

  async getOrInit(key: string, value: string): Promise<string> {
    await this.sql.run(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING',
      [key, value],
    )
    return (await this.get(key))!
  }
}
