/**
 * [HSP] Property: random structurally valid and invalid updates, sent by a raw client to a
 * real server, never leave a briefing that fails to render. Each run opens a fresh briefing
 * and sends a few updates, each a random tree of nodes (real ones in places the schema
 * allows or not, unknown ones, text with any formatting, chains nested past the limit)
 * inserted anywhere, or a random deletion. Some are refused (the socket closes 4422, the
 * next update comes on a new one), the rest are stored. Afterwards `/content` (JSON and
 * HTML) and the Markdown export answer 200 with a document that passes the schema's check,
 * what the editor would build from the room's doc builds, and the stored document holds
 * nothing a reader has to leave out: whatever was accepted fits the schema.
 *
 * Seeded: fast-check prints the seed and path of a failure; replay it with FC_SEED=<seed>.
 */
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readDocumentBody } from '../../server/content/render'
import { encodeSyncStep1, encodeUpdate } from '../../shared/protocol/messages'
import { DOCUMENT_FRAGMENT } from '../../shared/schema/extensions'
import { briefingSchema } from '../../shared/schema/schema'
import { type RawClient, rawClient } from '../access/support'
import { startTestServer, type TestServer } from '../helpers/server'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

const SEED = Number(process.env.FC_SEED ?? 160_816)
const RUNS = Number(process.env.FC_RUNS ?? 30)

const schema = briefingSchema()

/** A tree to insert: an element with children, or a text with formatting. */
type Tree =
  | { kind: 'element'; name: string; attrs: Record<string, unknown>; children: Tree[] }
  | { kind: 'text'; text: string; formats: Record<string, unknown> }
  | { kind: 'chain'; name: string; depth: number }

/** One step of a run: insert a tree at a place, or delete a node. */
type Step =
  | { kind: 'insert'; tree: Tree; target: number; index: number }
  | { kind: 'delete'; target: number }

const ELEMENT_NAMES = [
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'codeBlock',
  'horizontalRule',
  'hardBreak',
  'sourcesList',
  'sourceQuote',
  'marquee',
]

const FORMATS: Array<[string, unknown]> = [
  ['bold', {}],
  ['italic', {}],
  ['code', {}],
  ['link', { href: 'https://example.org' }],
  ['cite', { sourceId: 's1', locator: null, citationId: 'c1' }],
  ['cite', { sourceId: 42 }],
  ['blink', true],
]

const word = fc.string({
  unit: fc.constantFrom(...'abcdefgh xyz'.split('')),
  minLength: 1,
  maxLength: 8,
})

const text: fc.Arbitrary<Tree> = fc
  .record({
    text: word,
    formats: fc.subarray(FORMATS, { maxLength: 2 }),
  })
  .map(({ text, formats }) => ({ kind: 'text', text, formats: Object.fromEntries(formats) }))

const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: text },
    {
      weight: 4,
      arbitrary: fc
        .record({
          name: fc.constantFrom(...ELEMENT_NAMES),
          level: fc.constantFrom(undefined, 1, 2, 'x'),
          children: fc.array(tie('tree'), { maxLength: 3 }),
        })
        .map(
          ({ name, level, children }): Tree => ({
            kind: 'element',
            name,
            attrs: level === undefined ? {} : { level },
            children,
          }),
        ),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({
          name: fc.constantFrom('blockquote', 'bulletList'),
          depth: fc.integer({ min: 15, max: 30 }),
        })
        .map(({ name, depth }): Tree => ({ kind: 'chain', name, depth })),
    },
  ),
})).tree

/** Well-formed trees the editor itself writes, so runs also build up real documents. */
const validTree: fc.Arbitrary<Tree> = fc.oneof(
  word.map(
    (value): Tree => ({
      kind: 'element',
      name: 'paragraph',
      attrs: {},
      children: [{ kind: 'text', text: value, formats: {} }],
    }),
  ),
  word.map(
    (value): Tree => ({
      kind: 'element',
      name: 'bulletList',
      attrs: {},
      children: [
        {
          kind: 'element',
          name: 'listItem',
          attrs: {},
          children: [
            {
              kind: 'element',
              name: 'paragraph',
              attrs: {},
              children: [{ kind: 'text', text: value, formats: { bold: {} } }],
            },
          ],
        },
      ],
    }),
  ),
)

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({ tree: fc.oneof(tree, validTree), target: fc.nat(), index: fc.nat() })
      .map((s): Step => ({ kind: 'insert', ...s })),
  },
  { weight: 1, arbitrary: fc.nat().map((target): Step => ({ kind: 'delete', target })) },
)

/** A state vector naming one client nobody has: the answer is the whole document. */
function unseenStateVector(): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('probe').set('x', 1)
  return Y.encodeStateVector(doc)
}

/** The Yjs types for a tree (not yet part of any document). */
function build(node: Tree): Y.XmlElement | Y.XmlText {
  if (node.kind === 'text') {
    const text = new Y.XmlText()
    text.insert(0, node.text, node.formats)
    return text
  }
  if (node.kind === 'chain') {
    let inner: Y.XmlElement = build({
      kind: 'element',
      name: 'paragraph',
      attrs: {},
      children: [{ kind: 'text', text: 'deep', formats: {} }],
    }) as Y.XmlElement
    for (let level = 0; level < node.depth; level++) {
      const wrapper = new Y.XmlElement(node.name)
      if (node.name === 'bulletList') {
        const item = new Y.XmlElement('listItem')
        item.insert(0, [inner])
        wrapper.insert(0, [item])
      } else wrapper.insert(0, [inner])
      inner = wrapper
    }
    return inner
  }
  const element = new Y.XmlElement(node.name)
  for (const [key, value] of Object.entries(node.attrs)) element.setAttribute(key, value as string)
  element.insert(0, node.children.map(build))
  return element
}

/** Every place a tree can go: the document body and each element in it. */
function containers(doc: Y.Doc): Y.XmlFragment[] {
  const found: Y.XmlFragment[] = [doc.getXmlFragment(DOCUMENT_FRAGMENT)]
  for (let i = 0; i < found.length; i++) {
    for (const child of found[i]!.toArray()) if (child instanceof Y.XmlElement) found.push(child)
  }
  return found
}

/** The update a step makes to the document `base` holds. */
function updateFor(base: Y.Doc, action: Step): Uint8Array | null {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(doc)
  const places = containers(doc)
  if (action.kind === 'insert') {
    const parent = places[action.target % places.length]!
    parent.insert(action.index % (parent.length + 1), [build(action.tree)])
  } else {
    if (places.length < 2) return null
    const victim = places[1 + (action.target % (places.length - 1))] as Y.XmlElement
    const parent = victim.parent as Y.XmlFragment
    parent.delete(parent.toArray().indexOf(victim), 1)
  }
  return Y.encodeStateAsUpdate(doc, before)
}

describe('random updates never leave a briefing that fails to render', () => {
  let server: TestServer
  let owner: TestUser

  beforeAll(async () => {
    server = await startTestServer()
    owner = await signUp(server.url, { name: 'Fuzzer' })
  })

  afterAll(async () => {
    await server.close()
  })

  async function join(url: string): Promise<RawClient> {
    const client = rawClient(url)
    expect(await client.outcome).toBe('open')
    await client.barrier()
    return client
  }

  /**
   * Resolves once the server handled everything sent so far: it answered a sync step 1 sent
   * now (which also brings the client's replica up to date), or it closed the socket.
   */
  async function settled(client: RawClient): Promise<void> {
    const answers = () => client.received.filter((f) => f[0] === 0 && f[1] === 1).length
    const before = answers()
    client.send(encodeSyncStep1(unseenStateVector()))
    await waitFor(() => client.closeCode !== null || answers() > before, 'handled or refused')
  }

  /** Checks the briefing as stored, once its room has unloaded (as after a restart). */
  async function expectRenders(briefingId: string): Promise<void> {
    await waitFor(() => server.registry.get(briefingId) === undefined, 'room unloaded')
    const json = await owner.api(`/api/briefings/${briefingId}/content?format=json`)
    expect(json.status).toBe(200)
    expect(json.headers.get('x-content-warnings')).toBeNull()
    schema.nodeFromJSON(await json.json()).check()
    const html = await owner.api(`/api/briefings/${briefingId}/content?format=html`)
    expect(html.status).toBe(200)
    const md = await owner.api(`/api/briefings/${briefingId}/export?format=md`)
    expect(md.status).toBe(200)

    const stored = new Y.Doc()
    for (const row of await server.stores.documents.load(briefingId)) Y.applyUpdate(stored, row)
    expect(readDocumentBody(stored, schema).dropped).toEqual([])
    // What the editor builds from it (y-prosemirror; it rewrites what it cannot build, so on
    // a copy): before, text under the document made it throw and the page stayed blank.
    yXmlFragmentToProseMirrorRootNode(stored.getXmlFragment(DOCUMENT_FRAGMENT), schema)
  }

  it('[HSP1] holds for random sequences of valid and invalid updates', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        const briefingId = await createBriefingAs(owner)
        const url = `${server.wsUrl}/${briefingId}?token=${await collabToken(owner, briefingId)}`
        let client = await join(url)
        try {
          for (const action of steps) {
            if (client.closeCode !== null) client = await join(url)
            const update = updateFor(client.doc, action)
            if (!update) continue
            client.send(encodeUpdate(update))
            await settled(client)
            if (client.closeCode !== null) continue
            // Stored: ask again, so the next step builds on it.
            await server.registry.get(briefingId)!.flushed()
            await settled(client)
          }
        } finally {
          client.ws.close()
        }
        await expectRenders(briefingId)
      }),
      { seed: SEED, numRuns: RUNS },
    )
  })
})
