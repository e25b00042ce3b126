/**
 * Reads a briefing's body (its Y.XmlFragment) as a ProseMirror document that always passes
 * the schema's check, whatever the Y.Doc holds. y-prosemirror's own conversion assumes a
 * well-formed tree: text straight under the document made it throw, content the schema
 * refuses made `check()` throw, and deep nesting overflowed stacks, so one bad update left
 * a briefing that no editor, `/content` or export could show.
 *
 * What does not fit is dropped and reported with the Yjs item that holds it, so the room
 * can delete it from the document itself (server/collab/loadRepair.ts): a node the schema
 * does not allow where it is, text where no text may be, elements past the nesting limit,
 * attributes their validators refuse, formatting that is unknown or not allowed in its
 * block, embedded values in text. Children in an order the content expression does not
 * allow (concurrent edits can leave a blockquote empty, or a list item without its first
 * paragraph) keep their place and get the nodes they lack, as ProseMirror's `createAndFill`
 * would add: nothing stored is dropped for that.
 *
 * For a document that is valid the result is the node y-prosemirror builds.
 */
import {
  type Attrs,
  Fragment,
  type Mark,
  type NodeType,
  type Node as PMNode,
} from '@tiptap/pm/model'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../shared/schema/extensions'
import type { StructureRules } from '../../shared/schema/structure'

/** One part of the stored document the read dropped. */
export interface DroppedPart {
  /** What was dropped and why, for logs and warnings. */
  message: string
  /** The Yjs item holding it: deleting this range drops it from the document. */
  id: Y.ID
  length: number
}

export interface BodyRead {
  node: PMNode
  dropped: DroppedPart[]
}

/** A node read from the Y.Doc, with the item it came from (for dropping it). */
interface Read {
  node: PMNode
  item: Y.Item
}

/** Reads the document body of `doc` (see the file comment). */
export function readBody(doc: Y.Doc, rules: StructureRules): BodyRead {
  const reader = new BodyReader(rules)
  const top = rules.schema.topNodeType
  const children = reader.children(doc.getXmlFragment(DOCUMENT_FRAGMENT), top, 0)
  // A briefing nobody has typed in has an empty fragment: it reads as the empty document
  // the editor shows (one empty paragraph).
  const node = reader.fitted(top, null, children)
  // Everything above keeps the schema by construction; a failure here is a bug, not data.
  node.check()
  return { node, dropped: reader.dropped }
}

class BodyReader {
  readonly dropped: DroppedPart[] = []

  constructor(private readonly rules: StructureRules) {}

  /** The nodes of a fragment's or element's child list, each allowed in `parent`. */
  children(list: Y.XmlFragment, parent: NodeType, depth: number): Read[] {
    const read: Read[] = []
    // The item list rather than toArray(): dropped parts are reported by their items.
    for (let item = list._start; item !== null; item = item.right) {
      if (item.deleted || !item.countable) continue
      const content = item.content
      if (!(content instanceof Y.ContentType)) {
        this.drop(item, `${this.rules.describe(parent)} held a raw value instead of a node`)
        continue
      }
      const type = content.type
      if (type instanceof Y.XmlText) {
        if (this.rules.mayContain(parent, this.rules.schema.nodes.text!)) {
          read.push(...this.text(type, parent))
        } else {
          this.drop(item, `text was directly inside ${this.rules.describe(parent)}`)
        }
      } else if (type instanceof Y.XmlElement) {
        const element = this.element(type, item, parent, depth + 1)
        if (element) read.push(element)
      } else {
        this.drop(item, `${this.rules.describe(parent)} held a shared type that is not a node`)
      }
    }
    return read
  }

  private element(el: Y.XmlElement, item: Y.Item, parent: NodeType, depth: number): Read | null {
    const type = this.rules.elementType(el.nodeName)
    if (!type) return this.drop(item, `unknown node "${el.nodeName.slice(0, 40)}"`)
    if (!this.rules.mayContain(parent, type)) {
      return this.drop(item, `a "${type.name}" node was inside ${this.rules.describe(parent)}`)
    }
    if (depth > this.rules.maxDepth) {
      return this.drop(item, `elements nested deeper than ${this.rules.maxDepth} levels`)
    }
    const children = this.children(el, type, depth)
    try {
      const attrs = el.getAttributes() as Attrs
      this.rules.checkAttrs(type, attrs)
      return { node: this.fitted(type, attrs, children), item }
    } catch (err) {
      return this.drop(item, `a "${type.name}" node had invalid attributes (${messageOf(err)})`)
    }
  }

  /**
   * The node of `type` holding `children` in order, with the nodes its content expression
   * requires around them added; a child that cannot fit at all is dropped.
   */
  fitted(type: NodeType, attrs: Attrs | null, children: readonly Read[]): PMNode {
    const content: PMNode[] = []
    let match = type.contentMatch
    for (const child of children) {
      let next = match.matchType(child.node.type)
      if (!next) {
        const filler = match.fillBefore(Fragment.from(child.node))
        next = (filler && match.matchFragment(filler)?.matchType(child.node.type)) ?? null
        if (!next || !filler) {
          this.drop(child.item, `a "${child.node.type.name}" node did not fit in "${type.name}"`)
          continue
        }
        content.push(...filler.content)
      }
      content.push(child.node)
      match = next
    }
    content.push(...(match.fillBefore(Fragment.empty, true)?.content ?? []))
    return type.create(attrs, content)
  }

  /** The text nodes of a Y.XmlText in an element of type `parent`. */
  private text(text: Y.XmlText, parent: NodeType): Read[] {
    const read: Read[] = []
    const formats = new Map<string, { value: unknown; item: Y.Item }>()
    for (let item = text._start; item !== null; item = item.right) {
      if (item.deleted) continue
      const content = item.content
      if (content instanceof Y.ContentFormat) {
        if (content.value === null) formats.delete(content.key)
        else formats.set(content.key, { value: content.value, item })
      } else if (content instanceof Y.ContentString) {
        if (content.str.length === 0) continue
        const marks = this.marks(formats, parent)
        read.push({ node: this.rules.schema.text(content.str, marks), item })
      } else if (item.countable) {
        this.drop(item, 'text held an embedded value')
      }
    }
    return read
  }

  /** The marks the current formatting gives, dropping (once) formatting that cannot be. */
  private marks(formats: Map<string, { value: unknown; item: Y.Item }>, parent: NodeType) {
    let marks: readonly Mark[] = []
    for (const [key, { value, item }] of formats) {
      let mark: Mark
      try {
        mark = this.rules.markFor(key, value)
      } catch (err) {
        this.drop(item, `formatting "${key.slice(0, 40)}" is not valid (${messageOf(err)})`)
        formats.delete(key)
        continue
      }
      if (!parent.allowsMarkType(mark.type)) {
        this.drop(
          item,
          `"${mark.type.name}" formatting was inside "${parent.name}", which allows none`,
        )
        formats.delete(key)
        continue
      }
      marks = mark.addToSet(marks)
    }
    return marks
  }

  private drop(item: Y.Item, message: string): null {
    this.dropped.push({ message, id: item.id, length: item.length })
    return null
  }
}

function messageOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 200)
}
