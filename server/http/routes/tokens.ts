/** REST: the caller's personal API tokens, for scripts and the CLI (server/services/accounts.ts). */
import { Router } from 'express'
import { createTokenRequest } from '../../../shared/api/accounts'
import { type AppContext, actorOf } from '../context'
import { parseInput } from '../validate'

export function tokensRouter(ctx: AppContext): Router {
  const router = Router()
  const { accounts } = ctx.services

  router.get('/', async (req, res) => {
    res.json({ tokens: await accounts.listTokens(actorOf(req, res)) })
  })

  router.post('/', async (req, res) => {
    const actor = actorOf(req, res)
    // Needs a browser session; said before anything about the body.
    accounts.mayCreateToken(actor)
    const body = parseInput(createTokenRequest, req.body, 'body')
    res.status(201).json(await accounts.createToken(actor, body))
  })

  router.delete('/:id', async (req, res) => {
    await accounts.revokeToken(actorOf(req, res), req.params.id)
    res.status(204).end()
  })

  return router
}
