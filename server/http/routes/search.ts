/** REST: `GET /api/search?q=`, across what the caller may read. */
import { Router } from 'express'
import { searchQuery } from '../../../shared/api/search'
import { type AppContext, actorOf } from '../context'
import { parseInput } from '../validate'

export function searchRouter(ctx: AppContext): Router {
  const router = Router()
  router.get('/', async (req, res) => {
    const query = parseInput(searchQuery, req.query, 'query')
    res.json({ results: await ctx.services.search.search(actorOf(req, res), query) })
  })
  return router
}
