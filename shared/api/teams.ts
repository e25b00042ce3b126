/** `/api/teams` and `/api/invites`: teams, members, invites and each team's audit log. */
import { z } from 'zod'
import { TEAM_ROLES } from '../access'
import { teamMembership } from './accounts'
import { otherEmail, shortName, time } from './fields'

export const createTeamRequest = z.object({ name: shortName }).strict()
export const inviteRequest = z
  .object({ email: otherEmail, role: z.enum(TEAM_ROLES).default('member') })
  .strict()
export const memberRoleRequest = z.object({ role: z.enum(TEAM_ROLES) }).strict()

export const teamListResponse = z.object({ teams: z.array(teamMembership) })

export const teamMember = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(TEAM_ROLES),
  joinedAt: time,
})

/** An invite not yet used or revoked; `id` is public (for revoking), not the secret link. */
export const pendingInvite = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(TEAM_ROLES),
  createdAt: time,
  expiresAt: time,
})

/** A team, the caller's role, its members and (for admins) its pending invites. */
export const teamDetailResponse = teamMembership.extend({
  members: z.array(teamMember),
  invites: z.array(pendingInvite),
})

/** A created invite: `url` is the path of the link to hand over, `token` its secret. */
export const createdInviteResponse = pendingInvite.extend({ token: z.string(), url: z.string() })

/** What an invite link offers, readable without signing in; `valid` is false once spent. */
export const inviteInfoResponse = z.object({
  teamName: z.string(),
  email: z.string(),
  role: z.enum(TEAM_ROLES),
  valid: z.boolean(),
})

export const acceptedInviteResponse = z.object({ teamId: z.string(), role: z.enum(TEAM_ROLES) })

export type TeamMember = z.infer<typeof teamMember>
export type PendingInvite = z.infer<typeof pendingInvite>
export type TeamDetail = z.infer<typeof teamDetailResponse>
export type CreatedInvite = z.infer<typeof createdInviteResponse>
export type InviteInfo = z.infer<typeof inviteInfoResponse>
