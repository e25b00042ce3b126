/** BriefingStore on any SqlClient backend. */
import crypto from 'node:crypto'
import type { BriefingRole, TeamDefaultRole, TeamRole } from '../../../shared/access'
import type {
  BriefingRecord,
  BriefingShare,
  BriefingStore,
  BriefingWithAccess,
  ShareSource,
} from '../briefingStore'
import type { SqlClient } from './sqlClient'

/** Random, so two lineages of one briefing never share an epoch. */
function newEpoch(): string {
  return crypto.randomBytes(12).toString('base64url')
}

interface BriefingRow {
  id: string
  team_id: string
  title: string
  team_role: TeamDefaultRole
  created_by: string
  created_at: string
  updated_at: string
  epoch: string
}

interface AccessRow extends BriefingRow {
  member_role: TeamRole | null
  share_role: BriefingRole | null
}

function toRecord(row: BriefingRow): BriefingRecord {
  return {
    id: row.id,
    teamId: row.team_id,
    title: row.title,
    teamRole: row.team_role,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    epoch: row.epoch,
  }
}

function toAccess(row: AccessRow): BriefingWithAccess {
  return { ...toRecord(row), memberRole: row.member_role, shareRole: row.share_role }
}

const ACCESS_SELECT = `
  SELECT b.*, m.role AS member_role, s.role AS share_role
  FROM briefings b
  LEFT JOIN team_members m ON m.team_id = b.team_id AND m.user_id = ?
  LEFT JOIN briefing_shares s ON s.briefing_id = b.id AND s.user_id = ?`

export class SqlBriefingStore implements BriefingStore {
  constructor(private readonly sql: SqlClient) {}

  async create(input: Omit<BriefingRecord, 'updatedAt' | 'epoch'>): Promise<BriefingRecord> {
    const epoch = newEpoch()
    await this.sql.run(
      `INSERT INTO briefings
         (id, team_id, title, team_role, created_by, created_at, updated_at, epoch)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        input.id,
        input.teamId,
        input.title,
        input.teamRole,
        input.createdBy,
        input.createdAt,
        input.createdAt,
        epoch,
      ],
    )
    return { ...input, updatedAt: input.createdAt, epoch }
  }

  async renewEpoch(id: string): Promise<string | undefined> {
    const epoch = newEpoch()
    const { changes } = await this.sql.run('UPDATE briefings SET epoch = ? WHERE id = ?', [
      epoch,
      id,
    ])
    return changes > 0 ? epoch : undefined
  }

  async get(id: string): Promise<BriefingRecord | undefined> {
    const row = await this.sql.get<BriefingRow>('SELECT * FROM briefings WHERE id = ?', [id])
    return row && toRecord(row)
  }

  async getForUser(id: string, userId: string): Promise<BriefingWithAccess | undefined> {
    const row = await this.sql.get<AccessRow>(`${ACCESS_SELECT} WHERE b.id = ?`, [
      userId,
      userId,
      id,
    ])
    return row && toAccess(row)
  }

  async listIds(): Promise<string[]> {
    const rows = await this.sql.all<{ id: string }>('SELECT id FROM briefings ORDER BY id')
    return rows.map((row) => row.id)
  }

  async listForUser(userId: string): Promise<BriefingWithAccess[]> {
    const rows = await this.sql.all<AccessRow>(
      `${ACCESS_SELECT} WHERE m.user_id IS NOT NULL OR s.user_id IS NOT NULL
       ORDER BY b.updated_at DESC, b.id`,
      [userId, userId],
    )
    return rows.map(toAccess)
  }

  async update(
    id: string,
    patch: { title?: string; teamRole?: TeamDefaultRole; now: string },
  ): Promise<BriefingRecord | undefined> {
    const row = await this.sql.get<BriefingRow>(
      `UPDATE briefings SET title = COALESCE(?, title), team_role = COALESCE(?, team_role),
       updated_at = ? WHERE id = ? RETURNING *`,
      [patch.title ?? null, patch.teamRole ?? null, patch.now, id],
    )
    return row && toRecord(row)
  }

  async touch(id: string, now: string): Promise<void> {
    await this.sql.run('UPDATE briefings SET updated_at = ? WHERE id = ?', [now, id])
  }

  async delete(id: string): Promise<boolean> {
    return this.sql.transaction(async (tx) => {
      await tx.run('DELETE FROM briefing_shares WHERE briefing_id = ?', [id])
      return (await tx.run('DELETE FROM briefings WHERE id = ?', [id])).changes > 0
    })
  }

  async setShare(
    briefingId: string,
    userId: string,
    role: BriefingRole,
    source: ShareSource,
  ): Promise<void> {
    await this.sql.run(
      `INSERT INTO briefing_shares (briefing_id, user_id, role, source) VALUES (?, ?, ?, ?)
       ON CONFLICT (briefing_id, user_id) DO UPDATE SET role = excluded.role, source = excluded.source`,
      [briefingId, userId, role, source],
    )
  }

  async removeShare(briefingId: string, userId: string): Promise<boolean> {
    const result = await this.sql.run(
      'DELETE FROM briefing_shares WHERE briefing_id = ? AND user_id = ?',
      [briefingId, userId],
    )
    return result.changes > 0
  }

  async listShares(briefingId: string): Promise<BriefingShare[]> {
    return this.sql.all<BriefingShare>(
      `SELECT s.user_id AS "userId", u.email, u.name, s.role FROM briefing_shares s
       JOIN users u ON u.id = s.user_id WHERE s.briefing_id = ? ORDER BY u.name, u.email`,
      [briefingId],
    )
  }
}
