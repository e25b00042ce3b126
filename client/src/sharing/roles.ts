/** How roles read in the interface. The rules themselves live in `shared/access.ts`. */
import type { BriefingRole, TeamDefaultRole, TeamRole } from '../../../shared/access'

export const BRIEFING_ROLE_LABELS: Record<BriefingRole, string> = {
  owner: 'Owner',
  editor: 'Can edit',
  commenter: 'Can comment',
  viewer: 'Can view',
}

export const TEAM_DEFAULT_LABELS: Record<TeamDefaultRole, string> = {
  editor: 'Can edit',
  commenter: 'Can comment',
  viewer: 'Can view',
  none: 'No access',
}

export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  admin: 'Admin',
  member: 'Member',
}
