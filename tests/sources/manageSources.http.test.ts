/**
 * [SM] Managing a briefing's sources over HTTP, on the real server with a real y-websocket
 * client: the same text imported twice, correcting what a citation prints, and removing a
 * source, refused while the document cites it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importLimits } from '../../server/sources/limits'
import { parseSource } from '../../server/sources/parseSource'
import { getSource, listSources, type Source } from '../../shared/sources'
import { createExportBriefing, type ExportBriefing } from '../export/fixture'
import { startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

const STATEMENT =
  'The harbour authority said on Tuesday that the northern berths would stay shut. "We are not taking risks with the breakwater," said Mara Quist, the authority’s chief engineer.'

interface ErrorBody {
  error: { code: string; message: string; field?: string; existingId?: string; uses?: unknown[] }
}

describe('managing sources', () => {
  let server: TestServer
  let b: ExportBriefing

  beforeAll(async () => {
    server = await startTestServer()
    b = await createExportBriefing(server)
  })
  afterAll(async () => {
    b.client.destroy()
    await server.close()
  })

  const sourcesUrl = () => `/api/briefings/${b.briefingId}/sources`
  const importStatement = () =>
    b.owner.api(sourcesUrl(), { method: 'POST', body: { type: 'text', text: STATEMENT } })

  it('[MSR1] the same text imported again is a 409 naming the source already there', async () => {
    const first = await importStatement()
    expect(first.status).toBe(201)
    const { source } = (await first.json()) as { source: Source }
    // Different whitespace around it, same text once imported: the same content hash.
    const again = await b.owner.api(sourcesUrl(), {
      method: 'POST',
      body: { type: 'text', text: `\n\n${STATEMENT}\n` },
    })
    expect(again.status).toBe(409)
    const body = (await again.json()) as ErrorBody
    expect(body.error.code).toBe('duplicate_source')
    expect(body.error.existingId).toBe(source.id)
    expect(body.error.message).toMatch(/already a source of the briefing/)
    await waitFor(() => getSource(b.client.doc, source.id) !== undefined, 'the client has it')
    expect(
      listSources(b.client.doc).filter((s) => s.contentHash === source.contentHash),
    ).toHaveLength(1)
  })

  it('[MSR6] two identical imports racing each other add one source; the other is a 409', async () => {
    // Both adds start in one event-loop turn, so both read the document before either writes
    // (through HTTP the two parses finish apart and the race is left to chance).
    const user = await server.stores.users.get(b.owner.id)
    const actor = {
      auth: { user: user!, credential: { kind: 'session', sessionHash: 'test' } as const },
      ip: null,
    }
    const { briefing } = await server.services.sources.mayAdd(actor, b.briefingId)
    const imported = await parseSource({
      type: 'text',
      text: `${STATEMENT} The berths reopen in May.`,
      what: 'The pasted text',
      limits: importLimits(),
    })
    const twice = await Promise.allSettled(
      [0, 1].map(() => server.services.sources.add(actor, briefing, imported, 'text')),
    )
    const added = twice.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
    const refused = twice.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []))
    expect(added).toHaveLength(1)
    expect(refused).toHaveLength(1)
    expect(refused[0]).toMatchObject({
      code: 'duplicate_source',
      details: { existingId: added[0]!.id },
    })
    await waitFor(() => getSource(b.client.doc, added[0]!.id) !== undefined, 'the client has it')
    expect(
      listSources(b.client.doc).filter((s) => s.contentHash === added[0]!.contentHash),
    ).toHaveLength(1)
  })

  it('[MSR2] a cited source cannot be removed; the 409 lists every quote block and citation', async () => {
    const res = await b.owner.api(`${sourcesUrl()}/${b.harbor.id}`, { method: 'DELETE' })
    expect(res.status).toBe(409)
    const body = (await res.json()) as ErrorBody
    expect(body.error.code).toBe('source_in_use')
    expect(body.error.message).toBe(
      '“Harbor closes after storm” is still cited in 3 places: the citation on “the storm damaged the northern breakwater”, the quote block “We will reopen on Monday” (Ana Lima) and the citation on “bracing for large claims”. Remove those citations first',
    )
    expect(body.error.uses).toEqual([
      { kind: 'citation', text: 'the storm damaged the northern breakwater', speaker: null },
      { kind: 'quote', text: 'We will reopen on Monday', speaker: 'Ana Lima' },
      { kind: 'citation', text: 'bracing for large claims', speaker: null },
    ])
    expect(getSource(b.client.doc, b.harbor.id)).toBeDefined()
  })

  it('[MSR3] an unused source is removed, for every collaborator', async () => {
    const text = `${STATEMENT} The berths reopen next week.`
    const res = await b.owner.api(sourcesUrl(), { method: 'POST', body: { type: 'text', text } })
    const { source } = (await res.json()) as { source: Source }
    await waitFor(() => getSource(b.client.doc, source.id) !== undefined, 'the client has it')
    const removed = await b.owner.api(`${sourcesUrl()}/${source.id}`, { method: 'DELETE' })
    expect(removed.status).toBe(204)
    await waitFor(() => getSource(b.client.doc, source.id) === undefined, 'gone on the client')
    const again = await b.owner.api(`${sourcesUrl()}/${source.id}`, { method: 'DELETE' })
    expect(again.status).toBe(404)
    expect(((await again.json()) as ErrorBody).error.code).toBe('source_not_found')
  })

  it('[MSR4] title, byline, publisher and date are corrected; the text and its hash are not', async () => {
    const res = await b.owner.api(`${sourcesUrl()}/${b.harbor.id}`, {
      method: 'PATCH',
      body: {
        title: '  Harbour Shut after Storm ',
        byline: 'Jo Smith and Ana Lima',
        publisher: '',
        publishedAt: '2024-03-04',
      },
    })
    expect(res.status).toBe(200)
    const { source } = (await res.json()) as { source: Source }
    expect(source).toMatchObject({
      title: 'Harbour Shut after Storm',
      byline: 'Jo Smith and Ana Lima',
      publisher: null,
      publishedAt: '2024-03-04',
      paragraphs: b.harbor.paragraphs,
      contentHash: b.harbor.contentHash,
    })
    await waitFor(
      () => getSource(b.client.doc, b.harbor.id)?.title === 'Harbour Shut after Storm',
      'the client sees the new title',
    )
    // Quotes taken from it still verify, and notes print the corrected title.
    const md = await b.owner.api(`/api/briefings/${b.briefingId}/export?format=md`)
    expect(md.headers.get('x-unverified-quotes')).toBe('0')
    expect(await md.text()).toContain('[^1]: Jo Smith and Ana Lima, “Harbour Shut after Storm,”')
  })

  it('[MSR5] corrections are validated field by field', async () => {
    const patch = async (body: unknown, id = b.harbor.id) => {
      const res = await b.owner.api(`${sourcesUrl()}/${id}`, { method: 'PATCH', body })
      return { status: res.status, error: ((await res.json()) as ErrorBody).error }
    }
    expect(await patch({ title: '   ' })).toMatchObject({
      status: 400,
      error: { code: 'invalid_input', field: 'title' },
    })
    expect(await patch({ publishedAt: '2024-02-30' })).toMatchObject({
      status: 400,
      error: { field: 'publishedAt', message: expect.stringMatching(/YYYY-MM-DD/) },
    })
    expect(await patch({ paragraphs: ['swapped'] })).toMatchObject({
      status: 400,
      error: { field: 'paragraphs' },
    })
    expect(await patch({})).toMatchObject({ status: 400, error: { code: 'invalid_input' } })
    expect(await patch({ title: 'x' }, 'no-such-source')).toMatchObject({
      status: 404,
      error: { code: 'source_not_found' },
    })
  })
})
