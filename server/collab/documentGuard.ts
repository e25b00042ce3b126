/**
 * Refuses client updates that would leave the briefing's structure outside the schema,
 * before they are stored, as the read-only check refuses a viewer's edit. A raw update could
 * put text straight under the document, a list item inside a paragraph, or 3,000 nested
 * blockquotes: stored, every editor showed an empty page and every export failed, for good.
 *
 * What is checked is what the sender decides alone: that each node, text or formatting it
 * adds is allowed where it goes (in the parent's content expression, wherever its position),
 * that no element nests deeper than the limit, and that the attributes it sets (of nodes,
 * and of formatting) pass the schema's validators, and that a portion mark is one of the
 * briefing's scheme (portionMarkCheck.ts). Not checked is the order and count of a
 * node's children: two people's valid concurrent edits can merge into, say, an empty
 * blockquote (each deleted one of its two paragraphs), so refusing that would close honest
 * clients. The editor (y-prosemirror) leaves such a node out and deletes it, and readers
 * leave it out the same way (server/content/readBody.ts).
 *
 * An update is judged against the room's doc plus the updates accepted but not yet applied
 * (still on their way to the store): a client's next keystroke refers to its last one. One
 * that builds on content the room does not have at all cannot be judged yet; the room holds
 * it back until that content arrives (parkedUpdates.ts). A client that reconnects sends such
 * updates: a keystroke typed before its offline edits have been synced refers to them.
 * Where each item lands is worked out by itemPlaces.ts; this file holds what is allowed.
 */

import type { MarkType, NodeType } from '@tiptap/pm/model'
import * as Y from 'yjs'
import type { StructureRules } from '../../shared/schema/structure'
import { InvalidContentError } from './errors'
import { ItemPlaces, type Located, MissingContent, type PlacedRange } from './itemPlaces'
import { PortionMarkCheck } from './portionMarkCheck'

/** What an accepted update added, remembered until it has been applied to the doc. */
export interface Accepted {
  readonly ranges: readonly PlacedRange[]
}

export class DocumentGuard {
  private readonly places: ItemPlaces
  private readonly portionMarks: PortionMarkCheck

  constructor(
    private readonly rules: StructureRules,
    doc: Y.Doc,
  ) {
    this.places = new ItemPlaces(rules, doc)
    this.portionMarks = new PortionMarkCheck(doc)
  }

  /**
   * Throws InvalidContentError naming the first thing the update adds where the schema does
   * not allow it. Returns what it adds, to pass to `hold` once it is queued for the store;
   * null when it builds on content neither the doc nor an update in flight holds.
   */
  check(structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip>): Accepted | null {
    try {
      return this.judge(structs)
    } catch (err) {
      if (err instanceof MissingContent) return null
      throw err
    }
  }

  private judge(structs: ReadonlyArray<Y.Item | Y.GC | Y.Skip>): Accepted {
    const ranges: PlacedRange[] = []
    const created = new NewElements()
    for (const [struct, at] of this.places.placeUpdate(structs)) {
      this.assertAllowed(struct, at)
      this.noteAttributes(struct, at, created)
      ranges.push({ client: struct.id.client, clock: struct.id.clock, length: struct.length, at })
    }
    for (const [type, attrs] of created.all()) this.assertAttrs(type, attrs)
    return { ranges }
  }

  /**
   * Checks an attribute set on an element already in the document at once; collects those
   * of elements the update adds (and the elements), to check their attributes as a whole.
   */
  private noteAttributes(item: Y.Item, at: Located, created: NewElements): void {
    const { place } = at
    if (place.kind !== 'body') return
    if (!at.entry) {
      if (item.content instanceof Y.ContentType && at.inner.kind === 'body') {
        created.element(item, at.inner.node)
      }
      return
    }
    if (place.node === this.rules.schema.topNodeType || item.content instanceof Y.ContentDeleted) {
      return
    }
    const values = item.content.getContent()
    const value = values[values.length - 1]
    const key = at.key ?? item.parentSub!
    if (at.holder) {
      created.attribute(at.holder, key, value)
      return
    }
    try {
      this.rules.checkAttr(place.node, key, value)
      this.portionMarks.checkAttr(place.node, key, value)
    } catch (err) {
      throw new InvalidContentError(`a "${place.node.name}" node: ${messageOf(err)}`)
    }
  }

  private assertAttrs(type: NodeType, attrs: Record<string, unknown>): void {
    try {
      this.rules.checkAttrs(type, attrs)
      this.portionMarks.checkAttrs(type, attrs)
    } catch (err) {
      throw new InvalidContentError(`a "${type.name}" node: ${messageOf(err)}`)
    }
  }

  /** Remembers an accepted update until `release`: later updates may build on it. */
  hold(accepted: Accepted): void {
    this.places.hold(accepted.ranges)
  }

  /** Forgets an update once it is in the doc (or was never stored). */
  release(accepted: Accepted): void {
    this.places.release(accepted.ranges)
  }

  /** Throws unless the schema allows what `item` adds where it goes. */
  private assertAllowed(item: Y.Item, at: Located): void {
    const { place } = at
    if (at.entry || place.kind === 'elsewhere' || place.kind === 'discarded') return
    const content = item.content
    if (content instanceof Y.ContentDeleted) return
    if (place.kind === 'text') {
      if (content instanceof Y.ContentString) return
      if (content instanceof Y.ContentFormat) {
        this.assertFormat(content, place.node)
        return
      }
      throw new InvalidContentError(
        `text may hold only characters and formatting, not ${contentKind(content)}`,
      )
    }
    if (!(content instanceof Y.ContentType)) {
      throw new InvalidContentError(
        `${this.rules.describe(place.node)} may hold only nodes and text, not ${contentKind(content)}`,
      )
    }
    const type = content.type
    if (type instanceof Y.XmlElement) {
      const node = this.rules.elementType(type.nodeName)
      if (!node) {
        throw new InvalidContentError(
          `update adds a "${type.nodeName.slice(0, 40)}" node the schema does not have`,
        )
      }
      if (!this.rules.mayContain(place.node, node)) {
        throw new InvalidContentError(
          `a "${node.name}" node cannot be inside ${this.rules.describe(place.node)}`,
        )
      }
      if (place.depth + 1 > this.rules.maxDepth) {
        throw new InvalidContentError(`elements nest deeper than ${this.rules.maxDepth} levels`)
      }
    } else if (type instanceof Y.XmlText) {
      if (!this.rules.mayContain(place.node, this.rules.schema.nodes.text!)) {
        throw new InvalidContentError(
          `text cannot be directly inside ${this.rules.describe(place.node)}`,
        )
      }
    } else {
      throw new InvalidContentError(
        `${this.rules.describe(place.node)} may hold only nodes and text, not ${contentKind(content)}`,
      )
    }
  }

  private assertFormat(format: Y.ContentFormat, node: NodeType): void {
    // Removing formatting (null) is always allowed; it is how a mark ends.
    if (format.value === null) return
    let mark: MarkType
    try {
      mark = this.rules.markFor(format.key, format.value).type
    } catch (err) {
      throw new InvalidContentError(`update formats text badly: ${messageOf(err)}`)
    }
    if (!node.allowsMarkType(mark)) {
      throw new InvalidContentError(
        `"${mark.name}" formatting is not allowed in ${this.rules.describe(node)}`,
      )
    }
  }
}

function messageOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 160)
}

/** The elements an update adds, with the attributes it sets on them. */
class NewElements {
  private readonly elements = new Map<
    Y.Item,
    { type: NodeType | null; attrs: Record<string, unknown> }
  >()

  element(item: Y.Item, type: NodeType): void {
    this.entry(item).type = type
  }

  /** Sets in clock order, so a later set of the same key wins, as it does in the map. */
  attribute(element: Y.Item, key: string, value: unknown): void {
    this.entry(element).attrs[key] = value
  }

  /** The elements in the document body, with their attributes. */
  all(): Array<[NodeType, Record<string, unknown>]> {
    const all: Array<[NodeType, Record<string, unknown>]> = []
    for (const { type, attrs } of this.elements.values()) if (type) all.push([type, attrs])
    return all
  }

  private entry(item: Y.Item) {
    let entry = this.elements.get(item)
    if (!entry) {
      entry = { type: null, attrs: {} }
      this.elements.set(item, entry)
    }
    return entry
  }
}

function contentKind(content: Y.Item['content']): string {
  if (content instanceof Y.ContentType) return 'a shared type'
  if (content instanceof Y.ContentString) return 'loose characters'
  if (content instanceof Y.ContentFormat) return 'loose formatting'
  if (content instanceof Y.ContentEmbed) return 'an embed'
  return 'raw values'
}
