/**
 * [HS] Updates that decode but would leave the briefing's structure outside the schema. A
 * raw `ws` client joins a room where two stock y-websocket clients edit and sends one; each
 * rule: that connection alone is closed with 4422 and a reason naming the problem, nothing
 * of it is stored, the good clients carry on, and the briefing still renders (`/content`).
 * Stored, such an update used to blank every editor and fail every export, for good.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { encodeUpdate } from '../../shared/protocol/messages'
import { DOCUMENT_FRAGMENT } from '../../shared/schema/extensions'
import { MAX_NESTING_DEPTH } from '../../shared/schema/structure'
import { type RawClient, rawClient } from '../access/support'
import {
  appendParagraph,
  connectClient,
  docFingerprint,
  type TestClient,
  waitSynced,
} from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/server'
import { rememberToken, tokenFor } from '../helpers/tokens'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

/** What `edit` does to a copy of `base`, as one update. */
function updateOn(base: Y.Doc, edit: (fragment: Y.XmlFragment, doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(doc)
  doc.transact(() => edit(doc.getXmlFragment(DOCUMENT_FRAGMENT), doc))
  return Y.encodeStateAsUpdate(doc, before)
}

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [new Y.XmlText(text)])
  return element
}

/** `depth` blockquotes, each inside the last, around one paragraph. */
function nestedQuotes(depth: number): Y.XmlElement {
  let inner: Y.XmlElement = paragraph('deep down')
  for (let level = 0; level < depth; level++) {
    const quote = new Y.XmlElement('blockquote')
    quote.insert(0, [inner])
    inner = quote
  }
  return inner
}

describe('structurally invalid updates', () => {
  let server: TestServer
  let owner: TestUser
  let briefingId: string
  let good: [TestClient, TestClient]
  let goodCloses: number[]

  beforeEach(async () => {
    server = await startTestServer()
    owner = await signUp(server.url, { name: 'Owner' })
    briefingId = await createBriefingAs(owner)
    rememberToken(briefingId, await collabToken(owner, briefingId))
    good = [connectClient(server.wsUrl, briefingId), connectClient(server.wsUrl, briefingId)]
    goodCloses = []
    for (const client of good) {
      client.provider.on('connection-close', (event) => goodCloses.push(event?.code ?? -1))
    }
    await Promise.all(good.map(waitSynced))
    appendParagraph(good[0], 'before the attack')
    await waitFor(() => good[1].fragment.length === 1, 'good clients share a paragraph')
  })

  afterEach(async () => {
    for (const client of good) client.destroy()
    await server.close()
  })

  /** A raw client that has joined and holds the room's document. */
  async function hostile(): Promise<RawClient> {
    const client = rawClient(`${server.wsUrl}/${briefingId}?token=${tokenFor(briefingId)}`)
    expect(await client.outcome).toBe('open')
    await client.barrier()
    return client
  }

  /**
   * The rules every refusal shares, once the offending socket was closed. `paragraphs`: what
   * the document holds before the good clients add one more.
   */
  async function expectRefusedAlone(
    client: RawClient,
    reason: RegExp,
    paragraphs = 1,
  ): Promise<void> {
    const closed = await client.closed
    expect(closed.code).toBe(CloseCode.InvalidContent)
    expect(closed.reason).toMatch(reason)
    expect(
      server.log.lines.some(
        (line) => line.level === 'warn' && reason.test(String(line.error ?? '')),
      ),
      'the refusal is logged',
    ).toBe(true)
    expect(goodCloses, 'good clients were never disconnected').toEqual([])
    const [a, b] = good
    appendParagraph(a, 'after the attack')
    await waitFor(
      () => b.fragment.length === paragraphs + 1 && docFingerprint(a.doc) === docFingerprint(b.doc),
      'good clients keep converging',
    )
    const room = server.registry.get(briefingId)!
    await room.flushed()
    const stored = new Y.Doc()
    for (const row of await server.stores.documents.load(briefingId)) Y.applyUpdate(stored, row)
    expect(docFingerprint(stored)).toBe(docFingerprint(a.doc))
    const res = await owner.api(`/api/briefings/${briefingId}/content?format=json`)
    expect(res.status).toBe(200)
    expect(res.headers.get('x-content-warnings')).toBeNull()
  }

  const cases: Array<[string, (fragment: Y.XmlFragment, doc: Y.Doc) => void, RegExp]> = [
    [
      '[HS1] text straight under the document',
      (fragment) => fragment.insert(0, [new Y.XmlText('loose')]),
      /text cannot be directly inside the document/,
    ],
    [
      `[HS2] blockquotes nested past ${MAX_NESTING_DEPTH} levels`,
      (fragment) => fragment.insert(1, [nestedQuotes(MAX_NESTING_DEPTH + 1)]),
      new RegExp(`nest deeper than ${MAX_NESTING_DEPTH} levels`),
    ],
    [
      '[HS3] a list item straight under the document',
      (fragment) => {
        const item = new Y.XmlElement('listItem')
        item.insert(0, [paragraph('orphan')])
        fragment.insert(1, [item])
      },
      /"listItem" node cannot be inside the document/,
    ],
    [
      '[HS4] a paragraph inside a paragraph',
      (fragment) => (fragment.get(0) as Y.XmlElement).insert(0, [paragraph('inner')]),
      /"paragraph" node cannot be inside a "paragraph" node/,
    ],
    [
      '[HS5] bold text in a code block, which allows no formatting',
      (fragment) => {
        const code = new Y.XmlElement('codeBlock')
        const text = new Y.XmlText('let x')
        code.insert(0, [text])
        fragment.insert(1, [code])
        text.format(0, 3, { bold: {} })
      },
      /"bold" formatting is not allowed in a "codeBlock" node/,
    ],
    [
      '[HS6] an embedded value in text',
      (fragment) => {
        const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText
        text.insertEmbed(0, { image: 'x' })
      },
      /text may hold only characters and formatting/,
    ],
    [
      '[HS7] a quote block whose attributes fail the schema',
      (fragment) => {
        const quote = new Y.XmlElement('sourceQuote')
        quote.setAttribute('quoteId', 'q1')
        quote.setAttribute('text', '')
        fragment.insert(1, [quote])
      },
      /"sourceQuote" node: .*Invalid sourceQuote attribute/,
    ],
    [
      '[HS8] a citation whose attributes fail the schema',
      (fragment) => {
        const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText
        text.format(0, 3, { cite: { sourceId: 42 } })
      },
      /formats text badly/,
    ],
  ]

  it.each(cases)('%s closes only the sender with 4422', async (_name, edit, reason) => {
    const client = await hostile()
    client.send(encodeUpdate(updateOn(client.doc, edit)))
    await expectRefusedAlone(client, reason)
  })

  it('[HS9] an update held back until what it builds on arrives is checked then, and refused', async () => {
    const client = await hostile()
    // Client 1 adds a paragraph; client 2 (the same attacker) puts text straight under the
    // document just after it. Sent second-first, the text waits for the paragraph: stored
    // unchecked, Yjs would have applied it the moment the paragraph arrived.
    const base = new Y.Doc()
    Y.applyUpdate(base, Y.encodeStateAsUpdate(client.doc))
    const first = updateOn(base, (fragment) => fragment.insert(1, [paragraph('bait')]))
    Y.applyUpdate(base, first)
    const second = updateOn(base, (fragment) => fragment.insert(2, [new Y.XmlText('loose')]))
    client.send(encodeUpdate(second))
    client.send(encodeUpdate(first))
    await expectRefusedAlone(client, /text cannot be directly inside the document/, 2)
    expect(good[0].fragment.get(1)?.toString()).toBe('<paragraph>bait</paragraph>')
  })

  it('[HS10] an update that arrives before what it builds on is stored once that arrives', async () => {
    const client = await hostile()
    // A reconnecting client: a keystroke typed before its offline edit was synced.
    const base = new Y.Doc()
    Y.applyUpdate(base, Y.encodeStateAsUpdate(client.doc))
    const offline = updateOn(base, (fragment) => fragment.insert(1, [paragraph('offline')]))
    Y.applyUpdate(base, offline)
    const keystroke = updateOn(base, (fragment) =>
      ((fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(7, ' edit'),
    )
    client.send(encodeUpdate(keystroke))
    client.send(encodeUpdate(offline))
    await waitFor(
      () => good[0].fragment.get(1)?.toString() === '<paragraph>offline edit</paragraph>',
      'both reached the good clients',
    )
    expect(client.closeCode).toBeNull()
    const room = server.registry.get(briefingId)!
    await room.flushed()
    const stored = new Y.Doc()
    for (const row of await server.stores.documents.load(briefingId)) Y.applyUpdate(stored, row)
    expect(docFingerprint(stored)).toBe(docFingerprint(good[0].doc))
    client.ws.close()
  })
})
