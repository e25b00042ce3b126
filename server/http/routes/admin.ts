/** REST: instance settings and instance-level audit, for the instance admin only. */
import { type RequestHandler, Router } from 'express'
import { settingsRequest } from '../../../shared/api/admin'
import { auditPageQuery } from '../../../shared/api/fields'
import { OPEN_REGISTRATION_SETTING } from '../../services/accounts'
import { auditPage } from '../../services/teams'
import { type AppContext, audit, authOf } from '../context'
import { HttpError } from '../errors'
import { parseInput } from '../validate'

const requireAdmin: RequestHandler = (_req, res, next) => {
  if (!authOf(res).user.isAdmin)
    throw new HttpError(403, 'forbidden', 'only the instance admin may do this')
  next()
}

export function adminRouter(ctx: AppContext): Router {
  const router = Router()
  router.use(requireAdmin)

  router.get('/settings', async (_req, res) => {
    res.json({ openRegistration: await ctx.services.accounts.registrationOpen() })
  })

  router.patch('/settings', async (req, res) => {
    const { openRegistration } = parseInput(settingsRequest, req.body, 'body')
    await ctx.stores.settings.set(OPEN_REGISTRATION_SETTING, String(openRegistration))
    await audit(ctx, req, {
      teamId: null,
      action: 'instance.registration_changed',
      details: { openRegistration },
    })
    res.json({ openRegistration })
  })

  router.get('/audit', async (req, res) => {
    const page = parseInput(auditPageQuery, req.query, 'query')
    res.json(auditPage(await ctx.stores.audit.list(null, page), page))
  })

  return router
}
