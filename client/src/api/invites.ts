/** Invite links (`/api/invites/:token`): what an invite offers, and accepting it. */
import { TEAM_ROLES, type TeamRole } from '../../../shared/access'
import { booleanAt, objectAt, oneOfAt, stringAt } from './fields'
import { requestJson } from './http'

/** What an invite link offers; readable without signing in. */
export interface InviteInfo {
  teamName: string
  /** The account that may accept it. */
  email: string
  role: TeamRole
  /** False once used or expired. */
  valid: boolean
}

const invitePath = (token: string) => `/api/invites/${encodeURIComponent(token)}`

export function getInvite(token: string): Promise<InviteInfo> {
  return requestJson('GET', invitePath(token), (body) => {
    const fields = objectAt(body, 'invite')
    return {
      teamName: stringAt(fields, 'teamName', 'invite'),
      email: stringAt(fields, 'email', 'invite'),
      role: oneOfAt(fields, 'role', 'invite', TEAM_ROLES),
      valid: booleanAt(fields, 'valid', 'invite'),
    }
  })
}

/** Joins the invite's team as the signed-in user; returns the team joined. */
export function acceptInvite(token: string): Promise<{ teamId: string; role: TeamRole }> {
  return requestJson('POST', `${invitePath(token)}/accept`, (body) => {
    const fields = objectAt(body, 'accepted')
    return {
      teamId: stringAt(fields, 'teamId', 'accepted'),
      role: oneOfAt(fields, 'role', 'accepted', TEAM_ROLES),
    }
  })
}
