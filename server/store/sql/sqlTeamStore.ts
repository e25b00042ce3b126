/** TeamStore on any SqlClient backend. */
import type { TeamRole } from '../../../shared/access'
import type { Invite, Team, TeamMember, TeamStore } from '../accountStore'
import type { SqlClient } from './sqlClient'

const INVITE_COLUMNS = `id, team_id AS "teamId", email, role, created_by AS "createdBy",
  created_at AS "createdAt", expires_at AS "expiresAt", used_at AS "usedAt", used_by AS "usedBy",
  revoked_at AS "revokedAt"`
const MEMBER_SELECT = `SELECT m.user_id AS "userId", u.email, u.name, m.role, m.joined_at AS "joinedAt"
  FROM team_members m JOIN users u ON u.id = m.user_id`

type TeamRow = Omit<Team, 'personal'> & { personal: number }
const toTeam = <T extends TeamRow>(row: T) => ({ ...row, personal: row.personal === 1 })

export class SqlTeamStore implements TeamStore {
  constructor(private readonly sql: SqlClient) {}

  async create(team: Team): Promise<void> {
    await this.sql.run('INSERT INTO teams (id, name, personal, created_at) VALUES (?, ?, ?, ?)', [
      team.id,
      team.name,
      team.personal ? 1 : 0,
      team.createdAt,
    ])
  }

  async get(id: string): Promise<Team | undefined> {
    const row = await this.sql.get<TeamRow>(
      'SELECT id, name, personal, created_at AS "createdAt" FROM teams WHERE id = ?',
      [id],
    )
    return row && toTeam(row)
  }

  async listForUser(userId: string): Promise<Array<Team & { role: TeamRole }>> {
    const rows = await this.sql.all<TeamRow & { role: TeamRole }>(
      `SELECT t.id, t.name, t.personal, t.created_at AS "createdAt", m.role FROM teams t
       JOIN team_members m ON m.team_id = t.id WHERE m.user_id = ? ORDER BY t.personal DESC, t.name`,
      [userId],
    )
    return rows.map(toTeam)
  }

  getMember(teamId: string, userId: string): Promise<TeamMember | undefined> {
    return this.sql.get<TeamMember>(`${MEMBER_SELECT} WHERE m.team_id = ? AND m.user_id = ?`, [
      teamId,
      userId,
    ])
  }

  listMembers(teamId: string): Promise<TeamMember[]> {
    return this.sql.all<TeamMember>(
      `${MEMBER_SELECT} WHERE m.team_id = ? ORDER BY u.name, u.email`,
      [teamId],
    )
  }

  async setMember(teamId: string, userId: string, role: TeamRole, now: string): Promise<void> {
    await this.sql.run(
      `INSERT INTO team_members (team_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (team_id, user_id) DO UPDATE SET role = excluded.role`,
      [teamId, userId, role, now],
    )
  }

  async removeMember(teamId: string, userId: string): Promise<boolean> {
    return this.sql.transaction(async (tx) => {
      const result = await tx.run('DELETE FROM team_members WHERE team_id = ? AND user_id = ?', [
        teamId,
        userId,
      ])
      await tx.run(
        `DELETE FROM briefing_shares WHERE user_id = ? AND source = 'created'
         AND briefing_id IN (SELECT id FROM briefings WHERE team_id = ?)`,
        [userId, teamId],
      )
      return result.changes > 0
    })
  }

  async createInvite(invite: Invite & { tokenHash: string }): Promise<void> {
    await this.sql.run(
      `INSERT INTO invites (id, token_hash, team_id, email, role, created_by, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        invite.id,
        invite.tokenHash,
        invite.teamId,
        invite.email,
        invite.role,
        invite.createdBy,
        invite.createdAt,
        invite.expiresAt,
      ],
    )
  }

  getInvite(tokenHash: string): Promise<Invite | undefined> {
    return this.sql.get<Invite>(`SELECT ${INVITE_COLUMNS} FROM invites WHERE token_hash = ?`, [
      tokenHash,
    ])
  }

  getInviteById(teamId: string, id: string): Promise<Invite | undefined> {
    return this.sql.get<Invite>(
      `SELECT ${INVITE_COLUMNS} FROM invites WHERE team_id = ? AND id = ?`,
      [teamId, id],
    )
  }

  async useInvite(tokenHash: string, userId: string, now: string): Promise<boolean> {
    const result = await this.sql.run(
      `UPDATE invites SET used_at = ?, used_by = ?
       WHERE token_hash = ? AND used_at IS NULL AND revoked_at IS NULL`,
      [now, userId, tokenHash],
    )
    return result.changes > 0
  }

  async revokeInvite(teamId: string, id: string, now: string): Promise<boolean> {
    const result = await this.sql.run(
      `UPDATE invites SET revoked_at = ?
       WHERE team_id = ? AND id = ? AND used_at IS NULL AND revoked_at IS NULL`,
      [now, teamId, id],
    )
    return result.changes > 0
  }

  listInvites(teamId: string): Promise<Invite[]> {
    return this.sql.all<Invite>(
      `SELECT ${INVITE_COLUMNS} FROM invites WHERE team_id = ? ORDER BY created_at DESC`,
      [teamId],
    )
  }
}
