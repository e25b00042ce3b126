/**
 * REST: registration, sign-in and sign-out, and the current user. Changes to one's own account
 * are in account.ts and personal API tokens in tokens.ts; all share this router's credential
 * edge (credentialEdge.ts). The work is server/services/accounts.ts.
 */
import { type RequestHandler, Router } from 'express'
import { loginRequest } from '../../../shared/api/accounts'
import { SESSION_COOKIE } from '../../auth/authenticate'
import { type AppContext, authOf } from '../context'
import { requireAuth } from '../middleware/authentication'
import { parseInput } from '../validate'
import { accountRouter } from './account'
import { accountRequests } from './accountFields'
import { type CredentialEdge, credentialEdge } from './credentialEdge'
import { tokensRouter } from './tokens'

export function authRouter(ctx: AppContext): Router {
  const router = Router()
  const edge = credentialEdge(ctx)
  router.post('/register', edge.credentialLimit, register(ctx, edge))
  router.post('/login', edge.credentialLimit, login(ctx, edge))
  router.post('/logout', logout(ctx))
  router.get('/config', config(ctx))
  router.get('/me', requireAuth, me(ctx))
  router.use(accountRouter(ctx, edge))
  router.use('/tokens', requireAuth, tokensRouter(ctx))
  return router
}

function register(ctx: AppContext, edge: CredentialEdge): RequestHandler {
  return async (req, res) => {
    const body = parseInput(accountRequests.register, req.body, 'body')
    const user = await ctx.services.accounts.register(body, req.ip ?? null)
    await edge.startSession(req, res, user)
    res.status(201).json(await ctx.services.accounts.me(user))
  }
}

function login(ctx: AppContext, edge: CredentialEdge): RequestHandler {
  return async (req, res) => {
    const body = parseInput(loginRequest, req.body, 'body')
    const { accounts } = ctx.services
    const checks = edge.checks(req, res, body.email, 'failed sign-ins')
    const user = await accounts.signIn(body, checks, req.ip ?? null)
    await edge.startSession(req, res, user)
    await accounts.signedIn(user, req.ip ?? null)
    res.json(await accounts.me(user))
  }
}

function logout(ctx: AppContext): RequestHandler {
  return async (_req, res) => {
    await ctx.services.accounts.endSession(res.locals.auth?.credential)
    res.clearCookie(SESSION_COOKIE, { path: '/' })
    res.status(204).end()
  }
}

/** Public: what the sign-up page needs to know before anyone signs in. */
function config(ctx: AppContext): RequestHandler {
  return async (_req, res) => {
    res.json(await ctx.services.accounts.config())
  }
}

function me(ctx: AppContext): RequestHandler {
  return async (_req, res) => {
    res.json(await ctx.services.accounts.me(authOf(res).user))
  }
}
