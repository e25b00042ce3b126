/**
 * REST: the signed-in user's own account: what `/me` answers, renaming, and changing the
 * password. Mounted by the auth router, which owns the sign-in throttle these share.
 */
import type { Request, RequestHandler } from 'express'
import { Router } from 'express'
import { z } from 'zod'
import { credentialKey } from '../../auth/authenticate'
import type { User } from '../../store/accountStore'
import { type AppContext, audit, authOf } from '../context'
import { HttpError, notFound } from '../errors'
import { requireAuth } from '../middleware/authentication'
import { parseInput } from '../validate'
import { displayNameField, givenPasswordField, newPasswordField } from './accountFields'
import type { SignInGate } from './signInBackoff'

const nameBody = z.object({ name: displayNameField }).strict()
const passwordBody = z
  .object({ currentPassword: givenPasswordField, newPassword: newPasswordField })
  .strict()
  .refine((body) => body.newPassword !== body.currentPassword, {
    path: ['newPassword'],
    message: 'must differ from the current password',
  })

/** The body of `GET /api/auth/me`, also answered by sign-in, registration and renaming. */
export async function meBody(ctx: AppContext, user: User) {
  return { user, teams: await ctx.stores.teams.listForUser(user.id) }
}

export interface AccountRouterDeps {
  /** The sign-in backoff: a wrong current password counts as a failed sign-in. */
  gate: SignInGate
  /** The per-IP cap on credential endpoints. */
  credentialLimit: RequestHandler
}

export function accountRouter(ctx: AppContext, deps: AccountRouterDeps): Router {
  const router = Router()
  const { gate } = deps

  /** Account events are audited in every team the user belongs to, as sign-ins are. */
  const auditEveryTeam = async (
    req: Request,
    user: User,
    action: string,
    details?: Record<string, unknown>,
  ) => {
    for (const team of await ctx.stores.teams.listForUser(user.id)) {
      await audit(ctx, req, { teamId: team.id, action, target: user.id, details })
    }
  }

  router.patch('/me', requireAuth, async (req, res) => {
    const { user } = authOf(res)
    const { name } = parseInput(nameBody, req.body, 'body')
    if (name !== user.name) {
      // The account can only be gone if it was deleted between authenticating and now.
      if (!(await ctx.stores.users.setName(user.id, name))) throw notFound('user')
      await auditEveryTeam(req, user, 'auth.name_changed', { from: user.name, to: name })
    }
    res.json(await meBody(ctx, { ...user, name }))
  })

  router.post('/password', requireAuth, deps.credentialLimit, async (req, res) => {
    const auth = authOf(res)
    // A leaked API token must not be able to lock its owner out of their account.
    if (auth.credential.kind !== 'session') {
      throw new HttpError(
        403,
        'session_required',
        'the password is changed from a signed-in browser session',
      )
    }
    const body = parseInput(passwordBody, req.body, 'body')
    const { user } = auth
    // Shares sign-in's per-account backoff, so a stolen session cannot guess the password
    // here faster than it could at the sign-in form.
    const attempt = await gate.admit(req, res, user.email, user.id, 'wrong passwords')
    const stored = (await ctx.stores.users.getByEmail(user.email))?.passwordHash
    if (!stored || !(await ctx.passwords.verify(body.currentPassword, stored)).ok) {
      await auditEveryTeam(req, user, 'auth.password_change_failed')
      throw new HttpError(
        401,
        'bad_credentials',
        'the current password is wrong',
        'currentPassword',
      )
    }
    await gate.succeeded(attempt)
    const ended = await ctx.stores.users.changePassword(user.id, {
      from: stored,
      to: await ctx.passwords.hash(body.newPassword),
      keepSession: auth.credential.sessionHash,
    })
    if (!ended) {
      throw new HttpError(409, 'password_changed', 'the password was changed meanwhile; try again')
    }
    // Whoever else was signed in with the old password is signed out, sockets included.
    for (const sessionHash of ended) {
      await ctx.broadcastAccessChange({
        kind: 'credential',
        key: credentialKey({ kind: 'session', sessionHash }),
      })
    }
    await auditEveryTeam(req, user, 'auth.password_changed', { endedSessions: ended.length })
    res.status(204).end()
  })

  return router
}
