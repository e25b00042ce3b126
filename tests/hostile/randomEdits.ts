/**
 * Random document edits for the structure property tests: trees of real and unknown nodes,
 * text with any formatting (some the schema refuses), chains nested past the limit, placed
 * anywhere, and deletions. Valid and invalid alike; the tests decide what must hold.
 */
import fc from 'fast-check'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../shared/schema/extensions'

/** A tree to insert: an element with children, or a text with formatting. */
export type Tree =
  | { kind: 'element'; name: string; attrs: Record<string, unknown>; children: Tree[] }
  | { kind: 'text'; text: string; formats: Record<string, unknown> }
  | { kind: 'chain'; name: string; depth: number }

/** One step of a run: insert a tree at a place, or delete a node. */
export type Step =
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

export const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({ tree: fc.oneof(tree, validTree), target: fc.nat(), index: fc.nat() })
      .map((s): Step => ({ kind: 'insert', ...s })),
  },
  { weight: 1, arbitrary: fc.nat().map((target): Step => ({ kind: 'delete', target })) },
)

/** A state vector naming one client nobody has: the answer is the whole document. */
export function unseenStateVector(): Uint8Array {
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
export function updateFor(base: Y.Doc, action: Step): Uint8Array | null {
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
