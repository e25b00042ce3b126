/**
 * Reads a briefing's live Y.Doc as ProseMirror JSON or HTML, through the shared schema, so
 * the server sees exactly the document the editor shows.
 */
import { DOMSerializer, type Node as PMNode, type Schema } from '@tiptap/pm/model'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { parseHTML } from 'linkedom'
import type * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../shared/schema/extensions'

/**
 * The document as a ProseMirror node, validated against the schema. A briefing nobody has
 * typed in yet has an empty fragment, which the schema's `block+` does not allow; it reads
 * as the empty document the editor shows (one empty paragraph).
 */
export function docToNode(doc: Y.Doc, schema: Schema): PMNode {
  const node = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOCUMENT_FRAGMENT), schema)
  if (node.childCount === 0) return schema.topNodeType.createAndFill()!
  node.check()
  return node
}

export function docToJSON(doc: Y.Doc, schema: Schema): Record<string, unknown> {
  return docToNode(doc, schema).toJSON()
}

/** Serialises with the schema's own toDOM rules, on linkedom's DOM (no browser on the server). */
export function nodeToHTML(node: PMNode, schema: Schema): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>')
  const wrap = document.createElement('div')
  DOMSerializer.fromSchema(schema).serializeFragment(
    node.content,
    { document: document as unknown as Document },
    wrap as unknown as HTMLElement,
  )
  return wrap.innerHTML
}

export function docToHTML(doc: Y.Doc, schema: Schema): string {
  return nodeToHTML(docToNode(doc, schema), schema)
}
