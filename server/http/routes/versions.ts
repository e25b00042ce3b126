/**
 * REST: a briefing's versions. Reading the history needs 'read'; naming, restoring and
 * deleting need 'write', checked before a body is read so validation tells outsiders nothing.
 */
import { Router } from 'express'
import {
  createVersionRequest,
  renameVersionRequest,
  versionContentQuery,
} from '../../../shared/api/versions'
import { nodeToHTML } from '../../content/render'
import { type AppContext, actorOf } from '../context'
import { parseInput } from '../validate'

export function versionsRouter(ctx: AppContext): Router {
  const router = Router()
  const { versions, briefings } = ctx.services

  router.get('/:id/versions', async (req, res) => {
    res.json({ versions: await versions.list(actorOf(req, res), req.params.id) })
  })

  router.post('/:id/versions', async (req, res) => {
    const actor = actorOf(req, res)
    await briefings.may(actor, req.params.id, 'write')
    const { name } = parseInput(createVersionRequest, req.body, 'body')
    res.status(201).json({ version: await versions.save(actor, req.params.id, name) })
  })

  router.patch('/:id/versions/:versionId', async (req, res) => {
    const actor = actorOf(req, res)
    await briefings.may(actor, req.params.id, 'write')
    const { name } = parseInput(renameVersionRequest, req.body, 'body')
    const version = await versions.rename(actor, req.params.id, req.params.versionId, name)
    res.json({ version })
  })

  router.delete('/:id/versions/:versionId', async (req, res) => {
    await versions.delete(actorOf(req, res), req.params.id, req.params.versionId)
    res.status(204).end()
  })

  router.get('/:id/versions/:versionId/content', async (req, res) => {
    const { format } = parseInput(versionContentQuery, req.query, 'query')
    const node = await versions.content(actorOf(req, res), req.params.id, req.params.versionId)
    if (format === 'html') res.type('text/html; charset=utf-8').send(nodeToHTML(node, ctx.schema))
    else res.json(node.toJSON())
  })

  router.get('/:id/versions/:versionId/compare/:otherId', async (req, res) => {
    const { id, versionId, otherId } = req.params
    res.json(await versions.compare(actorOf(req, res), id, versionId, otherId))
  })

  router.post('/:id/versions/:versionId/restore', async (req, res) => {
    const { id, versionId } = req.params
    res.json({ version: await versions.restore(actorOf(req, res), id, versionId) })
  })

  return router
}
