/** The briefing record as the REST API returns it. */
import type { BriefingRole, TeamDefaultRole } from './access'

export interface Briefing {
  id: string
  title: string
  teamId: string
  /** What every team member may do with it. */
  teamRole: TeamDefaultRole
  createdBy: string
  createdAt: string
  updatedAt: string
  /** The caller's own role on it. */
  role: BriefingRole
}

/** Longest title accepted; longer ones are a 400, not a silent truncation. */
export const MAX_TITLE_LENGTH = 200
