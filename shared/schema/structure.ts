/**
 * The structural rules of a briefing beyond node and mark names: which nodes may sit in
 * which, and how deep elements may nest. The server refuses updates that break them
 * (server/collab/documentGuard.ts) and drops what breaks them when it reads a document
 * (server/content/readBody.ts), so both judge by the same rules.
 */
import type { Attrs, Mark, MarkType, NodeType, Schema } from '@tiptap/pm/model'

/**
 * Deepest nesting of elements: a paragraph in a list item in a bullet list at the top is at
 * depth 3, so 20 allows lists nested nine levels deep, as Word and Google Docs do. Thousands
 * of levels made every editor show an empty page and every export fail; the PDF typesetter
 * itself gives up near 28 (its show-rule depth). Past the limit content is refused, and
 * dropped where already stored.
 */
export const MAX_NESTING_DEPTH = 20

/** The structural rules of one schema, computed once. */
export class StructureRules {
  private readonly children = new Map<NodeType, ReadonlySet<NodeType>>()

  constructor(
    readonly schema: Schema,
    readonly maxDepth: number = MAX_NESTING_DEPTH,
  ) {}

  /** The node types that may appear anywhere in `parent`'s content expression. */
  allowedChildren(parent: NodeType): ReadonlySet<NodeType> {
    let allowed = this.children.get(parent)
    if (!allowed) {
      allowed = reachableTypes(parent)
      this.children.set(parent, allowed)
    }
    return allowed
  }

  /** Whether `child` may appear somewhere inside `parent` (its position aside). */
  mayContain(parent: NodeType, child: NodeType): boolean {
    return this.allowedChildren(parent).has(child)
  }

  /** The schema's node type for an element name; null for unknown names and non-elements. */
  elementType(name: string): NodeType | null {
    const type = this.schema.nodes[name]
    return type && !type.isText && type !== this.schema.topNodeType ? type : null
  }

  /**
   * The schema's mark type for a formatting key. y-prosemirror names overlapping marks
   * `name--hash`; the schema knows only `name`.
   */
  markType(key: string): MarkType | null {
    const cut = key.indexOf('--')
    return this.schema.marks[cut === -1 ? key : key.slice(0, cut)] ?? null
  }

  /**
   * Throws a RangeError unless `attrs` (what is stored; the rest takes its default) pass the
   * type's attribute validators, as ProseMirror's `check()` would.
   */
  checkAttrs(type: NodeType | MarkType, attrs: Attrs): void {
    const specs = type.spec.attrs ?? {}
    for (const name of Object.keys(specs)) {
      const spec = specs[name]!
      const given = Object.hasOwn(attrs, name)
      if (!given && !Object.hasOwn(spec, 'default')) {
        throw new RangeError(`${type.name} needs a "${name}" attribute`)
      }
      validate(type, name, spec.validate, given ? attrs[name] : spec.default)
    }
  }

  /** Throws a RangeError unless one stored attribute passes its validator. */
  checkAttr(type: NodeType, name: string, value: unknown): void {
    const spec = type.spec.attrs?.[name]
    // An attribute the schema does not have is ignored by every reader.
    if (spec) validate(type, name, spec.validate, value)
  }

  /** The mark a formatting key and value stand for; throws a RangeError if there is none. */
  markFor(key: string, value: unknown): Mark {
    const type = this.markType(key)
    if (!type) throw new RangeError(`unknown formatting "${key.slice(0, 40)}"`)
    const attrs = typeof value === 'object' && value !== null ? (value as Attrs) : {}
    this.checkAttrs(type, attrs)
    return type.create(attrs)
  }

  /** How a message names a node type: "the document" or `a "heading" node`. */
  describe(type: NodeType): string {
    return type === this.schema.topNodeType ? 'the document' : `a "${type.name}" node`
  }
}

function validate(
  type: NodeType | MarkType,
  name: string,
  validator: string | ((value: unknown) => void) | undefined,
  value: unknown,
): void {
  if (typeof validator === 'function') validator(value)
  else if (typeof validator === 'string') {
    const actual = value === null ? 'null' : typeof value
    if (!validator.split('|').includes(actual)) {
      throw new RangeError(`attribute "${name}" of ${type.name} must be ${validator}`)
    }
  }
}

/** Every node type some path through `type`'s content expression can match. */
function reachableTypes(type: NodeType): Set<NodeType> {
  const types = new Set<NodeType>()
  const seen = new Set([type.contentMatch])
  const queue = [type.contentMatch]
  for (let match = queue.pop(); match; match = queue.pop()) {
    for (let i = 0; i < match.edgeCount; i++) {
      const { type: next, next: state } = match.edge(i)
      types.add(next)
      if (!seen.has(state)) {
        seen.add(state)
        queue.push(state)
      }
    }
  }
  return types
}
