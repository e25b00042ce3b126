/**
 * [HB] A briefing stored before structure was checked, holding what the server now refuses:
 * text straight under the document, blockquotes nested 3,000 deep, bold text in a code
 * block. It used to blank every editor and fail `/content` and every export, for good. Now
 * it reads with those parts left out and said so, and the room deletes them (a stored edit
 * of its own, logged) before anyone joins, so editors get a document they can show.
 */
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readDocumentBody } from '../../server/content/render'
import { briefingSchema } from '../../shared/schema/schema'
import { MAX_NESTING_DEPTH } from '../../shared/schema/structure'
import { connectClient, type TestClient, waitSynced } from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/server'
import { rememberToken } from '../helpers/tokens'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'
import { brokenRow, paragraph } from './brokenRow'

/** Element nesting depth of a ProseMirror JSON node (the document itself is 0). */
function depthOf(node: { content?: unknown[] }): number {
  let deepest = 0
  const stack: Array<[{ content?: unknown[] }, number]> = [[node, 0]]
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [current, depth] = next
    deepest = Math.max(deepest, depth)
    for (const child of current.content ?? [])
      stack.push([child as { content?: unknown[] }, depth + 1])
  }
  return deepest
}

describe('a briefing stored broken', () => {
  let server: TestServer
  let owner: TestUser
  let briefingId: string
  const clients: TestClient[] = []

  beforeEach(async () => {
    server = await startTestServer()
    owner = await signUp(server.url, { name: 'Owner' })
    briefingId = await createBriefingAs(owner)
    rememberToken(briefingId, await collabToken(owner, briefingId))
    await server.stores.documents.append(briefingId, [brokenRow()])
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
  })

  async function content(): Promise<{ json: Record<string, unknown>; warnings: string[] }> {
    const res = await owner.api(`/api/briefings/${briefingId}/content?format=json`)
    expect(res.status).toBe(200)
    const header = res.headers.get('x-content-warnings')
    return { json: await res.json(), warnings: header ? JSON.parse(header) : [] }
  }

  it('[HB1] reads with the broken parts left out and named, in /content and every export', async () => {
    const { json, warnings } = await content()
    const text = JSON.stringify(json)
    expect(text).toContain('kept before')
    expect(text).toContain('kept after')
    expect(text).toContain('let x = 1')
    expect(text).not.toContain('loose text')
    expect(text).not.toContain('"bold"')
    expect(depthOf(json)).toBeLessThanOrEqual(MAX_NESTING_DEPTH + 2) // elements, then text and its marks
    expect(warnings).toEqual(
      expect.arrayContaining([
        'text was directly inside the document',
        `elements nested deeper than ${MAX_NESTING_DEPTH} levels`,
        '"bold" formatting was inside "codeBlock", which allows none',
      ]),
    )
    const html = await owner.api(`/api/briefings/${briefingId}/content?format=html`)
    expect(html.status).toBe(200)
    expect(await html.text()).toContain('kept after')

    for (const format of ['md', 'html', 'docx', 'pdf']) {
      const res = await owner.api(`/api/briefings/${briefingId}/export?format=${format}`)
      expect(res.status, format).toBe(200)
      expect(res.headers.get('x-export-warnings'), format).toContain('left out: text was')
      expect((await res.arrayBuffer()).byteLength, format).toBeGreaterThan(0)
    }
  })

  it('[HB2] opening it deletes the broken parts before anyone joins, as a stored edit, logged', async () => {
    const client = connectClient(server.wsUrl, briefingId)
    clients.push(client)
    await waitSynced(client)
    const logged = server.log.lines.find(
      (line) =>
        line.msg === 'briefing breaks the document schema; deleting the parts no editor can show',
    )
    // The three refused parts, and the blockquotes the too-deep one left empty, all the way
    // up the chain (the editor would drop those too): 3 + 20.
    expect(logged).toMatchObject({
      level: 'warn',
      room: briefingId,
      dropped: 3 + MAX_NESTING_DEPTH,
    })
    expect(logged!.parts).toEqual([
      'text was directly inside the document',
      `elements nested deeper than ${MAX_NESTING_DEPTH} levels`,
      'a "blockquote" node was left without the content it needs',
      '"bold" formatting was inside "codeBlock", which allows none',
    ])

    // What the editor does with the document it was sent (y-prosemirror, as Tiptap uses it):
    // before the repair this threw on the text under the document, leaving a blank page.
    const shown = yXmlFragmentToProseMirrorRootNode(client.fragment, briefingSchema())
    expect(shown.textContent).toContain('kept before')
    expect(shown.textContent).toContain('kept after')
    expect(depthOf(shown.toJSON())).toBeLessThanOrEqual(MAX_NESTING_DEPTH + 2)

    const room = server.registry.get(briefingId)!
    await room.flushed()
    const stored = new Y.Doc()
    for (const row of await server.stores.documents.load(briefingId)) Y.applyUpdate(stored, row)
    expect(readDocumentBody(stored, briefingSchema()).dropped).toEqual([])
    const { warnings } = await content()
    expect(warnings).toEqual([])
  })

  it('[HB3] the repaired briefing keeps working: edits after the repair reach everyone', async () => {
    const [a, b] = [
      connectClient(server.wsUrl, briefingId),
      connectClient(server.wsUrl, briefingId),
    ]
    clients.push(a, b)
    await Promise.all([waitSynced(a), waitSynced(b)])
    a.fragment.insert(0, [paragraph('after the repair')])
    await waitFor(
      () => b.fragment.get(0)?.toString() === '<paragraph>after the repair</paragraph>',
      'the edit reached the other client',
    )
    await waitFor(
      async () => JSON.stringify((await content()).json).includes('after the repair'),
      'the edit is in /content',
    )
  })
})
