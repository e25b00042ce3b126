/**
 * What every route that checks a password or starts a session shares at the HTTP edge: the
 * per-IP volume cap, the per-account backoff (SignInGate) as the services' `SignInChecks`,
 * and the session cookie.
 */
import type { Request, RequestHandler, Response } from 'express'
import { rateLimit } from 'express-rate-limit'
import { SESSION_COOKIE } from '../../auth/authenticate'
import { LoginThrottle } from '../../auth/loginThrottle'
import { SESSION_TTL_MS, type SignInChecks } from '../../services/accounts'
import type { User } from '../../store/accountStore'
import type { AppContext } from '../context'
import { SignInGate } from './signInBackoff'

export interface CredentialEdge {
  /** The per-IP cap on credential endpoints; the per-account backoff is `checks`. */
  credentialLimit: RequestHandler
  /** The sign-in backoff for one request; `attempts` names what is counted in its 429. */
  checks(req: Request, res: Response, email: string, attempts: string): SignInChecks
  /** Starts a session for `user` (ending the browser's previous one) and sets its cookies. */
  startSession(req: Request, res: Response, user: User): Promise<void>
}

export function credentialEdge(ctx: AppContext): CredentialEdge {
  const now = () => ctx.now().getTime()
  const gate = new SignInGate(
    new LoginThrottle(ctx.stores.loginFailures, now),
    ctx.deviceSecret,
    now,
  )
  const credentialLimit = rateLimit({
    windowMs: 15 * 60_000,
    limit: ctx.limits.authPer15Minutes,
    skip: () => ctx.limits.authPer15Minutes === 0,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res
        .status(429)
        .json({ error: { code: 'rate_limited', message: 'too many attempts; try again later' } })
    },
  })

  return {
    credentialLimit,
    checks(req, res, email, attempts) {
      let attempt: Awaited<ReturnType<SignInGate['admit']>> | null = null
      return {
        async admit(userId) {
          attempt = await gate.admit(req, res, email, userId, attempts)
        },
        async succeeded() {
          if (attempt) await gate.succeeded(attempt)
        },
      }
    },
    async startSession(req, res, user) {
      // Rotation: whatever session the browser had is ended; sign-in always gets a new id.
      const previous = req.headers.cookie ? res.locals.auth?.credential : undefined
      const value = await ctx.services.accounts.startSession(user, previous)
      res.cookie(SESSION_COOKIE, value, {
        httpOnly: true,
        sameSite: 'lax',
        secure: req.secure,
        path: '/',
        maxAge: SESSION_TTL_MS,
      })
      gate.rememberDevice(req, res, user.id)
    },
  }
}
