/** Who may open a briefing (`/api/briefings/:id/shares`) and the team's default role on it. */
import type { BriefingRole, TeamDefaultRole } from '../../../shared/access'
import { type BriefingShares, share, sharesResponse } from '../../../shared/api/briefings'
import { type BriefingRecord, parseBriefing } from './briefings'
import { parseWith, requestJson } from './http'

export type { Share } from '../../../shared/api/briefings'
/** The people a briefing is shared with, and what every member of its team may do. */
export type BriefingAccess = BriefingShares

const sharesPath = (briefingId: string) => `/api/briefings/${encodeURIComponent(briefingId)}/shares`

export function getBriefingAccess(briefingId: string): Promise<BriefingAccess> {
  return requestJson('GET', sharesPath(briefingId), parseWith(sharesResponse, 'access'))
}

/** Gives the person with `email` a role, or changes the role they have. */
export function shareBriefing(briefingId: string, email: string, role: BriefingRole) {
  return requestJson('PUT', sharesPath(briefingId), parseWith(share, 'share'), { email, role })
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
