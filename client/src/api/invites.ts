/** Invite links (`/api/invites/:token`): what an invite offers, and accepting it. */
import type { TeamRole } from '../../../shared/access'
import {
  acceptedInviteResponse,
  type InviteInfo,
  inviteInfoResponse,
} from '../../../shared/api/teams'
import { parseWith, requestJson } from './http'

export type { InviteInfo } from '../../../shared/api/teams'

const invitePath = (token: string) => `/api/invites/${encodeURIComponent(token)}`

export function getInvite(token: string): Promise<InviteInfo> {
  return requestJson('GET', invitePath(token), parseWith(inviteInfoResponse, 'invite'))
}

/** Joins the invite's team as the signed-in user; returns the team joined. */
export function acceptInvite(token: string): Promise<{ teamId: string; role: TeamRole }> {
  return requestJson(
    'POST',
    `${invitePath(token)}/accept`,
    parseWith(acceptedInviteResponse, 'accepted'),
  )
}
