/** REST: teams, their members and invites, and each team's audit log (server/services/teams.ts). */
import { Router } from 'express'
import { auditPageQuery } from '../../../shared/api/fields'
import { createTeamRequest, inviteRequest, memberRoleRequest } from '../../../shared/api/teams'
import { type AppContext, actorOf } from '../context'
import { parseInput } from '../validate'

export function teamsRouter(ctx: AppContext): Router {
  const router = Router()
  const { teams } = ctx.services

  router.get('/', async (req, res) => {
    res.json({ teams: await teams.list(actorOf(req, res)) })
  })

  router.post('/', async (req, res) => {
    const { name } = parseInput(createTeamRequest, req.body, 'body')
    res.status(201).json(await teams.create(actorOf(req, res), name))
  })

  router.get('/:id', async (req, res) => {
    res.json(await teams.get(actorOf(req, res), req.params.id))
  })

  router.post('/:id/invites', async (req, res) => {
    const actor = actorOf(req, res)
    await teams.mayInvite(actor, req.params.id)
    const body = parseInput(inviteRequest, req.body, 'body')
    res.status(201).json(await teams.invite(actor, req.params.id, body))
  })

  router.delete('/:id/invites/:inviteId', async (req, res) => {
    await teams.revokeInvite(actorOf(req, res), req.params.id, req.params.inviteId)
    res.status(204).end()
  })

  router.patch('/:id/members/:userId', async (req, res) => {
    const actor = actorOf(req, res)
    await teams.mayManage(actor, req.params.id)
    const { role } = parseInput(memberRoleRequest, req.body, 'body')
    res.json(await teams.setRole(actor, req.params.id, req.params.userId, role))
  })

  router.delete('/:id/members/:userId', async (req, res) => {
    await teams.removeMember(actorOf(req, res), req.params.id, req.params.userId)
    res.status(204).end()
  })

  router.get('/:id/audit', async (req, res) => {
    const actor = actorOf(req, res)
    await teams.mayManage(actor, req.params.id)
    const page = parseInput(auditPageQuery, req.query, 'query')
    res.json(await teams.auditLog(actor, req.params.id, page))
  })

  return router
}

/** REST: looking at and accepting an invite link. */
export function invitesRouter(ctx: AppContext): Router {
  const router = Router()
  const { teams } = ctx.services

  router.get('/:token', async (req, res) => {
    res.json(await teams.describeInvite(req.params.token))
  })

  router.post('/:token/accept', async (req, res) => {
    res.json(await teams.acceptInvite(actorOf(req, res), req.params.token))
  })

  return router
}
