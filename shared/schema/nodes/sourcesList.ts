/**
 * The sourcesList block: where the list of cited sources goes. It stores nothing but its
 * place in the document; the entries are computed from the document's quotes and cite
 * marks and the sources map (see `citedSources` in shared/citations), so the list can never
 * go stale. Its HTML form is an empty placeholder that the client's node view and the
 * exporters fill in:
 *   <section data-type="sources-list"></section>
 */
import { mergeAttributes, Node } from '@tiptap/core'

/** The node's name in the schema and in the Y.Doc. */
export const SOURCES_LIST = 'sourcesList'

/** Options for SourcesList. */
export interface SourcesListOptions {
  HTMLAttributes: Record<string, unknown>
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    sourcesList: {
      /** Inserts the sources list at the selection; false if the document already has one. */
      insertSourcesList: () => ReturnType
    }
  }
}

/** The sourcesList node, as listed in `briefingExtensions()`. */
export const SourcesList = Node.create<SourcesListOptions>({
  name: SOURCES_LIST,
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addOptions() {
    return { HTMLAttributes: {} }
  },

  parseHTML() {
    return [{ tag: 'section[data-type="sources-list"]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return [
      'section',
      mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, { 'data-type': 'sources-list' }),
    ]
  },

  addCommands() {
    return {
      insertSourcesList:
        () =>
        ({ state, commands }) => {
          let present = false
          state.doc.descendants((node) => {
            if (node.type.name === this.name) present = true
            return !present
          })
          // A second list would only repeat the first.
          if (present) return false
          return commands.insertContent({ type: this.name })
        },
    }
  },
})
