/** `/api/briefings`: briefings, their shares and team role, content and collab tokens. */
import { z } from 'zod'
import { BRIEFING_ROLES, TEAM_DEFAULT_ROLES } from '../access'
import { BRIEFING_SHOWS, BRIEFING_SORTS } from '../briefing/listView'
import { briefingTitle, otherEmail, time } from './fields'

export const createBriefingRequest = z
  .object({
    title: briefingTitle,
    teamId: z.string().max(64).optional(),
    teamRole: z.enum(TEAM_DEFAULT_ROLES).default('editor'),
  })
  .strict()
export const updateBriefingRequest = z
  .object({ title: briefingTitle.optional(), teamRole: z.enum(TEAM_DEFAULT_ROLES).optional() })
  .strict()
  .refine(
    (body) => body.title !== undefined || body.teamRole !== undefined,
    'give title or teamRole',
  )
export const shareRequest = z.object({ email: otherEmail, role: z.enum(BRIEFING_ROLES) }).strict()
/** The list's order and filters (shared/briefing/listView.ts). */
export const briefingListQuery = z
  .object({
    sort: z.enum(BRIEFING_SORTS).default('updated'),
    show: z.enum(BRIEFING_SHOWS).default('all'),
    team: z.string().min(1).max(64).optional(),
  })
  .strict()
export const contentQuery = z.object({ format: z.enum(['json', 'html']).default('json') }).strict()

/** A briefing; `role` is the caller's own. */
export const briefingResponse = z.object({
  id: z.string(),
  title: z.string(),
  teamId: z.string(),
  /** What every team member may do with it; `none` keeps it to the people it is shared with. */
  teamRole: z.enum(TEAM_DEFAULT_ROLES),
  createdBy: z.string(),
  createdAt: time,
  updatedAt: time,
  role: z.enum(BRIEFING_ROLES),
  /**
   * The document's lineage: an offline copy made under another epoch is dropped, not merged
   * (the server's document was replaced since, e.g. put back from a backup).
   */
  epoch: z.string().min(1),
})
export const briefingListResponse = z.object({ briefings: z.array(briefingResponse) })

/** One person given a role on the briefing by name. */
export const share = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(BRIEFING_ROLES),
})
export const sharesResponse = z.object({
  teamId: z.string(),
  teamRole: z.enum(TEAM_DEFAULT_ROLES),
  shares: z.array(share),
})

/** For `?token=` on the WebSocket; short-lived and bound to the credential that asked. */
export const collabTokenResponse = z.object({
  token: z.string(),
  expiresAt: time,
  role: z.enum(BRIEFING_ROLES),
})

export type BriefingResponse = z.infer<typeof briefingResponse>
export type Share = z.infer<typeof share>
export type BriefingShares = z.infer<typeof sharesResponse>
