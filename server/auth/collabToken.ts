/**
 * Short-lived collaboration tokens for scripts, bots and the CLI, passed as `?token=` on the
 * WebSocket URL. A token is `base64url(payload).base64url(hmac)`, signed with the instance
 * secret (kept in the store so every instance shares it). It is bound to user, briefing and
 * role, and to the session or API token that minted it, so signing out or revoking that
 * credential also ends the token.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { BRIEFING_ROLES, type BriefingRole } from '../../shared/access'

export interface CollabTokenClaims {
  /** User id. */
  u: string
  /** Briefing id. */
  b: string
  /** Role at the time of minting; re-checked against current access at the upgrade. */
  r: BriefingRole
  /** Expiry, milliseconds since the epoch. */
  exp: number
  /** The credential that minted it: `s:<session hash>` or `t:<api token id>`. */
  via: string
}

/** Minutes a collab token lives. */
export const COLLAB_TOKEN_TTL_MS = 5 * 60_000

export type CollabTokenResult =
  | { ok: true; claims: CollabTokenClaims }
  | { ok: false; reason: string }

function sign(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest()
}

export function mintCollabToken(secret: string, claims: CollabTokenClaims): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `${payload}.${sign(secret, payload).toString('base64url')}`
}

export function verifyCollabToken(secret: string, token: string, nowMs: number): CollabTokenResult {
  const [payload, signature, extra] = token.split('.')
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'malformed token' }
  const expected = sign(secret, payload)
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad signature' }
  }
  let claims: CollabTokenClaims
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, reason: 'malformed token' }
  }
  if (
    typeof claims.u !== 'string' ||
    typeof claims.b !== 'string' ||
    typeof claims.exp !== 'number' ||
    typeof claims.via !== 'string' ||
    !BRIEFING_ROLES.includes(claims.r)
  ) {
    return { ok: false, reason: 'malformed token' }
  }
  if (claims.exp <= nowMs) return { ok: false, reason: 'token expired' }
  return { ok: true, claims }
}
