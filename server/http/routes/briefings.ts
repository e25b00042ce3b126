/** REST: briefings (list, create, read, rename, delete), their shares, content and collab tokens. */
import { Router } from 'express'
import {
  briefingListQuery,
  contentQuery,
  createBriefingRequest,
  shareRequest,
  updateBriefingRequest,
} from '../../../shared/api/briefings'
import { nodeToHTML } from '../../content/render'
import { encodeWarningsHeader } from '../../export'
import { type AppContext, actorOf } from '../context'
import { parseInput } from '../validate'

export function briefingsRouter(ctx: AppContext): Router {
  const router = Router()
  const { briefings } = ctx.services

  router.get('/', async (req, res) => {
    const view = parseInput(briefingListQuery, req.query, 'query')
    res.json({ briefings: await briefings.list(actorOf(req, res), view) })
  })

  router.post('/', async (req, res) => {
    const body = parseInput(createBriefingRequest, req.body, 'body')
    const briefing = await briefings.create(actorOf(req, res), body)
    res.status(201).location(`/api/briefings/${briefing.id}`).json(briefing)
  })

  router.get('/:id', async (req, res) => {
    res.json(await briefings.get(actorOf(req, res), req.params.id))
  })

  router.patch('/:id', async (req, res) => {
    const body = parseInput(updateBriefingRequest, req.body, 'body')
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
    const body = parseInput(shareRequest, req.body, 'body')
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
