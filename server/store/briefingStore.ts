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
  /**
   * Names the document's lineage for offline copies: a browser drops its copy of the briefing
   * when this differs from the epoch it stored the copy under. Made with the briefing; it must
   * change whenever the stored document is replaced other than by edits (recreated, or put
   * back from a backup), since such a document no longer contains what the copies were made of.
   */
  epoch: string
}

/** A briefing with what one user holds on it, before roles are resolved. */
export interface BriefingWithAccess extends BriefingRecord {
  memberRole: TeamRole | null
  shareRole: BriefingRole | null
}

/**
 * Where a share came from. `created`: the owner share a team member gets for creating a team
 * briefing; it comes with membership and goes when they leave or are removed from the team.
 * `granted`: given to that person by an owner; it stays whatever their membership.
 */
export type ShareSource = 'created' | 'granted'

export interface BriefingShare {
  userId: string
  email: string
  name: string
  role: BriefingRole
}

export interface BriefingStore {
  /** Stores a new briefing with a fresh epoch. */
  create(input: Omit<BriefingRecord, 'updatedAt' | 'epoch'>): Promise<BriefingRecord>
  get(id: string): Promise<BriefingRecord | undefined>
  /** The briefing with the user's team membership and share, if any. */
  getForUser(id: string, userId: string): Promise<BriefingWithAccess | undefined>
  /** Every briefing's id, in id order (rebuilding derived data such as the search index). */
  listIds(): Promise<string[]>
  /** Briefings the user is a team member of or has a share on. */
  listForUser(userId: string): Promise<BriefingWithAccess[]>
  update(
    id: string,
    patch: { title?: string; teamRole?: TeamDefaultRole; now: string },
  ): Promise<BriefingRecord | undefined>
  /**
   * Gives the briefing a new epoch (see `epoch`), so browsers drop the copies they keep of
   * it. Returns the new epoch, or undefined when there is no such briefing.
   */
  renewEpoch(id: string): Promise<string | undefined>
  /** Marks the briefing as edited now (called, throttled, as its document changes). */
  touch(id: string, now: string): Promise<void>
  /** Returns whether a briefing was deleted (its shares go with it). */
  delete(id: string): Promise<boolean>
  /** Gives the user `role` on the briefing, replacing any share they had (and its source). */
  setShare(
    briefingId: string,
    userId: string,
    role: BriefingRole,
    source: ShareSource,
  ): Promise<void>
  removeShare(briefingId: string, userId: string): Promise<boolean>
  listShares(briefingId: string): Promise<BriefingShare[]>
}
