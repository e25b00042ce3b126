/**
 * Walking a document's citations (quote blocks and cite marks) in document order, over
 * either a ProseMirror node or its JSON. Numbering, the sources list and document-wide
 * verification all read citations this way, so they agree on what counts and in what order.
 */
import type { JSONContent } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { CITE } from '../schema/marks/cite'
import { SOURCE_QUOTE } from '../schema/nodes/sourceQuoteAttrs'

/** A document as a ProseMirror node or as ProseMirror JSON (e.g. from a Y.Doc). */
export type DocumentInput = ProseMirrorNode | JSONContent

/**
 * One citation. Attributes are as stored, not validated: documents may come from raw
 * Y.Doc updates, and each reader decides what to do with a malformed one.
 */
export type Citation =
  | { kind: 'quote'; attrs: Record<string, unknown> }
  | { kind: 'cite'; attrs: Record<string, unknown> }

function isProseMirrorNode(doc: DocumentInput): doc is ProseMirrorNode {
  return typeof (doc as ProseMirrorNode).descendants === 'function'
}

/** Calls `visit` for each citation in document order: quote blocks, and each cited text node. */
export function forEachCitation(doc: DocumentInput, visit: (citation: Citation) => void): void {
  if (isProseMirrorNode(doc)) {
    doc.descendants((node) => {
      if (node.type.name === SOURCE_QUOTE) visit({ kind: 'quote', attrs: node.attrs })
      for (const mark of node.marks)
        if (mark.type.name === CITE) visit({ kind: 'cite', attrs: mark.attrs })
    })
    return
  }
  walkJson(doc, visit)
}

function walkJson(node: JSONContent, visit: (citation: Citation) => void): void {
  if (node.type === SOURCE_QUOTE) visit({ kind: 'quote', attrs: node.attrs ?? {} })
  for (const mark of node.marks ?? []) {
    if (mark.type === CITE) visit({ kind: 'cite', attrs: mark.attrs ?? {} })
  }
  for (const child of node.content ?? []) walkJson(child, visit)
}

/** The source a citation points at, or null when its sourceId is missing or malformed. */
export function citedSourceId(citation: Citation): string | null {
  const { sourceId } = citation.attrs
  return typeof sourceId === 'string' && sourceId !== '' ? sourceId : null
}
