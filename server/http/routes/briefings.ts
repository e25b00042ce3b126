/** REST: briefings (list, create, read, rename, delete), their shares, content and collab tokens. */
import { Router } from 'express'
import { z } from 'zod'
import { BRIEFING_ROLES, TEAM_DEFAULT_ROLES } from '../../../shared/access'
import { MAX_TITLE_LENGTH } from '../../../shared/briefing'
import { nodeToHTML } from '../../content/render'
import { encodeWarningsHeader } from '../../export'
import { type AppContext, actorOf } from '../context'
import { parseInput } from '../validate'

const title = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_TITLE_LENGTH, `must be at most ${MAX_TITLE_LENGTH} characters`)
const createBody = z
  .object({
    title,
    teamId: z.string().max(64).optional(),
    teamRole: z.enum(TEAM_DEFAULT_ROLES).default('editor'),
  })
  .strict()
const patchBody = z
  .object({ title: title.optional(), teamRole: z.enum(TEAM_DEFAULT_ROLES).optional() })
  .strict()
  .refine(
    (body) => body.title !== undefined || body.teamRole !== undefined,
    'give title or teamRole',
  )
const shareBody = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email('must be an e-mail address')),
    role: z.enum(BRIEFING_ROLES),
  })
  .strict()
const contentQuery = z.object({ format: z.enum(['json', 'html']).default('json') }).strict()

export function briefingsRouter(ctx: AppContext): Router {
  const router = Router()
  const { briefings } = ctx.services

  router.get('/', async (req, res) => {
    res.json({ briefings: await briefings.list(actorOf(req, res)) })
  })

  router.post('/', async (req, res) => {
    const body = parseInput(createBody, req.body, 'body')
    const briefing = await briefings.create(actorOf(req, res), body)
    res.status(201).location(`/api/briefings/${briefing.id}`).json(briefing)
  })

  router.get('/:id', async (req, res) => {
    res.json(await briefings.get(actorOf(req, res), req.params.id))
  })

  router.patch('/:id', async (req, res) => {
    const body = parseInput(patchBody, req.body, 'body')
    res.json(await briefings.update(actorOf(req, res), req.params.id, body))
  })

  router.delete('/:id', async (req, res) => {
    await briefings.delete(actorOf(req, res), req.params.id)
    res.status(204).end()
  })

  router.get('/:id/content', async (req, res) => {
    const { format } = parseInput(contentQuery, req.query, 'query')
    const { node, dropped } = await briefings.content(actorOf(req, res), req.params.id)
    // A briefing stored before structure was checked may hold parts no reader can show;
    // they are left out, and said so (the room deletes them when it next loads).
    if (dropped.length > 0) {
      res.set('X-Content-Warnings', encodeWarningsHeader(dropped.map((part) => part.message)))
    }
    if (format === 'html') res.type('text/html; charset=utf-8').send(nodeToHTML(node, ctx.schema))
    else res.json(node.toJSON())
  })

  router.get('/:id/shares', async (req, res) => {
    res.json(await briefings.shares(actorOf(req, res), req.params.id))
  })

  router.put('/:id/shares', async (req, res) => {
    const actor = actorOf(req, res)
    await briefings.may(actor, req.params.id, 'share')
    const body = parseInput(shareBody, req.body, 'body')
    res.json(await briefings.share(actor, req.params.id, body))
  })

  router.delete('/:id/shares/:userId', async (req, res) => {
    await briefings.unshare(actorOf(req, res), req.params.id, req.params.userId)
    res.status(204).end()
  })

  router.post('/:id/collab-token', async (req, res) => {
    res.status(201).json(await briefings.collabToken(actorOf(req, res), req.params.id))
  })

  return router
}
