/** Briefing metadata and shares; the document body lives in the DocumentStore. */
import type { BriefingRole, TeamDefaultRole, TeamRole } from '../../shared/access'

export interface BriefingRecord {
  id: string
  teamId: string
  title: string
  teamRole: TeamDefaultRole
  createdBy: string
  createdAt: string
  updatedAt: string
}

/** A briefing with what one user holds on it, before roles are resolved. */
export interface BriefingWithAccess extends BriefingRecord {
  memberRole: TeamRole | null
  shareRole: BriefingRole | null
}

export interface BriefingShare {
  userId: string
  email: string
  name: string
  role: BriefingRole
}

export interface BriefingStore {
  create(input: Omit<BriefingRecord, 'updatedAt'>): Promise<BriefingRecord>
  get(id: string): Promise<BriefingRecord | undefined>
  /** The briefing with the user's team membership and share, if any. */
  getForUser(id: string, userId: string): Promise<BriefingWithAccess | undefined>
  /** Briefings the user is a team member of or has a share on. */
  listForUser(userId: string): Promise<BriefingWithAccess[]>
  update(
    id: string,
    patch: { title?: string; teamRole?: TeamDefaultRole; now: string },
  ): Promise<BriefingRecord | undefined>
  /** Marks the briefing as edited now (called, throttled, as its document changes). */
  touch(id: string, now: string): Promise<void>
  /** Returns whether a briefing was deleted (its shares go with it). */
  delete(id: string): Promise<boolean>
  setShare(briefingId: string, userId: string, role: BriefingRole): Promise<void>
  removeShare(briefingId: string, userId: string): Promise<boolean>
  listShares(briefingId: string): Promise<BriefingShare[]>
}
