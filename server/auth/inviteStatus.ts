/** Whether an invite link still admits someone and, if not, why not. */
import type { Invite } from '../store/accountStore'

/** `pending` is the only state in which an invite can be accepted or used to register. */
export type InviteStatus = 'pending' | 'used' | 'revoked' | 'expired'

/** The state of `invite` at ISO time `now`; a revoked invite reads as revoked even if expired. */
export function inviteStatus(invite: Invite, now: string): InviteStatus {
  if (invite.revokedAt) return 'revoked'
  if (invite.usedAt) return 'used'
  return invite.expiresAt > now ? 'pending' : 'expired'
}
