/** Everything a route handler may use, built once per server and passed down explicitly. */
import type { Schema } from '@tiptap/pm/model'
import type { Request, Response } from 'express'
import type { AccessControl } from '../auth/access'
import type { AccessChange } from '../auth/accessChange'
import type { AuthContext, Authenticator } from '../auth/authenticate'
import type { LiveAccess } from '../auth/liveAccess'
import type { OriginPolicy } from '../auth/origin'
import type { PasswordHasher } from '../auth/passwords'
import type { RoomRegistry } from '../collab/roomRegistry'
import type { RateLimits } from '../config'
import type { Logger } from '../log/logger'
import type { Stores } from '../store'
import { HttpError } from './errors'

export type { AccessChange } from '../auth/accessChange'

export interface AppContext {
  stores: Stores
  registry: RoomRegistry
  schema: Schema
  log: Logger
  now: () => Date
  authenticator: Authenticator
  access: AccessControl
  live: LiveAccess
  /** Signs collab tokens; shared by every instance through the store. */
  collabSecret: string
  /** Hashes and checks passwords at the configured scrypt cost. */
  passwords: PasswordHasher
  /** Signs known-device cookies (server/auth/knownDevice.ts); shared through the store. */
  deviceSecret: string
  /** What counts as our own origin for the CSRF and WebSocket checks. */
  origins: OriginPolicy
  limits: RateLimits
  /** Express "trust proxy" setting (see ServerConfig.trustProxy). */
  trustProxy: boolean | number | string
  /**
   * Applies an access change to this instance's open sockets and tells the other instances.
   * Routes await it, so by the time a role change is answered, no socket here still
   * writes with the old role.
   */
  broadcastAccessChange(change: AccessChange): Promise<void>
}

/** The authenticated caller; routes behind requireAuth always have one. */
export function authOf(res: Response): AuthContext {
  const auth = res.locals.auth as AuthContext | undefined
  if (!auth) throw new HttpError(401, 'unauthenticated', 'sign in first')
  return auth
}

/** Records an audit entry for the caller's action. Never fails the request it belongs to. */
export async function audit(
  ctx: AppContext,
  req: Request,
  entry: {
    teamId: string | null
    action: string
    target?: string | null
    details?: Record<string, unknown>
    actorId?: string | null
  },
): Promise<void> {
  const auth = req.res?.locals.auth as AuthContext | undefined
  try {
    await ctx.stores.audit.add({
      teamId: entry.teamId,
      at: ctx.now().toISOString(),
      actorId: entry.actorId !== undefined ? entry.actorId : (auth?.user.id ?? null),
      action: entry.action,
      target: entry.target ?? null,
      details: entry.details ?? {},
      ip: req.ip ?? null,
    })
  } catch (err) {
    ctx.log.error('audit write failed', { action: entry.action, error: String(err) })
  }
}
