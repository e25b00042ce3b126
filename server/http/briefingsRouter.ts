/** REST: briefings (list, create, read, rename, delete) and their rendered content. */
import { randomUUID } from 'node:crypto'
import type { Schema } from '@tiptap/pm/model'
import { Router } from 'express'
import { z } from 'zod'
import { MAX_TITLE_LENGTH } from '../../shared/briefing'
import { CloseCode, CloseReason } from '../../shared/protocol/closeCodes'
import { readDocument } from '../collab/readDocument'
import type { RoomRegistry } from '../collab/roomRegistry'
import { docToHTML, docToJSON } from '../content/render'
import type { Stores } from '../store'
import { notFound } from './errors'
import { parseInput } from './validate'

const titleSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_TITLE_LENGTH, `must be at most ${MAX_TITLE_LENGTH} characters`)

const createBody = z.object({ title: titleSchema }).strict()
const patchBody = z.object({ title: titleSchema }).strict()
const contentQuery = z.object({ format: z.enum(['json', 'html']).default('json') })

export interface BriefingsRouterDeps {
  stores: Stores
  registry: RoomRegistry
  schema: Schema
  now: () => Date
}

export function briefingsRouter({ stores, registry, schema, now }: BriefingsRouterDeps): Router {
  const router = Router()

  const requireBriefing = async (id: string) => {
    const briefing = await stores.briefings.get(id)
    if (!briefing) throw notFound('briefing')
    return briefing
  }

  router.get('/', async (_req, res) => {
    res.json({ briefings: await stores.briefings.list() })
  })

  router.post('/', async (req, res) => {
    const { title } = parseInput(createBody, req.body, 'body')
    const briefing = await stores.briefings.create({
      id: randomUUID(),
      title,
      now: now().toISOString(),
    })
    res.status(201).location(`/api/briefings/${briefing.id}`).json(briefing)
  })

  router.get('/:id', async (req, res) => {
    res.json(await requireBriefing(req.params.id))
  })

  router.patch('/:id', async (req, res) => {
    const { title } = parseInput(patchBody, req.body, 'body')
    const briefing = await stores.briefings.update(req.params.id, {
      title,
      now: now().toISOString(),
    })
    if (!briefing) throw notFound('briefing')
    res.json(briefing)
  })

  router.delete('/:id', async (req, res) => {
    const id = req.params.id
    // Metadata first, so no new connection can open the briefing while its room closes.
    if (!(await stores.briefings.delete(id))) throw notFound('briefing')
    await registry.close(id, CloseCode.BriefingNotFound, CloseReason.BriefingDeleted)
    await stores.documents.delete(id)
    res.status(204).end()
  })

  router.get('/:id/content', async (req, res) => {
    const { format } = parseInput(contentQuery, req.query, 'query')
    await requireBriefing(req.params.id)
    if (format === 'html') {
      const html = await readDocument(registry, stores.documents, req.params.id, (doc) =>
        docToHTML(doc, schema),
      )
      res.type('text/html; charset=utf-8').send(html)
      return
    }
    const json = await readDocument(registry, stores.documents, req.params.id, (doc) =>
      docToJSON(doc, schema),
    )
    res.json(json)
  })

  return router
}
