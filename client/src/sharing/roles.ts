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

/** What a role lets someone do, for hints next to the choice. */
export const BRIEFING_ROLE_HINTS: Record<BriefingRole, string> = {
  owner: 'Edits, shares and may delete the briefing.',
  editor: 'Edits the text and the title.',
  commenter: 'Reads and follows live edits; commenting is coming.',
  viewer: 'Reads and follows live edits.',
}
