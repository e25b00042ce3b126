/**
 * REST: a briefing's comment threads (list, start, reply, edit, delete, resolve and reopen)
 * and the caller's inbox. Routes check the caller's right before reading a body, so a
 * briefing the caller cannot see answers 404 whatever the body holds.
 */
import { Router } from 'express'
import {
  createThreadRequest,
  editCommentRequest,
  replyRequest,
  threadStatusRequest,
} from '../../../shared/api/comments'
import { type AppContext, actorOf } from '../context'
import { parseInput } from '../validate'

export function commentsRouter(ctx: AppContext): Router {
  const router = Router()
  const { comments, briefings } = ctx.services

  router.get('/:id/comments', async (req, res) => {
    res.json({ threads: await comments.list(actorOf(req, res), req.params.id) })
  })

  router.post('/:id/comments', async (req, res) => {
    const actor = actorOf(req, res)
    await briefings.may(actor, req.params.id, 'comment')
    const body = parseInput(createThreadRequest, req.body, 'body')
    res.status(201).json({ thread: await comments.create(actor, req.params.id, body) })
  })

  router.post('/:id/comments/read', async (req, res) => {
    await comments.markRead(actorOf(req, res), req.params.id)
    res.status(204).end()
  })

  router.post('/:id/comments/:threadId/replies', async (req, res) => {
    const actor = actorOf(req, res)
    await briefings.may(actor, req.params.id, 'comment')
    const body = parseInput(replyRequest, req.body, 'body')
    const thread = await comments.reply(actor, req.params.id, req.params.threadId, body)
    res.status(201).json({ thread })
  })

  router.patch('/:id/comments/:threadId', async (req, res) => {
    const actor = actorOf(req, res)
    await briefings.may(actor, req.params.id, 'comment')
    const { status } = parseInput(threadStatusRequest, req.body, 'body')
    res.json({
      thread: await comments.setStatus(actor, req.params.id, req.params.threadId, status),
    })
  })

  router.patch('/:id/comments/:threadId/comments/:commentId', async (req, res) => {
    const actor = actorOf(req, res)
    await briefings.may(actor, req.params.id, 'comment')
    const body = parseInput(editCommentRequest, req.body, 'body')
    const { id, threadId, commentId } = req.params
    res.json({ thread: await comments.edit(actor, id, threadId, commentId, body) })
  })

  router.delete('/:id/comments/:threadId/comments/:commentId', async (req, res) => {
    const { id, threadId, commentId } = req.params
    await comments.remove(actorOf(req, res), id, threadId, commentId)
    res.status(204).end()
  })

  return router
}

/** `GET /api/inbox`: per briefing, open threads and the caller's unread mentions. */
export function inboxRouter(ctx: AppContext): Router {
  const router = Router()
  router.get('/', async (req, res) => {
    res.json(await ctx.services.comments.inbox(actorOf(req, res)))
  })
  return router
}
