/** Everything a route handler may use, built once per server and passed down explicitly. */
import type { Schema } from '@tiptap/pm/model'
import type { Request, Response } from 'express'
import type { AccessControl } from '../auth/access'
import type { AuthContext, Authenticator } from '../auth/authenticate'
import type { LiveAccess } from '../auth/liveAccess'
import type { OriginPolicy } from '../auth/origin'
import type { PasswordHasher } from '../auth/passwords'
import type { RoomRegistry } from '../collab/roomRegistry'
import type { RateLimits } from '../config'
import type { Logger } from '../log/logger'
import type { Services } from '../services'
import { type AuditEntryInput, recordAudit } from '../services/audit'
import type { Actor } from '../services/deps'
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
  /** The domain work routes delegate to (server/services). */
  services: Services
}

/** The authenticated caller; routes behind requireAuth always have one. */
export function authOf(res: Response): AuthContext {
  const auth = res.locals.auth as AuthContext | undefined
  if (!auth) throw new HttpError(401, 'unauthenticated', 'sign in first')
  return auth
}

/** The authenticated caller as services take them, with the address the request came from. */
export function actorOf(req: Request, res: Response): Actor {
  return { auth: authOf(res), ip: req.ip ?? null }
}

/** Records an audit entry for the caller's action. Never fails the request it belongs to. */
export function audit(
  ctx: AppContext,
  req: Request,
  entry: AuditEntryInput & { actorId?: string | null },
): Promise<void> {
  const auth = req.res?.locals.auth as AuthContext | undefined
  const { actorId, ...rest } = entry
  const by = {
    actorId: actorId !== undefined ? actorId : (auth?.user.id ?? null),
    ip: req.ip ?? null,
  }
  return recordAudit(ctx, by, rest)
}
