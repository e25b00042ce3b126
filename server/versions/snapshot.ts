/** What a version keeps of a document: its whole Yjs state, and its body as ProseMirror JSON. */
import type { Schema } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { readDocumentBody } from '../content/render'
import { documentVersion } from '../export'

export interface Snapshot {
  /** The document-state hash an export of this state prints (server/export/briefingModel.ts). */
  id: string
  state: Uint8Array
  content: unknown
}

/** A snapshot of `doc` as it is now; `doc` is only read (the body through a copy-free read). */
export function snapshotOf(doc: Y.Doc, schema: Schema): Snapshot {
  return {
    id: documentVersion(doc),
    state: Y.encodeStateAsUpdate(doc),
    content: readDocumentBody(doc, schema).node.toJSON(),
  }
}

/** Runs `read` on a fresh Y.Doc holding a stored version's state. */
export function withVersionDoc<T>(state: Uint8Array, read: (doc: Y.Doc) => T): T {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    return read(doc)
  } finally {
    doc.destroy()
  }
}
