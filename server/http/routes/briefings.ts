/** REST: briefings (list, create, read, rename, delete), their shares, content and collab tokens. */
import { randomUUID } from 'node:crypto'
import { Router } from 'express'
import { z } from 'zod'
import { BRIEFING_ROLES, type BriefingRole, TEAM_DEFAULT_ROLES } from '../../../shared/access'
import { type Briefing, MAX_TITLE_LENGTH } from '../../../shared/briefing'
import { isReadOnlyCredential, resolveAccess } from '../../auth/access'
import { credentialKey } from '../../auth/authenticate'
import { COLLAB_TOKEN_TTL_MS, mintCollabToken } from '../../auth/collabToken'
import { BriefingDeleted } from '../../collab/errors'
import { readDocument } from '../../collab/readDocument'
import { nodeToHTML, readDocumentBody } from '../../content/render'
import { encodeWarningsHeader } from '../../export'
import type { BriefingRecord } from '../../store/briefingStore'
import { type AppContext, audit, authOf } from '../context'
import { HttpError, notFound } from '../errors'
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

const withRole = (record: BriefingRecord, role: BriefingRole): Briefing => ({ ...record, role })

export function briefingsRouter(ctx: AppContext): Router {
  const router = Router()
  const { stores } = ctx

  router.get('/', async (_req, res) => {
    const auth = authOf(res)
    // One query: each row already carries the caller's membership and share.
    const briefings: Briefing[] = []
    for (const row of await stores.briefings.listForUser(auth.user.id)) {
      const access = resolveAccess(row, isReadOnlyCredential(auth))
      if (access) briefings.push(withRole(row, access.role))
    }
    res.json({ briefings })
  })

  router.post('/', async (req, res) => {
    const body = parseInput(createBody, req.body, 'body')
    const user = authOf(res).user
    const teams = await stores.teams.listForUser(user.id)
    const team = body.teamId
      ? teams.find((t) => t.id === body.teamId)
      : teams.find((t) => t.personal)
    if (!team) throw new HttpError(404, 'not_found', 'team not found', 'teamId')
    const now = ctx.now().toISOString()
    const record = await stores.briefings.create({
      id: randomUUID(),
      teamId: team.id,
      title: body.title,
      teamRole: body.teamRole,
      createdBy: user.id,
      createdAt: now,
    })
    // Held through membership: the team owns its briefings, not whoever created one.
    await stores.briefings.setShare(record.id, user.id, 'owner', 'created')
    await audit(ctx, req, { teamId: team.id, action: 'briefing.created', target: record.id })
    res.status(201).location(`/api/briefings/${record.id}`).json(withRole(record, 'owner'))
  })

  router.get('/:id', async (req, res) => {
    const { briefing, role } = await ctx.access.require(authOf(res), req.params.id, 'read')
    res.json(withRole(briefing, role))
  })

  router.patch('/:id', async (req, res) => {
    const body = parseInput(patchBody, req.body, 'body')
    const auth = authOf(res)
    const { briefing, role } = await ctx.access.require(
      auth,
      req.params.id,
      body.teamRole ? 'share' : 'rename',
    )
    if (body.title !== undefined) await ctx.access.require(auth, briefing.id, 'rename')
    const updated = await stores.briefings.update(briefing.id, {
      ...body,
      now: ctx.now().toISOString(),
    })
    if (!updated) throw notFound('briefing')
    if (body.teamRole && body.teamRole !== briefing.teamRole) {
      await audit(ctx, req, {
        teamId: briefing.teamId,
        action: 'briefing.team_role_changed',
        target: briefing.id,
        details: { from: briefing.teamRole, to: body.teamRole },
      })
      await ctx.broadcastAccessChange({ kind: 'briefing', id: briefing.id })
    }
    res.json(withRole(updated, role))
  })

  router.delete('/:id', async (req, res) => {
    const { briefing } = await ctx.access.require(authOf(res), req.params.id, 'delete')
    // Metadata first, so no new connection can open the briefing while its room closes.
    if (!(await stores.briefings.delete(briefing.id))) throw notFound('briefing')
    await ctx.registry.close(briefing.id, new BriefingDeleted())
    await stores.documents.delete(briefing.id)
    await audit(ctx, req, {
      teamId: briefing.teamId,
      action: 'briefing.deleted',
      target: briefing.id,
      details: { title: briefing.title },
    })
    await ctx.broadcastAccessChange({ kind: 'briefing', id: briefing.id })
    res.status(204).end()
  })

  router.get('/:id/content', async (req, res) => {
    const { format } = parseInput(contentQuery, req.query, 'query')
    const { briefing } = await ctx.access.require(authOf(res), req.params.id, 'read')
    const { node, dropped } = await readDocument(
      ctx.registry,
      stores.documents,
      briefing.id,
      (doc) => readDocumentBody(doc, ctx.schema),
    )
    // A briefing stored before structure was checked may hold parts no reader can show;
    // they are left out, and said so (the room deletes them when it next loads).
    if (dropped.length > 0) {
      res.set('X-Content-Warnings', encodeWarningsHeader(dropped.map((part) => part.message)))
    }
    if (format === 'html') res.type('text/html; charset=utf-8').send(nodeToHTML(node, ctx.schema))
    else res.json(node.toJSON())
  })

  router.get('/:id/shares', async (req, res) => {
    const { briefing } = await ctx.access.require(authOf(res), req.params.id, 'read')
    res.json({
      teamId: briefing.teamId,
      teamRole: briefing.teamRole,
      shares: await stores.briefings.listShares(briefing.id),
    })
  })

  router.put('/:id/shares', async (req, res) => {
    const { briefing } = await ctx.access.require(authOf(res), req.params.id, 'share')
    const body = parseInput(shareBody, req.body, 'body')
    const user = await stores.users.getByEmail(body.email)
    if (!user) {
      throw new HttpError(
        404,
        'no_account',
        'nobody has an account with that e-mail; invite them to the team first',
        'email',
      )
    }
    await stores.briefings.setShare(briefing.id, user.id, body.role, 'granted')
    await audit(ctx, req, {
      teamId: briefing.teamId,
      action: 'briefing.shared',
      target: briefing.id,
      details: { userId: user.id, role: body.role },
    })
    await ctx.broadcastAccessChange({ kind: 'briefing', id: briefing.id })
    res.json({ userId: user.id, email: user.email, name: user.name, role: body.role })
  })

  router.delete('/:id/shares/:userId', async (req, res) => {
    const { briefing } = await ctx.access.require(authOf(res), req.params.id, 'share')
    if (!(await stores.briefings.removeShare(briefing.id, req.params.userId)))
      throw notFound('share')
    await audit(ctx, req, {
      teamId: briefing.teamId,
      action: 'briefing.unshared',
      target: briefing.id,
      details: { userId: req.params.userId },
    })
    await ctx.broadcastAccessChange({ kind: 'briefing', id: briefing.id })
    res.status(204).end()
  })

  router.post('/:id/collab-token', async (req, res) => {
    const auth = authOf(res)
    const { briefing, role } = await ctx.access.require(auth, req.params.id, 'read')
    const expiresAt = ctx.now().getTime() + COLLAB_TOKEN_TTL_MS
    const token = mintCollabToken(ctx.collabSecret, {
      u: auth.user.id,
      b: briefing.id,
      r: role,
      exp: expiresAt,
      via: credentialKey(auth.credential),
    })
    res.status(201).json({ token, expiresAt: new Date(expiresAt).toISOString(), role })
  })

  return router
}
