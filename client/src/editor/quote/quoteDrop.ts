/**
 * Dropping a quote from the sources panel into the document. The panel puts the quote's
 * fields on the drag (see sources/dragData); this plugin reads them back, checks them, and
 * inserts the block through `insertQuote`, at the edge of the paragraph under the pointer.
 * Client-only and adds no nodes or marks, so the schema is unchanged.
 */
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { readQuoteDrag } from '../../sources/dragData'
import { insertQuote } from './insertQuote'

/** Options for QuoteDrop. */
export interface QuoteDropOptions {
  /** Who is inserting (recorded on the block as `insertedBy`), read at drop time. */
  insertedBy: () => string
}

export const QuoteDrop = Extension.create<QuoteDropOptions>({
  name: 'quoteDrop',

  addOptions() {
    return { insertedBy: () => 'unknown' }
  },

  addProseMirrorPlugins() {
    const { editor, options } = this
    return [
      new Plugin({
        key: new PluginKey('quoteDrop'),
        props: {
          handleDrop(view, event) {
            const quote = readQuoteDrag(event.dataTransfer)
            if (!quote) return false
            // Ours either way: ProseMirror would otherwise paste the plain-text form.
            event.preventDefault()
            if (!view.editable) return true
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos
            insertQuote(editor, { ...quote, insertedBy: options.insertedBy() }, at)
            return true
          },
        },
      }),
    ]
  },
})
