/**
 * The client's versions of the quote and sources-list nodes: the shared definitions with a
 * React node view added through `.extend()`, which leaves the schema untouched (the parity
 * test compares it with the server's).
 */
import { ReactNodeViewRenderer } from '@tiptap/react'
import { SourceQuote } from '../../../../shared/schema/nodes/sourceQuote'
import { SourcesList } from '../../../../shared/schema/nodes/sourcesList'
import { QuoteBlockView } from './QuoteBlockView'
import { SourcesListView } from './SourcesListView'

/** sourceQuote with its node view; configure `getSource` so commands refuse unfaithful edits. */
export const SourceQuoteWithView = SourceQuote.extend({
  addNodeView() {
    return ReactNodeViewRenderer(QuoteBlockView, { className: 'quote-block-view' })
  },
})

/** sourcesList with its node view. */
export const SourcesListWithView = SourcesList.extend({
  addNodeView() {
    return ReactNodeViewRenderer(SourcesListView, { className: 'sources-list-view' })
  },
})
