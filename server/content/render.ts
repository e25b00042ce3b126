/**
 * Reads a briefing's live Y.Doc as ProseMirror JSON or HTML, through the shared schema, so
 * the server sees exactly the document the editor shows.
 */
import { DOMSerializer, type Node as PMNode, type Schema } from '@tiptap/pm/model'
import { parseHTML } from 'linkedom'
import type * as Y from 'yjs'
import { StructureRules } from '../../shared/schema/structure'
import { type BodyRead, readBody } from './readBody'

/**
 * The document as a ProseMirror node that passes the schema's check, with the parts of the
 * stored document that could not be part of it (see readBody.ts). A briefing nobody has
 * typed in yet reads as the empty document the editor shows (one empty paragraph).
 */
export function readDocumentBody(doc: Y.Doc, schema: Schema): BodyRead {
  return readBody(doc, new StructureRules(schema))
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
