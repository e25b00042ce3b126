/**
 * The one list of Tiptap extensions that defines a briefing document.
 *
 * The client editor, the server's validation and rendering, and (later) export all build
 * their schema from `briefingExtensions()`, so they cannot drift apart. Nothing here may
 * import UI code: the client adds node views with `.extend()` on top of this list.
 */
import type { AnyExtension } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { Cite } from './marks/cite'
import { SourceQuote } from './nodes/sourceQuote'
import { SourcesList } from './nodes/sourcesList'

/** Name of the Y.XmlFragment that holds the document body (Tiptap's default). */
export const DOCUMENT_FRAGMENT = 'default'

/**
 * Returns a fresh extension list. A function rather than a constant, because Tiptap
 * extensions are configured objects and sharing one instance between editors is unsafe.
 */
export function briefingExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Yjs owns history (a per-user UndoManager); ProseMirror's would undo other people's edits.
      undoRedo: false,
      link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
    }),
    // Custom briefing nodes and marks (quote blocks, citations) are added here, one file each
    // under ./nodes and ./marks.
    SourceQuote.configure(),
    SourcesList.configure(),
    Cite.configure(),
  ]
}
