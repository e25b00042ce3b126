/**
 * A plain-data description of a ProseMirror schema, so two schemas can be compared with
 * `toEqual` and a difference shows up as a readable diff. It covers everything that decides
 * which documents are valid and how they parse and render: content expressions, groups,
 * flags, attributes with defaults, parse/render rules (functions by their source text), and
 * the HTML each node and mark renders to with default attributes. Tiptap wraps every rule in
 * the same generic closure, so the rendered sample is what catches a changed render function.
 */
import {
  DOMSerializer,
  type MarkSpec,
  type MarkType,
  type NodeSpec,
  type NodeType,
  type Schema,
} from '@tiptap/pm/model'
import { parseHTML } from 'linkedom'

export interface SchemaFingerprint {
  topNode: string
  nodes: Record<string, Record<string, unknown>>
  marks: Record<string, Record<string, unknown>>
}

/** Describes `schema` as plain data. */
export function schemaFingerprint(schema: Schema): SchemaFingerprint {
  const serializer = DOMSerializer.fromSchema(schema)
  const { document } = parseHTML('<!doctype html><html><body></body></html>')
  const nodes: SchemaFingerprint['nodes'] = {}
  for (const [name, type] of Object.entries(schema.nodes)) {
    nodes[name] = { ...nodeFingerprint(type.spec), html: renderNode(type, serializer, document) }
  }
  const marks: SchemaFingerprint['marks'] = {}
  for (const [name, type] of Object.entries(schema.marks)) {
    marks[name] = { ...markFingerprint(type.spec), html: renderMark(type, serializer, document) }
  }
  return { topNode: schema.topNodeType.name, nodes, marks }
}

// linkedom's Document is structurally a DOM Document; ProseMirror only calls createElement on it.
type SerializeOptions = { document: Document }

function renderNode(type: NodeType, serializer: DOMSerializer, document: unknown): string | null {
  // Text renders as itself; the top node has no toDOM of its own.
  if (type.isText || !type.spec.toDOM) return null
  const node = type.createAndFill()
  if (!node) return '<cannot be created with default attributes>'
  const options: SerializeOptions = { document: document as Document }
  return (serializer.serializeNode(node, options) as HTMLElement).outerHTML
}

function renderMark(type: MarkType, serializer: DOMSerializer, document: unknown): string {
  const text = type.schema.text('x', [type.create()])
  const options: SerializeOptions = { document: document as Document }
  return (serializer.serializeNode(text, options) as HTMLElement).outerHTML
}

function nodeFingerprint(spec: NodeSpec): Record<string, unknown> {
  return {
    content: spec.content ?? '',
    group: spec.group ?? '',
    marks: spec.marks ?? null,
    inline: spec.inline ?? false,
    atom: spec.atom ?? false,
    selectable: spec.selectable ?? null,
    draggable: spec.draggable ?? false,
    code: spec.code ?? false,
    whitespace: spec.whitespace ?? null,
    defining: spec.defining ?? false,
    definingAsContext: spec.definingAsContext ?? null,
    definingForContent: spec.definingForContent ?? null,
    isolating: spec.isolating ?? false,
    attrs: attrsFingerprint(spec.attrs),
    parseDOM: plain(spec.parseDOM ?? []),
    toDOM: plain(spec.toDOM ?? null),
  }
}

function markFingerprint(spec: MarkSpec): Record<string, unknown> {
  return {
    group: spec.group ?? '',
    inclusive: spec.inclusive ?? null,
    excludes: spec.excludes ?? null,
    spanning: spec.spanning ?? null,
    code: spec.code ?? false,
    attrs: attrsFingerprint(spec.attrs),
    parseDOM: plain(spec.parseDOM ?? []),
    toDOM: plain(spec.toDOM ?? null),
  }
}

function attrsFingerprint(attrs: NodeSpec['attrs']): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [name, attr] of Object.entries(attrs ?? {})) {
    result[name] = {
      // A required attribute and one defaulting to undefined are different schemas.
      default: 'default' in attr ? plain(attr.default) : '<required>',
      validate: plain(attr.validate ?? null),
    }
  }
  return result
}

// Functions become their source text so a changed parse or render rule is a visible diff.
function plain(value: unknown): unknown {
  if (typeof value === 'function') return `function ${value.toString()}`
  if (Array.isArray(value)) return value.map(plain)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]))
  }
  return value
}
