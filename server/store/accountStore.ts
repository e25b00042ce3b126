/**
 * People, their sign-in sessions, API tokens and failed sign-ins, teams, invites, settings and
 * the audit log.
 */
import type { TeamRole } from '../../shared/access'

export interface User {
  id: string
  email: string
  name: string
  isAdmin: boolean
  createdAt: string
}

export interface UserWithPassword extends User {
  passwordHash: string
}

export interface Session {
  idHash: string
  userId: string
  createdAt: string
  expiresAt: string
}

export interface ApiToken {
  id: string
  userId: string
  name: string
  readOnly: boolean
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

export interface UserStore {
  create(user: UserWithPassword): Promise<void>
  get(id: string): Promise<User | undefined>
  getByEmail(email: string): Promise<UserWithPassword | undefined>
  count(): Promise<number>
  /** Sets the display name; false when there is no such user. */
  setName(id: string, name: string): Promise<boolean>
  /**
   * Replaces the password hash, but only while it is still `from` (so of two changes made
   * with the same current password only one wins), and ends every session of the user but
   * `keepSession`, in one transaction. Returns the id hashes of the ended sessions, or null
   * when the hash was no longer `from` and nothing changed.
   */
  changePassword(
    id: string,
    change: { from: string; to: string; keepSession: string },
  ): Promise<string[] | null>
  /**
   * Replaces the password hash with a stronger one of the same password, only while it is
   * still `from` (a password change that got there first wins). False when it was not.
   */
  upgradePasswordHash(id: string, change: { from: string; to: string }): Promise<boolean>
  createSession(session: Session): Promise<void>
  getSession(idHash: string): Promise<Session | undefined>
  deleteSession(idHash: string): Promise<void>
  createToken(token: ApiToken & { tokenHash: string }): Promise<void>
  getTokenByHash(tokenHash: string): Promise<ApiToken | undefined>
  listTokens(userId: string): Promise<ApiToken[]>
  revokeToken(id: string, userId: string, now: string): Promise<boolean>
  touchToken(id: string, now: string): Promise<void>
}

/** A backoff bucket's current streak of counted sign-in attempts. */
export interface LoginFailures {
  count: number
  /** ISO 8601 time of the latest attempt in the streak. */
  lastAt: string
}

/**
 * Streaks of sign-in attempts per bucket (an e-mail, an e-mail from one address, a known
 * device; see server/auth/loginThrottle.ts). In the database, not in memory, so every
 * instance of a deployment sees the same streaks.
 */
export interface LoginFailureStore {
  /**
   * One attempt against `buckets`, atomically: reads their streaks (one whose latest attempt
   * is before `forgetBefore` reads as none) while holding them against concurrent attempts,
   * asks `wait` how long the attempt must wait, and when that is 0 counts it in each bucket
   * at `now` (as `record` does). Returns the wait. Attempts racing on one bucket, on one
   * instance or several, are decided one after another, each seeing the others' counts.
   */
  attempt(
    buckets: readonly string[],
    now: string,
    forgetBefore: string,
    wait: (streaks: Array<LoginFailures | undefined>) => number,
  ): Promise<number>
  /**
   * Counts one attempt at `now`, in one atomic statement so attempts recorded at once by
   * several instances all count. A streak whose latest attempt is before `forgetBefore`
   * starts again at 1. Returns the streak as stored afterwards.
   */
  record(bucket: string, now: string, forgetBefore: string): Promise<LoginFailures>
  get(bucket: string): Promise<LoginFailures | undefined>
  clear(bucket: string): Promise<void>
  /** Deletes at most `limit` streaks whose latest attempt is before `before`; returns how many. */
  prune(before: string, limit: number): Promise<number>
}

export interface Team {
  id: string
  name: string
  personal: boolean
  createdAt: string
}

export interface TeamMember {
  userId: string
  email: string
  name: string
  role: TeamRole
  joinedAt: string
}

export interface Invite {
  /** Public id, for naming the invite in the API; the secret token is never stored. */
  id: string
  teamId: string
  email: string
  role: TeamRole
  createdBy: string
  createdAt: string
  expiresAt: string
  usedAt: string | null
  usedBy: string | null
  revokedAt: string | null
}

export interface TeamStore {
  create(team: Team): Promise<void>
  get(id: string): Promise<Team | undefined>
  /** Teams the user belongs to, with the user's role in each. */
  listForUser(userId: string): Promise<Array<Team & { role: TeamRole }>>
  getMember(teamId: string, userId: string): Promise<TeamMember | undefined>
  listMembers(teamId: string): Promise<TeamMember[]>
  setMember(teamId: string, userId: string, role: TeamRole, now: string): Promise<void>
  /**
   * Ends a membership and, in the same transaction, every right that came with it: the
   * `created` owner shares the user holds on the team's briefings. Shares an owner granted
   * them stay. False when they were not a member.
   */
  removeMember(teamId: string, userId: string): Promise<boolean>
  createInvite(invite: Invite & { tokenHash: string }): Promise<void>
  getInvite(tokenHash: string): Promise<Invite | undefined>
  /** The invite `id` of team `teamId`, whatever its state. */
  getInviteById(teamId: string, id: string): Promise<Invite | undefined>
  /** Marks an unused, unrevoked invite used; false otherwise (single use, revocable). */
  useInvite(tokenHash: string, userId: string, now: string): Promise<boolean>
  /** Marks an unused, unrevoked invite revoked; false when it was used or revoked already. */
  revokeInvite(teamId: string, id: string, now: string): Promise<boolean>
  listInvites(teamId: string): Promise<Invite[]>
}

export interface AuditEntry {
  id: number
  teamId: string | null
  at: string
  actorId: string | null
  action: string
  target: string | null
  details: Record<string, unknown>
  ip: string | null
}

export interface AuditStore {
  add(entry: Omit<AuditEntry, 'id'>): Promise<void>
  /** Newest first; `before` is the id to page back from. */
  list(teamId: string | null, page: { before?: number; limit: number }): Promise<AuditEntry[]>
}

export interface SettingsStore {
  get(key: string): Promise<string | undefined>
  set(key: string, value: string): Promise<void>
  /** Stores `value` unless the key exists, and returns the stored value (race-free). */
  getOrInit(key: string, value: string): Promise<string>
}
