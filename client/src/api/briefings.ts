/** The briefings REST API (`/api/briefings`), one function per endpoint (shared/api/briefings.ts). */
import { z } from 'zod'
import {
  type BriefingResponse,
  briefingListResponse,
  briefingResponse,
} from '../../../shared/api/briefings'
import { parseWith, requestJson } from './http'

/** A briefing as the API describes it; `role` is the caller's own. */
export type BriefingRecord = BriefingResponse

const base = '/api/briefings'

/** Checks one briefing from a response body, naming the first field that is wrong. */
export const parseBriefing = parseWith(briefingResponse, 'briefing')

/** All briefings the user can see. */
export function listBriefings(): Promise<BriefingRecord[]> {
  return requestJson('GET', base, (body) => parseList(body).briefings.map(parseBriefing))
}

// Each briefing is read on its own, so an error names it as `briefing.<field>`.
const parseList = parseWith(
  briefingListResponse.extend({ briefings: z.array(z.unknown()) }),
  'list',
)

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
