/** Who may open a briefing (`/api/briefings/:id/shares`) and the team's default role on it. */
import {
  BRIEFING_ROLES,
  type BriefingRole,
  TEAM_DEFAULT_ROLES,
  type TeamDefaultRole,
} from '../../../shared/access'
import { type BriefingRecord, parseBriefing } from './briefings'
import { arrayAt, objectAt, oneOfAt, stringAt } from './fields'
import { requestJson } from './http'

/** One person given a role on the briefing by name. */
export interface Share {
  userId: string
  email: string
  name: string
  role: BriefingRole
}

export interface BriefingAccess {
  teamId: string
  /** What every member of the briefing's team may do; `none` keeps it to the people listed. */
  teamRole: TeamDefaultRole
  shares: Share[]
}

const sharesPath = (briefingId: string) => `/api/briefings/${encodeURIComponent(briefingId)}/shares`

export function getBriefingAccess(briefingId: string): Promise<BriefingAccess> {
  return requestJson('GET', sharesPath(briefingId), (body) => {
    const fields = objectAt(body, 'access')
    return {
      teamId: stringAt(fields, 'teamId', 'access'),
      teamRole: oneOfAt(fields, 'teamRole', 'access', TEAM_DEFAULT_ROLES),
      shares: arrayAt(fields, 'shares', 'access', parseShare),
    }
  })
}

/** Gives the person with `email` a role, or changes the role they have. */
export function shareBriefing(briefingId: string, email: string, role: BriefingRole) {
  return requestJson('PUT', sharesPath(briefingId), (body) => parseShare(body, 'share'), {
    email,
    role,
  })
}

export function unshareBriefing(briefingId: string, userId: string): Promise<void> {
  return requestJson(
    'DELETE',
    `${sharesPath(briefingId)}/${encodeURIComponent(userId)}`,
    () => undefined,
  )
}

/** Sets what every member of the briefing's team may do. */
export function setTeamRole(
  briefingId: string,
  teamRole: TeamDefaultRole,
): Promise<BriefingRecord> {
  return requestJson('PATCH', `/api/briefings/${encodeURIComponent(briefingId)}`, parseBriefing, {
    teamRole,
  })
}

function parseShare(value: unknown, what: string): Share {
  const fields = objectAt(value, what)
  return {
    userId: stringAt(fields, 'userId', what),
    email: stringAt(fields, 'email', what),
    name: stringAt(fields, 'name', what),
    role: oneOfAt(fields, 'role', what, BRIEFING_ROLES),
  }
}
