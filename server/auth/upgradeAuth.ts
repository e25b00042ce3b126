/**
 * Decides, in the HTTP upgrade, whether a WebSocket may open and with what access. Browsers
 * authenticate with the session cookie (and must come from our own origin); scripts use a
 * short-lived collab token in `?token=`. Failures are HTTP 401/403 responses: no socket.
 */
import type { IncomingMessage } from 'node:http'
import { can } from '../../shared/access'
import type { AuthorizeUpgrade } from '../collab/upgrade'
import type { AccessControl } from './access'
import type { Authenticator } from './authenticate'
import { verifyCollabToken } from './collabToken'
import { isReadOnly } from './credential'
import { isSameOrigin, type OriginPolicy } from './origin'

export interface UpgradeAuthDeps {
  authenticator: Authenticator
  access: AccessControl
  collabSecret: string
  origins: OriginPolicy
  now: () => Date
}

const deny = (status: number, message: string) => ({ ok: false as const, status, message })

export function upgradeAuthorizer(deps: UpgradeAuthDeps): AuthorizeUpgrade {
  return async (req: IncomingMessage, briefingId: string) => {
    const token = new URL(req.url ?? '/', 'http://local').searchParams.get('token')
    if (token) return fromCollabToken(deps, token, briefingId)

    if (!isSameOrigin(req, deps.origins)) return deny(403, 'cross-origin WebSocket refused')
    const auth = await deps.authenticator.fromRequest(req)
    if (!auth) return deny(401, 'sign in first')
    const access = await deps.access.forAuth(auth, briefingId)
    // Unknown and forbidden briefings answer alike, so ids leak nothing.
    if (!access) return deny(403, 'no access to this briefing')
    return {
      ok: true as const,
      access: can(access.role, 'write') ? ('read-write' as const) : ('read-only' as const),
      identity: { userId: auth.user.id, credential: auth.credential },
    }
  }
}

async function fromCollabToken(deps: UpgradeAuthDeps, token: string, briefingId: string) {
  const verified = verifyCollabToken(deps.collabSecret, token, deps.now().getTime())
  if (!verified.ok) return deny(401, verified.reason)
  const { claims } = verified
  if (claims.b !== briefingId) return deny(403, 'token is for another briefing')
  const credential = await deps.authenticator.credentialState(claims.via, claims.u)
  if (!credential) return deny(401, 'the sign-in that issued this token has ended')
  const access = await deps.access.roleOf(claims.u, briefingId, isReadOnly(credential))
  if (!access) return deny(403, 'no access to this briefing')
  // The token never grants more than it was minted with, nor more than the user has now.
  const mayWrite = can(access.role, 'write') && can(claims.r, 'write')
  return {
    ok: true as const,
    access: mayWrite ? ('read-write' as const) : ('read-only' as const),
    // Only a read-only API token is read-only for good. A token minted while the user could
    // only read is not: when they are upgraded, 4409 tells the client to mint a new one.
    identity: { userId: claims.u, credential },
  }
}
