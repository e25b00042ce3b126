/**
 * [QB] Sources and quote blocks through the real server and real y-websocket clients: import
 * over the API, live sync of sources and quote blocks with every attribute, consistent
 * numbering under concurrent inserts, and server-side detection of a quote altered by a raw
 * Y.Doc edit.
 */
import fs from 'node:fs'
import path from 'node:path'
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { numberCitations } from '../../shared/citations'
import { selectorsForRange } from '../../shared/quotes'
import { DOCUMENT_FRAGMENT } from '../../shared/schema/extensions'
import { listSources, type Source, sourceBody } from '../../shared/sources'
import { connectClient, type TestClient, waitSynced } from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/server'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'sources')

function quoteAttrs(source: Source, index: number, insertedBy: string) {
  const quote = source.quotes[index]!
  const { selector, position } = selectorsForRange(source.paragraphs, quote.start, quote.end)
  return {
    quoteId: `q-${source.id.slice(0, 8)}-${index}-${insertedBy}`,
    sourceId: source.id,
    text: quote.text,
    selector,
    position,
    speaker: quote.speaker,
    speakerRole: quote.speakerRole,
    kind: quote.kind,
    insertedBy,
    insertedAt: '2026-11-26T10:00:00.000Z',
  }
}

/** Inserts a quote block the way the editor's binding stores it: an element with attributes. */
function insertQuote(client: TestClient, at: number, attrs: Record<string, unknown>): void {
  const element = new Y.XmlElement('sourceQuote')
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value as string)
  client.fragment.insert(Math.min(at, client.fragment.length), [element])
}

function pmJSON(doc: Y.Doc) {
  return yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(DOCUMENT_FRAGMENT))
}

describe('sources and quote blocks', () => {
  let server: TestServer
  let owner: TestUser
  let briefingId: string
  const clients: TestClient[] = []
  const connect = async () => {
    const client = connectClient(server.wsUrl, briefingId, {
      params: { token: await collabToken(owner, briefingId) },
    })
    clients.push(client)
    await waitSynced(client)
    return client
  }
  const importText = async (file: string, kind?: string) => {
    const res = await owner.api(`/api/briefings/${briefingId}/sources`, {
      method: 'POST',
      body: {
        type: 'text',
        text: fs.readFileSync(path.join(FIXTURES, file), 'utf8'),
        ...(kind ? { kind } : {}),
      },
    })
    expect(res.status).toBe(201)
    return ((await res.json()) as { source: Source }).source
  }

  beforeEach(async () => {
    server = await startTestServer()
    owner = await signUp(server.url, { name: 'Owner' })
    briefingId = await createBriefingAs(owner)
  })
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
  })

  it('[QB1] an imported source reaches every connected client live, with its quotes', async () => {
    const a = await connect()
    const source = await importText('corridor-talks.txt')
    expect(source.quotes.length).toBeGreaterThan(3)
    for (const quote of source.quotes)
      expect(sourceBody(source.paragraphs).slice(quote.start, quote.end)).toBe(quote.text)
    await waitFor(() => listSources(a.doc).length === 1, 'client a received the source')
    expect(listSources(a.doc)[0]).toEqual(source)
    const late = await connect()
    expect(listSources(late.doc)[0]?.contentHash).toBe(source.contentHash)
    // Stored before it was broadcast: a fresh load from the store has it too.
    const stored = new Y.Doc()
    for (const update of await server.stores.documents.load(briefingId))
      Y.applyUpdate(stored, update)
    expect(listSources(stored)).toHaveLength(1)
  })

  it('[QB2] uploaded files and bad input: html file imports, garbage is a clear 4xx', async () => {
    const html = fs.readFileSync(path.join(FIXTURES, 'grain-exports.html'))
    const ok = await owner.api(`/api/briefings/${briefingId}/sources`, {
      method: 'POST',
      body: {
        type: 'file',
        filename: 'grain-exports.html',
        contentBase64: html.toString('base64'),
      },
    })
    expect(ok.status).toBe(201)
    const { source } = (await ok.json()) as { source: Source }
    expect(source.publisher).toBeTruthy()
    const garbage = await owner.api(`/api/briefings/${briefingId}/sources`, {
      method: 'POST',
      body: {
        type: 'file',
        filename: 'x.pdf',
        contentBase64: Buffer.from('not a pdf at all').toString('base64'),
      },
    })
    expect(garbage.status).toBeGreaterThanOrEqual(400)
    expect(garbage.status).toBeLessThan(500)
    expect(((await garbage.json()) as { error: { message: string } }).error.message).toBeTruthy()
    const missing = await owner.api(`/api/briefings/${briefingId}/sources`, {
      method: 'POST',
      body: { type: 'text' },
    })
    expect(missing.status).toBe(400)
    expect(((await missing.json()) as { error: { field: string } }).error.field).toBe('text')
  })

  it('[QB3] the URL importer refuses loopback by default, with a clear message', async () => {
    const res = await owner.api(`/api/briefings/${briefingId}/sources`, {
      method: 'POST',
      body: { type: 'url', url: `${server.url}/healthz` },
    })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('blocked_address')
  })

  it('[QB4] a quote block inserted by one client reaches the other with every attribute', async () => {
    const source = await importText('corridor-talks.txt')
    const [a, b] = [await connect(), await connect()]
    const attrs = quoteAttrs(source, 0, 'a')
    insertQuote(a, 0, attrs)
    await waitFor(() => b.fragment.length === 1, 'b has the quote block')
    const node = (
      pmJSON(b.doc).content as Array<{ type: string; attrs: Record<string, unknown> }>
    )[0]!
    expect(node.type).toBe('sourceQuote')
    expect(node.attrs).toEqual(attrs)
  })

  it('[QB5] concurrent inserts keep citation numbering identical on both clients', async () => {
    const first = await importText('corridor-talks.txt')
    const second = await importText('press-briefing-transcript.txt', 'transcript')
    const [a, b] = [await connect(), await connect()]
    await waitFor(
      () => listSources(a.doc).length === 2 && listSources(b.doc).length === 2,
      'sources synced',
    )
    // Both insert at the top at once, each citing a different source.
    insertQuote(a, 0, quoteAttrs(first, 0, 'a'))
    insertQuote(b, 0, quoteAttrs(second, 0, 'b'))
    insertQuote(a, 5, quoteAttrs(first, 1, 'a'))
    await waitFor(() => a.fragment.length === 3 && b.fragment.length === 3, 'both see three blocks')
    const numbersA = numberCitations(pmJSON(a.doc))
    const numbersB = numberCitations(pmJSON(b.doc))
    expect([...numbersA.bySource]).toEqual([...numbersB.bySource])
    expect(numbersA.ordered).toHaveLength(2)
    // Numbers follow document order: the first block's source is number 1.
    const firstBlock = (pmJSON(a.doc).content as Array<{ attrs: { sourceId: string } }>)[0]!
    expect(numbersA.bySource.get(firstBlock.attrs.sourceId)).toBe(1)
  })

  it('[QB6] a quote changed through a raw Y.Doc edit is reported altered by the server', async () => {
    const source = await importText('corridor-talks.txt')
    const a = await connect()
    const attrs = quoteAttrs(source, 0, 'a')
    insertQuote(a, 0, attrs)
    const verdicts = async () => {
      const res = await owner.api(`/api/briefings/${briefingId}/quotes/verification`)
      return ((await res.json()) as { quotes: Record<string, { status: string }> }).quotes
    }
    await waitFor(
      async () => (await verdicts())[attrs.quoteId]?.status === 'verified',
      'verified first',
    )
    // Bypass every editor command: rewrite the attribute on the shared type directly.
    const element = a.fragment.get(0) as Y.XmlElement
    element.setAttribute('text', attrs.text.replace(/\b(\w+)\b/, 'never'))
    await waitFor(
      async () => (await verdicts())[attrs.quoteId]?.status === 'altered',
      'server says altered',
    )
  })
})
