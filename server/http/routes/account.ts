/**
 * REST: the signed-in user's own account: renaming, and changing the password. Mounted by the
 * auth router, whose credential edge (per-IP cap, sign-in backoff) these share.
 */
import { Router } from 'express'
import { renameRequest } from '../../../shared/api/accounts'
import { type AppContext, actorOf } from '../context'
import { requireAuth } from '../middleware/authentication'
import { parseInput } from '../validate'
import { accountRequests } from './accountFields'
import type { CredentialEdge } from './credentialEdge'

export function accountRouter(ctx: AppContext, edge: CredentialEdge): Router {
  const router = Router()
  const { accounts } = ctx.services

  router.patch('/me', requireAuth, async (req, res) => {
    const { name } = parseInput(renameRequest, req.body, 'body')
    res.json(await accounts.rename(actorOf(req, res), name))
  })

  router.post('/password', requireAuth, edge.credentialLimit, async (req, res) => {
    const actor = actorOf(req, res)
    accounts.mayChangePassword(actor)
    const body = parseInput(accountRequests.changePassword, req.body, 'body')
    // A wrong current password counts as a failed sign-in of the account.
    const checks = edge.checks(req, res, actor.auth.user.email, 'wrong passwords')
    await accounts.changePassword(actor, body, checks)
    res.status(204).end()
  })

  return router
}
