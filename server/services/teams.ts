/**
 * Teams: creating one, its members and their roles, invites (made, revoked, accepted) and the
 * team's audit log. Membership changes publish an access change, so open sockets follow them.
 */
import { randomUUID } from 'node:crypto'
import type { TeamRole } from '../../shared/access'
import { type InviteStatus, inviteStatus } from '../auth/inviteStatus'
import { randomToken, sha256 } from '../auth/secrets'
import type { AuditEntry, Invite, Team, TeamMember } from '../store/accountStore'
import { recordAudit } from './audit'
import { type Actor, inTransaction, type ServiceDeps } from './deps'
import { notFoundError, ServiceError } from './errors'

/** How long an invite link stays valid. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60_000

export interface AuditPageRequest {
  before?: number
  limit: number
}

export interface AuditPage {
  entries: AuditEntry[]
  nextBefore: number | null
}

/** A page of audit entries and the id to ask for the next (older) page with. */
export function auditPage(entries: AuditEntry[], page: AuditPageRequest): AuditPage {
  const last = entries[entries.length - 1]
  return { entries, nextBefore: entries.length === page.limit && last ? last.id : null }
}

export class TeamsService {
  constructor(private readonly deps: ServiceDeps) {}

  list(actor: Actor) {
    return this.deps.stores.teams.listForUser(actor.auth.user.id)
  }

  /** Creates a team with the caller as its admin, both in one transaction. */
  async create(actor: Actor, name: string): Promise<Team & { role: TeamRole }> {
    const now = this.deps.now().toISOString()
    const team: Team = { id: randomUUID(), name, personal: false, createdAt: now }
    await inTransaction(this.deps.stores, async (tx) => {
      await tx.teams.create(team)
      await tx.teams.setMember(team.id, actor.auth.user.id, 'admin', now)
    })
    await this.audit(actor, team.id, 'team.created', team.id, { name })
    return { ...team, role: 'admin' }
  }

  /** The team with its members, and for admins the invites neither used nor revoked. */
  async get(actor: Actor, teamId: string) {
    const { team, member } = await this.membership(actor, teamId)
    const { teams } = this.deps.stores
    const members = await teams.listMembers(team.id)
    const invites =
      member.role === 'admin'
        ? (await teams.listInvites(team.id)).filter((invite) => !invite.usedAt && !invite.revokedAt)
        : []
    return { ...team, role: member.role, members, invites }
  }

  /**
   * Throws unless the caller administers the team. Routes call it before reading a body, so
   * a non-admin learns nothing from the validation of what they sent.
   */
  async mayManage(actor: Actor, teamId: string): Promise<Team> {
    return (await this.membership(actor, teamId, true)).team
  }

  /** mayManage, and the team is not a personal one (nobody can be invited into those). */
  async mayInvite(actor: Actor, teamId: string): Promise<Team> {
    const team = await this.mayManage(actor, teamId)
    if (team.personal) {
      throw personalTeam(
        'a personal team has no other members; share the briefing or create a team',
      )
    }
    return team
  }

  /** A single-use invite link to hand over (no mail server is assumed); admins only. */
  async invite(
    actor: Actor,
    teamId: string,
    input: { email: string; role: TeamRole },
  ): Promise<Invite & { token: string; url: string }> {
    // Nobody can leave or be removed from a personal team, so nobody may be invited into one.
    const team = await this.mayInvite(actor, teamId)
    const token = randomToken()
    const now = this.deps.now()
    const invite: Invite = {
      id: randomUUID(),
      teamId: team.id,
      email: input.email,
      role: input.role,
      createdBy: actor.auth.user.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + INVITE_TTL_MS).toISOString(),
      usedAt: null,
      usedBy: null,
      revokedAt: null,
    }
    // Only the token's hash is stored.
    await this.deps.stores.teams.createInvite({ ...invite, tokenHash: sha256(token) })
    await this.audit(actor, team.id, 'team.invited', input.email, { role: input.role })
    return { ...invite, token, url: `/invite/${token}` }
  }

  async revokeInvite(actor: Actor, teamId: string, inviteId: string): Promise<void> {
    const { team } = await this.membership(actor, teamId, true)
    const { teams } = this.deps.stores
    const invite = await teams.getInviteById(team.id, inviteId)
    // A revoked invite is gone as far as admins are concerned, so revoking it again is a 404.
    if (!invite || invite.revokedAt) throw notFoundError('invite')
    if (invite.usedAt) {
      throw new ServiceError(
        'conflict',
        'invite_used',
        'this invite has been accepted; remove the member instead',
      )
    }
    // False only when an accept or another revoke got there between the read and here.
    if (!(await teams.revokeInvite(team.id, invite.id, this.deps.now().toISOString()))) {
      throw notFoundError('invite')
    }
    await this.audit(actor, team.id, 'team.invite_revoked', invite.email, { role: invite.role })
  }

  /** Changes a member's role; a team keeps at least one admin. Admins only. */
  async setRole(actor: Actor, teamId: string, userId: string, role: TeamRole): Promise<TeamMember> {
    const { team } = await this.membership(actor, teamId, true)
    const { teams } = this.deps.stores
    const target = await teams.getMember(team.id, userId)
    if (!target) throw notFoundError('member')
    if (target.role === 'admin' && role !== 'admin') await this.assertAnotherAdmin(team.id)
    await teams.setMember(team.id, target.userId, role, this.deps.now().toISOString())
    await this.audit(actor, team.id, 'team.role_changed', target.userId, {
      from: target.role,
      to: role,
    })
    await this.accessChanged(team.id)
    return { ...target, role }
  }

  /** Removes a member (admins), or the caller leaves; never from a personal team. */
  async removeMember(actor: Actor, teamId: string, userId: string): Promise<void> {
    const leaving = userId === actor.auth.user.id
    const { team } = await this.membership(actor, teamId, !leaving)
    if (team.personal) throw personalTeam('nobody can leave or be removed from a personal team')
    const { teams } = this.deps.stores
    const target = await teams.getMember(team.id, userId)
    if (!target) throw notFoundError('member')
    if (target.role === 'admin') await this.assertAnotherAdmin(team.id)
    await teams.removeMember(team.id, target.userId)
    await this.audit(actor, team.id, 'team.member_removed', target.userId)
    await this.accessChanged(team.id)
  }

  /** The team's audit log, newest first; admins only. */
  async auditLog(actor: Actor, teamId: string, page: AuditPageRequest): Promise<AuditPage> {
    const { team } = await this.membership(actor, teamId, true)
    return auditPage(await this.deps.stores.audit.list(team.id, page), page)
  }

  /** What an invite link offers; readable without signing in. */
  async describeInvite(token: string) {
    const { invite, team, status } = await this.findInvite(token)
    return {
      teamName: team.name,
      email: invite.email,
      role: invite.role,
      valid: status === 'pending',
    }
  }

  /** Joins the invite's team as the caller, whose e-mail must be the invite's. Single use. */
  async acceptInvite(actor: Actor, token: string): Promise<{ teamId: string; role: TeamRole }> {
    const { user } = actor.auth
    const { invite, team, status } = await this.findInvite(token)
    if (status !== 'pending') throw inviteGone(status)
    if (invite.email !== user.email) {
      throw new ServiceError(
        'forbidden',
        'wrong_account',
        `this invite is for ${invite.email}; sign in with that account`,
      )
    }
    const { teams } = this.deps.stores
    const now = this.deps.now().toISOString()
    if (!(await teams.useInvite(sha256(token), user.id, now))) {
      // Used or revoked since it was read: say which.
      const current = await teams.getInvite(sha256(token))
      throw inviteGone(current ? inviteStatus(current, now) : 'used')
    }
    if (!(await teams.getMember(team.id, user.id))) {
      await teams.setMember(team.id, user.id, invite.role, now)
    }
    await this.audit(actor, team.id, 'team.invite_accepted', user.id)
    await this.accessChanged(team.id)
    return { teamId: team.id, role: invite.role }
  }

  /** The caller's membership; non-members get 404 so team ids leak nothing. */
  private async membership(actor: Actor, teamId: string, needAdmin = false) {
    const { teams } = this.deps.stores
    const member = await teams.getMember(teamId, actor.auth.user.id)
    const team = member && (await teams.get(teamId))
    if (!member || !team) throw notFoundError('team')
    if (needAdmin && member.role !== 'admin')
      throw new ServiceError('forbidden', 'forbidden', 'only team admins may do this')
    return { team, member }
  }

  private async findInvite(token: string) {
    const { teams } = this.deps.stores
    const invite = await teams.getInvite(sha256(token))
    const team = invite && (await teams.get(invite.teamId))
    if (!invite || !team) throw notFoundError('invite')
    return { invite, team, status: inviteStatus(invite, this.deps.now().toISOString()) }
  }

  private async assertAnotherAdmin(teamId: string): Promise<void> {
    const members = await this.deps.stores.teams.listMembers(teamId)
    if (members.filter((m) => m.role === 'admin').length <= 1)
      throw new ServiceError('conflict', 'last_admin', 'a team needs at least one admin')
  }

  private accessChanged(teamId: string): Promise<void> {
    return this.deps.events.publish({
      type: 'access-changed',
      change: { kind: 'team', id: teamId },
    })
  }

  private audit(
    actor: Actor,
    teamId: string,
    action: string,
    target: string,
    details?: Record<string, unknown>,
  ): Promise<void> {
    const by = { actorId: actor.auth.user.id, ip: actor.ip }
    return recordAudit(this.deps, by, { teamId, action, target, details })
  }
}

function personalTeam(message: string): ServiceError {
  return new ServiceError('invalid', 'personal_team', message)
}

/**
 * An invite that no longer admits anyone. A revoked one has its own code, so the invitee is
 * told to ask for a new link rather than that they may have used it already.
 */
function inviteGone(status: InviteStatus): ServiceError {
  return status === 'revoked'
    ? new ServiceError('gone', 'invite_revoked', 'this invite has been revoked by a team admin')
    : new ServiceError('gone', 'invite_used', 'this invite has been used or has expired')
}
