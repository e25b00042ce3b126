/**
 * Reads a briefing's body (its Y.XmlFragment) as a ProseMirror document that always passes
 * the schema's check, whatever the Y.Doc holds. y-prosemirror's own conversion assumes a
 * well-formed tree: text straight under the document made it throw, and deep nesting
 * overflowed stacks, so one bad update left a briefing that no editor, `/content` or export
 * could show.
 *
 * What does not fit is left out and reported with the Yjs item that holds it, so the room
 * can delete it from the document itself (server/collab/loadRepair.ts). Two kinds:
 * - `refused`: what the server now refuses in an update (server/collab/documentGuard.ts):
 *   a node the schema does not allow where it is, text where no text may be, elements past
 *   the nesting limit, attributes their validators refuse, formatting that is unknown or not
 *   allowed in its block (only the formatting goes), embedded values in text;
 * - `incomplete`: an element whose remaining children do not make up valid content, such as
 *   a blockquote whose paragraphs two people deleted at once. The editor (y-prosemirror)
 *   drops such an element too, and deletes it from the document when it shows it; readers
 *   leave it out the same way, so the server shows what the editor shows.
 * For a document with neither, the result is the node y-prosemirror builds.
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

/** One part of the stored document the read left out. */
export interface DroppedPart {
  /** `refused`: the server refuses such content now; `incomplete`: see the file comment. */
  kind: 'refused' | 'incomplete'
  /** What was left out and why, for logs and warnings. */
  message: string
  /** The Yjs item holding it: deleting this range drops it from the document. */
  id: Y.ID
  length: number
}

export interface BodyRead {
  node: PMNode
  dropped: DroppedPart[]
}

/** Reads the document body of `doc` (see the file comment). */
export function readBody(doc: Y.Doc, rules: StructureRules): BodyRead {
  const reader = new BodyReader(rules)
  const top = rules.schema.topNodeType
  const children = reader.children(doc.getXmlFragment(DOCUMENT_FRAGMENT), top, 0)
  // A briefing nobody has typed in has an empty fragment: it reads as the empty document
  // the editor shows (one empty paragraph).
  const node =
    children.length === 0 ? top.createAndFill()! : top.create(null, Fragment.fromArray(children))
  // Everything above keeps the schema by construction; a failure here is a bug, not data.
  node.check()
  return { node, dropped: reader.dropped }
}

class BodyReader {
  readonly dropped: DroppedPart[] = []

  constructor(private readonly rules: StructureRules) {}

  /**
   * The nodes of a fragment's or element's child list, each allowed in `parent`. Recursion
   * stops at the nesting limit, so it never goes deeper than that, whatever is stored.
   */
  children(list: Y.XmlFragment, parent: NodeType, depth: number): PMNode[] {
    const read: PMNode[] = []
    // The item list rather than toArray(): dropped parts are reported by their items.
    for (let item = list._start; item !== null; item = item.right) {
      if (item.deleted || !item.countable) continue
      const type = item.content instanceof Y.ContentType ? item.content.type : null
      if (type instanceof Y.XmlText) {
        if (this.rules.mayContain(parent, this.rules.schema.nodes.text!)) {
          read.push(...this.text(type, parent))
        } else {
          this.drop(item, 'refused', `text was directly inside ${this.rules.describe(parent)}`)
        }
      } else if (type instanceof Y.XmlElement) {
        const element = this.element(type, item, parent, depth + 1)
        if (element) read.push(element)
      } else {
        this.drop(item, 'refused', `${this.rules.describe(parent)} held something not a node`)
      }
    }
    return read
  }

  private element(el: Y.XmlElement, item: Y.Item, parent: NodeType, depth: number) {
    const type = this.rules.elementType(el.nodeName)
    if (!type) return this.drop(item, 'refused', `unknown node "${el.nodeName.slice(0, 40)}"`)
    if (!this.rules.mayContain(parent, type)) {
      const where = this.rules.describe(parent)
      return this.drop(item, 'refused', `a "${type.name}" node was inside ${where}`)
    }
    if (depth > this.rules.maxDepth) {
      const message = `elements nested deeper than ${this.rules.maxDepth} levels`
      return this.drop(item, 'refused', message)
    }
    const attrs = el.getAttributes() as Attrs
    try {
      this.rules.checkAttrs(type, attrs)
    } catch (err) {
      const message = `a "${type.name}" node had invalid attributes (${messageOf(err)})`
      return this.drop(item, 'refused', message)
    }
    const content = Fragment.fromArray(this.children(el, type, depth))
    if (!type.validContent(content)) {
      const message = `a "${type.name}" node was left without the content it needs`
      return this.drop(item, 'incomplete', message)
    }
    return type.create(attrs, content)
  }

  /** The text nodes of a Y.XmlText in an element of type `parent`. */
  private text(text: Y.XmlText, parent: NodeType): PMNode[] {
    const read: PMNode[] = []
    // The formatting in force, by key, as Y.Text's own delta has it.
    const formats = new Map<string, Mark>()
    for (let item = text._start; item !== null; item = item.right) {
      if (item.deleted) continue
      const content = item.content
      if (content instanceof Y.ContentFormat) {
        const mark = content.value === null ? null : this.mark(content, item, parent)
        if (mark) formats.set(content.key, mark)
        else formats.delete(content.key)
      } else if (content instanceof Y.ContentString) {
        if (content.str.length === 0) continue
        let marks: readonly Mark[] = []
        for (const mark of formats.values()) marks = mark.addToSet(marks)
        read.push(this.rules.schema.text(content.str, marks))
      } else if (item.countable) {
        this.drop(item, 'refused', 'text held an embedded value')
      }
    }
    return read
  }

  /** The mark a formatting item sets; null (and dropped) when it cannot be. */
  private mark(format: Y.ContentFormat, item: Y.Item, parent: NodeType): Mark | null {
    let mark: Mark
    try {
      mark = this.rules.markFor(format.key, format.value)
    } catch (err) {
      const message = `formatting "${format.key.slice(0, 40)}" is not valid (${messageOf(err)})`
      return this.drop(item, 'refused', message)
    }
    if (!parent.allowsMarkType(mark.type)) {
      const message = `"${mark.type.name}" formatting was inside "${parent.name}", which allows none`
      return this.drop(item, 'refused', message)
    }
    return mark
  }

  private drop(item: Y.Item, kind: DroppedPart['kind'], message: string): null {
    this.dropped.push({ kind, message, id: item.id, length: item.length })
    return null
  }
}

function messageOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 200)
}
