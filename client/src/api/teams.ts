/** The teams REST API (`/api/teams`): teams, members, invites and each team's audit log. */
import type { TeamRole } from '../../../shared/access'
import { type TeamMembership, teamMembership } from '../../../shared/api/accounts'
import { type AuditPage, auditPage } from '../../../shared/api/fields'
import {
  type CreatedInvite,
  createdInviteResponse,
  type TeamDetail,
  teamDetailResponse,
} from '../../../shared/api/teams'
import { parseWith, requestJson } from './http'

export type { AuditEntry, AuditPage } from '../../../shared/api/fields'
export type {
  CreatedInvite,
  PendingInvite,
  TeamDetail,
  TeamMember,
} from '../../../shared/api/teams'

const base = '/api/teams'
const teamPath = (id: string) => `${base}/${encodeURIComponent(id)}`
const noBody = () => undefined

export function createTeam(name: string): Promise<TeamMembership> {
  return requestJson('POST', base, parseWith(teamMembership, 'team'), { name })
}

export function getTeam(id: string): Promise<TeamDetail> {
  return requestJson('GET', teamPath(id), parseWith(teamDetailResponse, 'team'))
}

export function inviteToTeam(
  teamId: string,
  invite: { email: string; role: TeamRole },
): Promise<CreatedInvite> {
  const parse = parseWith(createdInviteResponse, 'invite')
  return requestJson('POST', `${teamPath(teamId)}/invites`, parse, invite)
}

/** Revokes a pending invite: its link stops working and it leaves the list. */
export function revokeInvite(teamId: string, inviteId: string): Promise<void> {
  return requestJson(
    'DELETE',
    `${teamPath(teamId)}/invites/${encodeURIComponent(inviteId)}`,
    noBody,
  )
}

export function setMemberRole(teamId: string, userId: string, role: TeamRole): Promise<void> {
  const path = `${teamPath(teamId)}/members/${encodeURIComponent(userId)}`
  return requestJson('PATCH', path, noBody, { role })
}

export function removeMember(teamId: string, userId: string): Promise<void> {
  return requestJson('DELETE', `${teamPath(teamId)}/members/${encodeURIComponent(userId)}`, noBody)
}

/** Entries per audit page: a screenful, so "Load more" is there when the log is long. */
export const AUDIT_PAGE_SIZE = 25

/** A page of the team's audit log, newest first, older than entry `before` when given. */
export function getAuditPage(teamId: string, before?: number): Promise<AuditPage> {
  const query = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) })
  if (before !== undefined) query.set('before', String(before))
  return requestJson('GET', `${teamPath(teamId)}/audit?${query}`, parseWith(auditPage, 'audit'))
}
