/** The teams REST API (`/api/teams`): teams, members, invites and each team's audit log. */
import { TEAM_ROLES, type TeamRole } from '../../../shared/access'
import { parseTeamMembership, type TeamMembership } from './auth'
import { arrayAt, nullableStringAt, numberAt, objectAt, oneOfAt, stringAt } from './fields'
import { isRecord, requestJson } from './http'

export interface TeamMember {
  userId: string
  email: string
  name: string
  role: TeamRole
  joinedAt: string
}

/** An invite not yet used; its link is shown only once, when it is created. */
export interface PendingInvite {
  /** Public id, for revoking; not the secret link. */
  id: string
  email: string
  role: TeamRole
  createdAt: string
  expiresAt: string
}

/** `GET /api/teams/:id`: the team, the caller's role, members, and (for admins) invites. */
export interface TeamDetail extends TeamMembership {
  members: TeamMember[]
  invites: PendingInvite[]
}

/** A freshly created invite: `url` is the path of the link to hand over. */
export interface CreatedInvite {
  email: string
  role: TeamRole
  url: string
  expiresAt: string
}

export interface AuditEntry {
  id: number
  at: string
  actorId: string | null
  action: string
  target: string | null
  details: Record<string, unknown>
}

/** One page of the audit log; `nextBefore` asks for the next (older) page, null at the end. */
export interface AuditPage {
  entries: AuditEntry[]
  nextBefore: number | null
}

const base = '/api/teams'
const teamPath = (id: string) => `${base}/${encodeURIComponent(id)}`

export function createTeam(name: string): Promise<TeamMembership> {
  return requestJson('POST', base, (body) => parseTeamMembership(body, 'team'), { name })
}

export function getTeam(id: string): Promise<TeamDetail> {
  return requestJson('GET', teamPath(id), parseTeamDetail)
}

export function inviteToTeam(
  teamId: string,
  invite: { email: string; role: TeamRole },
): Promise<CreatedInvite> {
  return requestJson(
    'POST',
    `${teamPath(teamId)}/invites`,
    (body) => {
      const fields = objectAt(body, 'invite')
      return {
        email: stringAt(fields, 'email', 'invite'),
        role: oneOfAt(fields, 'role', 'invite', TEAM_ROLES),
        url: stringAt(fields, 'url', 'invite'),
        expiresAt: stringAt(fields, 'expiresAt', 'invite'),
      }
    },
    invite,
  )
}

/** Revokes a pending invite: its link stops working and it leaves the list. */
export function revokeInvite(teamId: string, inviteId: string): Promise<void> {
  return requestJson(
    'DELETE',
    `${teamPath(teamId)}/invites/${encodeURIComponent(inviteId)}`,
    () => undefined,
  )
}

export function setMemberRole(teamId: string, userId: string, role: TeamRole): Promise<void> {
  return requestJson(
    'PATCH',
    `${teamPath(teamId)}/members/${encodeURIComponent(userId)}`,
    () => undefined,
    { role },
  )
}

export function removeMember(teamId: string, userId: string): Promise<void> {
  return requestJson(
    'DELETE',
    `${teamPath(teamId)}/members/${encodeURIComponent(userId)}`,
    () => undefined,
  )
}

/** Entries per audit page: a screenful, so "Load more" is there when the log is long. */
export const AUDIT_PAGE_SIZE = 25

/** A page of the team's audit log, newest first, older than entry `before` when given. */
export function getAuditPage(teamId: string, before?: number): Promise<AuditPage> {
  const query = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) })
  if (before !== undefined) query.set('before', String(before))
  return requestJson('GET', `${teamPath(teamId)}/audit?${query}`, (body) => {
    const fields = objectAt(body, 'audit')
    const nextBefore = fields.nextBefore
    if (nextBefore !== null && typeof nextBefore !== 'number') {
      throw new Error('audit.nextBefore is not a number or null')
    }
    return { entries: arrayAt(fields, 'entries', 'audit', parseAuditEntry), nextBefore }
  })
}

function parseTeamDetail(body: unknown): TeamDetail {
  const fields = objectAt(body, 'team')
  return {
    ...parseTeamMembership(body, 'team'),
    members: arrayAt(fields, 'members', 'team', parseMember),
    invites: arrayAt(fields, 'invites', 'team', parseInvite),
  }
}

function parseMember(value: unknown, what: string): TeamMember {
  const fields = objectAt(value, what)
  return {
    userId: stringAt(fields, 'userId', what),
    email: stringAt(fields, 'email', what),
    name: stringAt(fields, 'name', what),
    role: oneOfAt(fields, 'role', what, TEAM_ROLES),
    joinedAt: stringAt(fields, 'joinedAt', what),
  }
}

function parseInvite(value: unknown, what: string): PendingInvite {
  const fields = objectAt(value, what)
  return {
    id: stringAt(fields, 'id', what),
    email: stringAt(fields, 'email', what),
    role: oneOfAt(fields, 'role', what, TEAM_ROLES),
    createdAt: stringAt(fields, 'createdAt', what),
    expiresAt: stringAt(fields, 'expiresAt', what),
  }
}

function parseAuditEntry(value: unknown, what: string): AuditEntry {
  const fields = objectAt(value, what)
  return {
    id: numberAt(fields, 'id', what),
    at: stringAt(fields, 'at', what),
    actorId: nullableStringAt(fields, 'actorId', what),
    action: stringAt(fields, 'action', what),
    target: nullableStringAt(fields, 'target', what),
    details: isRecord(fields.details) ? fields.details : {},
  }
}
