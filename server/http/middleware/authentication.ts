/** Attaches the caller's identity and enforces the cookie CSRF rule. */
import type { RequestHandler } from 'express'
import { bearerToken } from '../../auth/authenticate'
import { isSameOrigin } from '../../auth/origin'
import type { AppContext } from '../context'
import { HttpError } from '../errors'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** The one write a read-only token may make: asking for a (read-only) collab token. */
const COLLAB_TOKEN_ROUTE = /^\/briefings\/[^/]+\/collab-token$/

/** Resolves `res.locals.auth` from the session cookie or a bearer API token. */
export function identify(ctx: AppContext): RequestHandler {
  return async (req, res, next) => {
    const bearer = bearerToken(req)
    const auth = await ctx.authenticator.fromRequest(req)
    if (bearer && !auth)
      throw new HttpError(401, 'invalid_token', 'the API token is invalid or revoked')
    res.locals.auth = auth ?? undefined
    next()
  }
}

/**
 * CSRF defence for cookie-authenticated changes: SameSite=Lax keeps the cookie off most
 * cross-site requests, and this refuses the rest by origin. Bearer-token calls carry no
 * ambient credential, so they are exempt.
 */
export function csrfGuard(ctx: AppContext): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || bearerToken(req)) return next()
    if (!isSameOrigin(req, ctx.origins)) {
      throw new HttpError(403, 'cross_origin', 'cross-origin request refused')
    }
    next()
  }
}

/** Routes below need a signed-in caller. */
export const requireAuth: RequestHandler = (_req, res, next) => {
  if (!res.locals.auth) throw new HttpError(401, 'unauthenticated', 'sign in first')
  next()
}

/**
 * Read-only API tokens may only read. Asking for a collab token is allowed: the token it
 * returns is capped to reading too.
 */
export const enforceReadOnlyTokens: RequestHandler = (req, res, next) => {
  const credential = res.locals.auth?.credential
  const readOnly = credential?.kind === 'token' && credential.readOnly
  if (readOnly && !SAFE_METHODS.has(req.method) && !COLLAB_TOKEN_ROUTE.test(req.path)) {
    throw new HttpError(403, 'read_only_token', 'this API token is read-only')
  }
  next()
}
