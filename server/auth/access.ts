/** What a caller may do with a briefing, resolved from team membership and shares. */
import {
  type BriefingAction,
  type BriefingRole,
  can,
  effectiveRole,
  weakerRole,
} from '../../shared/access'
import type { Stores } from '../store'
import type { BriefingRecord, BriefingWithAccess } from '../store/briefingStore'
import { ActionForbidden, BriefingNotVisible } from './accessErrors'
import type { AuthContext } from './authenticate'

export interface BriefingAccess {
  briefing: BriefingRecord
  role: BriefingRole
}

/** The role a row of `getForUser`/`listForUser` gives, or null when it gives none. */
export function resolveAccess(row: BriefingWithAccess, readOnly: boolean): BriefingAccess | null {
  const role = effectiveRole({
    teamRole: row.memberRole,
    shareRole: row.shareRole,
    teamDefault: row.teamRole,
  })
  if (!role) return null
  // A read-only API token never writes, whatever its user could do.
  return { briefing: row, role: readOnly ? weakerRole(role, 'viewer') : role }
}

/** Whether the caller's credential is a read-only API token. */
export function isReadOnlyCredential(auth: AuthContext): boolean {
  return auth.credential.kind === 'token' && auth.credential.readOnly
}

export class AccessControl {
  constructor(private readonly stores: Stores) {}

  /** The user's role on the briefing, or null when they may not see it at all. */
  async roleOf(
    userId: string,
    briefingId: string,
    readOnly = false,
  ): Promise<BriefingAccess | null> {
    const row = await this.stores.briefings.getForUser(briefingId, userId)
    return row ? resolveAccess(row, readOnly) : null
  }

  forAuth(auth: AuthContext, briefingId: string): Promise<BriefingAccess | null> {
    return this.roleOf(auth.user.id, briefingId, isReadOnlyCredential(auth))
  }

  /**
   * The briefing if the caller may do `action`. A briefing they cannot see is a 404, exactly
   * like one that does not exist, so ids leak nothing (BriefingNotVisible); one they see but
   * may not change is ActionForbidden.
   */
  async require(
    auth: AuthContext,
    briefingId: string,
    action: BriefingAction,
  ): Promise<BriefingAccess> {
    const access = await this.forAuth(auth, briefingId)
    if (!access) throw new BriefingNotVisible()
    if (!can(access.role, action)) {
      throw new ActionForbidden(`your role (${access.role}) may not ${action} this briefing`)
    }
    return access
  }
}
