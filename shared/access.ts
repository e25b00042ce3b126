/**
 * Roles and what they allow. Shared so the client shows what the server will enforce; the
 * server is the only place that decides.
 */

/** A person's role on one briefing, from most to least powerful. */
export const BRIEFING_ROLES = ['owner', 'editor', 'commenter', 'viewer'] as const
export type BriefingRole = (typeof BRIEFING_ROLES)[number]

/** What every member of the briefing's team may do; `none` keeps it to explicit shares. */
export const TEAM_DEFAULT_ROLES = ['editor', 'commenter', 'viewer', 'none'] as const
export type TeamDefaultRole = (typeof TEAM_DEFAULT_ROLES)[number]

export const TEAM_ROLES = ['admin', 'member'] as const
export type TeamRole = (typeof TEAM_ROLES)[number]

/**
 * `comment`: start, reply to and edit one's own comments; `moderate`: resolve, reopen or
 * delete anyone's thread (a thread's author may resolve their own without it).
 */
export type BriefingAction =
  | 'read'
  | 'write'
  | 'export'
  | 'share'
  | 'rename'
  | 'delete'
  | 'comment'
  | 'moderate'

const ALLOWED: Record<BriefingRole, readonly BriefingAction[]> = {
  owner: ['read', 'write', 'export', 'share', 'rename', 'delete', 'comment', 'moderate'],
  editor: ['read', 'write', 'export', 'rename', 'comment', 'moderate'],
  // A commenter writes comments, never the document itself.
  commenter: ['read', 'export', 'comment'],
  viewer: ['read', 'export'],
}

export function can(role: BriefingRole | null, action: BriefingAction): boolean {
  return role !== null && ALLOWED[role].includes(action)
}

/**
 * The role a user has on a briefing: team admins own every team briefing; otherwise an
 * explicit share decides, and without one a team member gets the team default.
 */
export function effectiveRole(input: {
  teamRole: TeamRole | null
  shareRole: BriefingRole | null
  teamDefault: TeamDefaultRole
}): BriefingRole | null {
  if (input.teamRole === 'admin') return 'owner'
  if (input.shareRole) return input.shareRole
  if (input.teamRole === 'member' && input.teamDefault !== 'none') return input.teamDefault
  return null
}

/** The weaker of two roles; used to cap a read-only API token. */
export function weakerRole(a: BriefingRole, b: BriefingRole): BriefingRole {
  return BRIEFING_ROLES.indexOf(a) >= BRIEFING_ROLES.indexOf(b) ? a : b
}
