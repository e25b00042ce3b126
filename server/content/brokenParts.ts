/**
 * Finds the parts of a briefing's body that readers leave out (see readBody.ts for what they
 * are and why), without building the document: a room runs this on every load, before
 * anyone may join, so it must cost little next to applying the stored log. On the cold-load
 * benchmark's briefing (260,000 edits, 690 KB), in a fresh process: 10-19 ms, where
 * readBody takes 95-106 ms and applying the log 300 ms. It reports exactly what readBody
 * leaves out (tests/hostile/repair.properties.test.ts holds it to that).
 */
import type { NodeType } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../shared/schema/extensions'
import type { StructureRules } from '../../shared/schema/structure'
import type { DroppedPart } from './readBody'

/** The parts of `doc`'s body readers leave out, each with the item that holds it. */
export function brokenParts(doc: Y.Doc, rules: StructureRules): DroppedPart[] {
  // A briefing nobody has written in has no body yet; asking for it would make one.
  if (!doc.share.has(DOCUMENT_FRAGMENT)) return []
  const finder = new Finder(rules)
  finder.children(doc.getXmlFragment(DOCUMENT_FRAGMENT), rules.schema.topNodeType, 0)
  return finder.broken
}

class Finder {
  readonly broken: DroppedPart[] = []

  constructor(private readonly rules: StructureRules) {}

  /**
   * The node types a child list shows, reporting what it leaves out. Recursion stops at the
   * nesting limit, so it never goes deeper than that, whatever is stored.
   */
  children(list: Y.XmlFragment, parent: NodeType, depth: number): NodeType[] {
    const shown: NodeType[] = []
    const text = this.rules.schema.nodes.text!
    for (let item = list._start; item !== null; item = item.right) {
      if (item.deleted || !item.countable) continue
      const type = item.content instanceof Y.ContentType ? item.content.type : null
      if (type instanceof Y.XmlText) {
        if (!this.rules.mayContain(parent, text)) {
          this.drop(item, 'refused', `text was directly inside ${this.rules.describe(parent)}`)
        } else if (this.text(type, parent)) shown.push(text)
      } else if (type instanceof Y.XmlElement) {
        const node = this.element(type, item, parent, depth + 1)
        if (node) shown.push(node)
      } else {
        this.drop(item, 'refused', `${this.rules.describe(parent)} held something not a node`)
      }
    }
    return shown
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
    if (type.spec.attrs) {
      try {
        this.rules.checkAttrs(type, el.getAttributes())
      } catch {
        return this.drop(item, 'refused', `a "${type.name}" node had invalid attributes`)
      }
    }
    let match: ReturnType<NodeType['contentMatch']['matchType']> = type.contentMatch
    for (const child of this.children(el, type, depth)) match = match?.matchType(child) ?? null
    if (!match?.validEnd) {
      const message = `a "${type.name}" node was left without the content it needs`
      return this.drop(item, 'incomplete', message)
    }
    return type
  }

  /** Reports what a text in an element of type `parent` leaves out; whether it shows text. */
  private text(text: Y.XmlText, parent: NodeType): boolean {
    let shows = false
    for (let item = text._start; item !== null; item = item.right) {
      if (item.deleted) continue
      const content = item.content
      if (content instanceof Y.ContentString) shows ||= content.str.length > 0
      else if (content instanceof Y.ContentFormat) this.format(content, item, parent)
      else if (item.countable) this.drop(item, 'refused', 'text held an embedded value')
    }
    return shows
  }

  private format(format: Y.ContentFormat, item: Y.Item, parent: NodeType): void {
    if (format.value === null) return
    try {
      const mark = this.rules.markFor(format.key, format.value)
      if (!parent.allowsMarkType(mark.type)) {
        const message = `"${mark.type.name}" formatting was inside "${parent.name}", which allows none`
        this.drop(item, 'refused', message)
      }
    } catch {
      const message = `formatting "${format.key.slice(0, 40)}" is not valid`
      this.drop(item, 'refused', message)
    }
  }

  private drop(item: Y.Item, kind: DroppedPart['kind'], message: string): null {
    this.broken.push({ kind, message, id: item.id, length: item.length })
    return null
  }
}
