/** The briefings REST API (`/api/briefings`), one function per endpoint. */
import {
  BRIEFING_ROLES,
  type BriefingRole,
  TEAM_DEFAULT_ROLES,
  type TeamDefaultRole,
} from '../../../shared/access'
import type { Briefing } from '../../../shared/briefing'
import { isRecord, requestJson } from './http'

/**
 * The part of a `Briefing` the client uses. `role` is optional so the client keeps working
 * against a server that does not send it; without it the server alone decides what is allowed.
 */
export type BriefingRecord = Pick<
  Briefing,
  'id' | 'title' | 'teamId' | 'teamRole' | 'createdAt' | 'updatedAt'
> & {
  role?: BriefingRole
}

const base = '/api/briefings'

/** All briefings the user can see. */
export function listBriefings(): Promise<BriefingRecord[]> {
  return requestJson('GET', base, (body) => {
    if (!isRecord(body) || !Array.isArray(body.briefings)) throw new Error('no briefings list')
    return body.briefings.map(parseBriefing)
  })
}

export function getBriefing(id: string): Promise<BriefingRecord> {
  return requestJson('GET', `${base}/${encodeURIComponent(id)}`, parseBriefing)
}

/** Creates a briefing in `teamId`, or in the caller's personal team when none is given. */
export function createBriefing(title: string, teamId?: string): Promise<BriefingRecord> {
  return requestJson('POST', base, parseBriefing, { title, teamId })
}

export function renameBriefing(id: string, title: string): Promise<BriefingRecord> {
  return requestJson('PATCH', `${base}/${encodeURIComponent(id)}`, parseBriefing, { title })
}

export function deleteBriefing(id: string): Promise<void> {
  return requestJson('DELETE', `${base}/${encodeURIComponent(id)}`, () => undefined)
}

/** Checks one briefing from a response body, naming the first field that is wrong. */
export function parseBriefing(value: unknown): BriefingRecord {
  if (!isRecord(value)) throw new Error('briefing is not an object')
  const { id, title, teamId, teamRole, createdAt, updatedAt, role } = value
  for (const [name, field] of Object.entries({ id, title, teamId, createdAt, updatedAt })) {
    if (typeof field !== 'string') throw new Error(`briefing.${name} is not a string`)
  }
  if (!TEAM_DEFAULT_ROLES.includes(teamRole as TeamDefaultRole)) {
    throw new Error(`briefing.teamRole ${JSON.stringify(teamRole)} is not a known team role`)
  }
  const record: BriefingRecord = {
    id: id as string,
    title: title as string,
    teamId: teamId as string,
    teamRole: teamRole as TeamDefaultRole,
    createdAt: createdAt as string,
    updatedAt: updatedAt as string,
  }
  if (role !== undefined) {
    if (!BRIEFING_ROLES.includes(role as BriefingRole)) {
      throw new Error(`briefing.role ${JSON.stringify(role)} is not a known role`)
    }
    record.role = role as BriefingRole
  }
  return record
}
