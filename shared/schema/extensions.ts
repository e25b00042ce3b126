/**
 * The one list of Tiptap extensions that defines a briefing document.
 *
 * The client editor, the server's validation and rendering, and (later) export all build
 * their schema from `briefingExtensions()`, so they cannot drift apart. Nothing here may
 * import UI code: the client adds node views with `.extend()` on top of this list.
 */
import type { AnyExtension } from '@tiptap/core'
import { Blockquote } from '@tiptap/extension-blockquote'
import { Bold } from '@tiptap/extension-bold'
import { Code } from '@tiptap/extension-code'
import { CodeBlock } from '@tiptap/extension-code-block'
import { Document } from '@tiptap/extension-document'
import { HardBreak } from '@tiptap/extension-hard-break'
import { Heading } from '@tiptap/extension-heading'
import { Highlight } from '@tiptap/extension-highlight'
import { HorizontalRule } from '@tiptap/extension-horizontal-rule'
import { Italic } from '@tiptap/extension-italic'
import { Link } from '@tiptap/extension-link'
import { BulletList, ListItem, ListKeymap, OrderedList } from '@tiptap/extension-list'
import { Paragraph } from '@tiptap/extension-paragraph'
import { Strike } from '@tiptap/extension-strike'
import { Text } from '@tiptap/extension-text'
import { Underline } from '@tiptap/extension-underline'
// From their own entry points: @tiptap/extensions' index also loads UndoRedo's history.
import { Dropcursor } from '@tiptap/extensions/drop-cursor'
import { Gapcursor } from '@tiptap/extensions/gap-cursor'
import { TrailingNode } from '@tiptap/extensions/trailing-node'
import { Cite } from './marks/cite'
import { Deletion, Insertion, Modification } from './marks/suggestion'
import { SourceQuote } from './nodes/sourceQuote'
import { SourcesList } from './nodes/sourcesList'
import { Table, TableCell, TableHeader, TableRow } from './nodes/table'
import { PortionMarking } from './portionMarking'

/** Name of the Y.XmlFragment that holds the document body (Tiptap's default). */
export const DOCUMENT_FRAGMENT = 'default'

/**
 * Returns a fresh extension list. A function rather than a constant, because Tiptap
 * extensions are configured objects and sharing one instance between editors is unsafe.
 */
export function briefingExtensions(): AnyExtension[] {
  return [
    // StarterKit's extensions, in StarterKit's order (the schema's node and mark order follows
    // it), without its UndoRedo: Yjs owns history (a per-user UndoManager), ProseMirror's would
    // undo other people's edits, and listing them here keeps prosemirror-history out of the
    // client's bundle. tests/schema/kit.test.ts checks the schema against StarterKit's.
    Bold.configure(),
    Blockquote.configure(),
    BulletList.configure(),
    Code.configure(),
    CodeBlock.configure(),
    Document.configure(),
    Dropcursor.configure(),
    Gapcursor.configure(),
    HardBreak.configure(),
    Heading.configure(),
    HorizontalRule.configure(),
    Italic.configure(),
    ListItem.configure(),
    ListKeymap.configure(),
    Link.configure({ openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] }),
    OrderedList.configure(),
    Paragraph.configure(),
    Strike.configure(),
    Text.configure(),
    Underline.configure(),
    TrailingNode.configure(),
    // One highlight colour only (multicolor off): a colour attribute would render as an inline
    // style, which the page's CSP blocks, and exports would need a palette to agree on.
    Highlight.configure(),
    Table.configure(),
    TableRow.configure(),
    TableHeader.configure(),
    TableCell.configure(),
    // Custom briefing nodes and marks (quote blocks, citations) are added here, one file each
    // under ./nodes and ./marks.
    SourceQuote.configure(),
    SourcesList.configure(),
    Cite.configure(),
    // The portion-mark attribute on blocks (issue 20): it adds no node, only an attribute.
    PortionMarking.configure(),
    // Track changes (./marks/suggestion): last, so a suggestion wraps every other mark.
    Insertion.configure(),
    Deletion.configure(),
    Modification.configure(),
  ]
}
