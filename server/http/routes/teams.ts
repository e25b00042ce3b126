/** REST: teams, their members and invites, and each team's audit log. */
import { randomUUID } from 'node:crypto'
import { Router } from 'express'
import { z } from 'zod'
import { TEAM_ROLES } from '../../../shared/access'
import { type InviteStatus, inviteStatus } from '../../auth/inviteStatus'
import { randomToken, sha256 } from '../../auth/secrets'
import { type AppContext, audit, authOf } from '../context'
import { HttpError, notFound } from '../errors'
import { parseInput } from '../validate'

/** How long an invite link stays valid. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60_000

const teamBody = z.object({ name: z.string().trim().min(1, 'must not be empty').max(100) }).strict()
const inviteBody = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email('must be an e-mail address')),
    role: z.enum(TEAM_ROLES).default('member'),
  })
  .strict()
const memberBody = z.object({ role: z.enum(TEAM_ROLES) }).strict()
const auditQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

export function teamsRouter(ctx: AppContext): Router {
  const router = Router()

  /** The caller's membership; non-members get 404 so team ids leak nothing. */
  const membership = async (teamId: string, userId: string, needAdmin = false) => {
    const member = await ctx.stores.teams.getMember(teamId, userId)
    const team = member && (await ctx.stores.teams.get(teamId))
    if (!member || !team) throw notFound('team')
    if (needAdmin && member.role !== 'admin')
      throw new HttpError(403, 'forbidden', 'only team admins may do this')
    return { team, member }
  }

  router.get('/', async (_req, res) => {
    res.json({ teams: await ctx.stores.teams.listForUser(authOf(res).user.id) })
  })

  router.post('/', async (req, res) => {
    const { name } = parseInput(teamBody, req.body, 'body')
    const user = authOf(res).user
    const now = ctx.now().toISOString()
    const team = { id: randomUUID(), name, personal: false, createdAt: now }
    await ctx.stores.teams.create(team)
    await ctx.stores.teams.setMember(team.id, user.id, 'admin', now)
    await audit(ctx, req, {
      teamId: team.id,
      action: 'team.created',
      target: team.id,
      details: { name },
    })
    res.status(201).json({ ...team, role: 'admin' })
  })

  router.get('/:id', async (req, res) => {
    const { team, member } = await membership(req.params.id, authOf(res).user.id)
    const members = await ctx.stores.teams.listMembers(team.id)
    const invites =
      member.role === 'admin'
        ? (await ctx.stores.teams.listInvites(team.id)).filter(
            (invite) => !invite.usedAt && !invite.revokedAt,
          )
        : []
    res.json({ ...team, role: member.role, members, invites })
  })

  router.post('/:id/invites', async (req, res) => {
    const { team } = await membership(req.params.id, authOf(res).user.id, true)
    // Nobody can leave or be removed from a personal team, so nobody may be invited into one.
    if (team.personal) {
      throw new HttpError(
        400,
        'personal_team',
        'a personal team has no other members; share the briefing or create a team',
      )
    }
    const body = parseInput(inviteBody, req.body, 'body')
    const token = randomToken()
    const now = ctx.now()
    const invite = {
      id: randomUUID(),
      teamId: team.id,
      email: body.email,
      role: body.role,
      createdBy: authOf(res).user.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + INVITE_TTL_MS).toISOString(),
      usedAt: null,
      usedBy: null,
      revokedAt: null,
    }
    await ctx.stores.teams.createInvite({ ...invite, tokenHash: sha256(token) })
    await audit(ctx, req, {
      teamId: team.id,
      action: 'team.invited',
      target: body.email,
      details: { role: body.role },
    })
    // No mail server is assumed: the inviter passes the link on. Only its hash is stored.
    res.status(201).json({ ...invite, token, url: `/invite/${token}` })
  })

  router.delete('/:id/invites/:inviteId', async (req, res) => {
    const { team } = await membership(req.params.id, authOf(res).user.id, true)
    const invite = await ctx.stores.teams.getInviteById(team.id, req.params.inviteId)
    // A revoked invite is gone as far as admins are concerned, so revoking it again is a 404.
    if (!invite || invite.revokedAt) throw notFound('invite')
    if (invite.usedAt) {
      throw new HttpError(
        409,
        'invite_used',
        'this invite has been accepted; remove the member instead',
      )
    }
    // False only when an accept or another revoke got there between the read and here.
    if (!(await ctx.stores.teams.revokeInvite(team.id, invite.id, ctx.now().toISOString()))) {
      throw notFound('invite')
    }
    await audit(ctx, req, {
      teamId: team.id,
      action: 'team.invite_revoked',
      target: invite.email,
      details: { role: invite.role },
    })
    res.status(204).end()
  })

  router.patch('/:id/members/:userId', async (req, res) => {
    const { team } = await membership(req.params.id, authOf(res).user.id, true)
    const { role } = parseInput(memberBody, req.body, 'body')
    const target = await ctx.stores.teams.getMember(team.id, req.params.userId)
    if (!target) throw notFound('member')
    if (target.role === 'admin' && role !== 'admin') await assertAnotherAdmin(team.id)
    await ctx.stores.teams.setMember(team.id, target.userId, role, ctx.now().toISOString())
    await audit(ctx, req, {
      teamId: team.id,
      action: 'team.role_changed',
      target: target.userId,
      details: { from: target.role, to: role },
    })
    await ctx.broadcastAccessChange({ kind: 'team', id: team.id })
    res.json({ ...target, role })
  })

  router.delete('/:id/members/:userId', async (req, res) => {
    const self = authOf(res).user.id
    const leaving = req.params.userId === self
    const { team } = await membership(req.params.id, self, !leaving)
    if (team.personal)
      throw new HttpError(
        400,
        'personal_team',
        'nobody can leave or be removed from a personal team',
      )
    const target = await ctx.stores.teams.getMember(team.id, req.params.userId)
    if (!target) throw notFound('member')
    if (target.role === 'admin') await assertAnotherAdmin(team.id)
    await ctx.stores.teams.removeMember(team.id, target.userId)
    await audit(ctx, req, { teamId: team.id, action: 'team.member_removed', target: target.userId })
    await ctx.broadcastAccessChange({ kind: 'team', id: team.id })
    res.status(204).end()
  })

  router.get('/:id/audit', async (req, res) => {
    const { team } = await membership(req.params.id, authOf(res).user.id, true)
    const page = parseInput(auditQuery, req.query, 'query')
    const entries = await ctx.stores.audit.list(team.id, page)
    const last = entries[entries.length - 1]
    res.json({ entries, nextBefore: entries.length === page.limit && last ? last.id : null })
  })

  async function assertAnotherAdmin(teamId: string): Promise<void> {
    const admins = (await ctx.stores.teams.listMembers(teamId)).filter((m) => m.role === 'admin')
    if (admins.length <= 1)
      throw new HttpError(409, 'last_admin', 'a team needs at least one admin')
  }

  return router
}

/** REST: looking at and accepting an invite link. */
export function invitesRouter(ctx: AppContext): Router {
  const router = Router()

  const findInvite = async (token: string) => {
    const invite = await ctx.stores.teams.getInvite(sha256(token))
    const team = invite && (await ctx.stores.teams.get(invite.teamId))
    if (!invite || !team) throw notFound('invite')
    return { invite, team, status: inviteStatus(invite, ctx.now().toISOString()) }
  }

  router.get('/:token', async (req, res) => {
    const { invite, team, status } = await findInvite(req.params.token)
    const valid = status === 'pending'
    res.json({ teamName: team.name, email: invite.email, role: invite.role, valid })
  })

  router.post('/:token/accept', async (req, res) => {
    const user = authOf(res).user
    const { invite, team, status } = await findInvite(req.params.token)
    if (status !== 'pending') throw inviteGone(status)
    if (invite.email !== user.email) {
      throw new HttpError(
        403,
        'wrong_account',
        `this invite is for ${invite.email}; sign in with that account`,
      )
    }
    const now = ctx.now().toISOString()
    if (!(await ctx.stores.teams.useInvite(sha256(req.params.token), user.id, now))) {
      // Used or revoked since it was read: say which.
      const current = await ctx.stores.teams.getInvite(sha256(req.params.token))
      throw inviteGone(current ? inviteStatus(current, now) : 'used')
    }
    if (!(await ctx.stores.teams.getMember(team.id, user.id))) {
      await ctx.stores.teams.setMember(team.id, user.id, invite.role, now)
    }
    await audit(ctx, req, { teamId: team.id, action: 'team.invite_accepted', target: user.id })
    await ctx.broadcastAccessChange({ kind: 'team', id: team.id })
    res.json({ teamId: team.id, role: invite.role })
  })

  return router
}

/**
 * 410 for an invite that no longer admits anyone. A revoked one has its own code, so the
 * invitee is told to ask for a new link rather than that they may have used it already.
 */
function inviteGone(status: InviteStatus): HttpError {
  return status === 'revoked'
    ? new HttpError(410, 'invite_revoked', 'this invite has been revoked by a team admin')
    : new HttpError(410, 'invite_used', 'this invite has been used or has expired')
}
