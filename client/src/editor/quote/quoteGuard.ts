/**
 * Keeps quote blocks from being deleted by accident. A quote block is an atom: a click on it
 * selects the whole block, and ProseMirror's default is that typing replaces the selection,
 * so one keystroke used to swap a verified quote for a paragraph holding that letter. Here
 * typing over a selection that holds a quote block goes after the selection instead, and
 * Backspace or Delete next to a quote block first selects it (a second press deletes it,
 * undoably) rather than removing it at once. Client-only; adds no nodes or marks.
 */
import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { NodeSelection, Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { SOURCE_QUOTE } from '../../../../shared/schema/nodes/sourceQuoteAttrs'

/** Whether [from, to) of `doc` holds any quote block. */
export function rangeHoldsQuote(doc: ProseMirrorNode, from: number, to: number): boolean {
  let found = false
  if (from === to) return false
  doc.nodesBetween(from, to, (node) => {
    if (node.type.name === SOURCE_QUOTE) found = true
    return !found
  })
  return found
}

/**
 * Types `text` just after [from, to) when that range holds a quote block, leaving the range
 * alone: into the textblock that ends it, or into a new paragraph after a block. Returns
 * whether it took the input.
 */
export function typeBesideQuotes(view: EditorView, from: number, to: number, text: string) {
  const { state } = view
  if (!rangeHoldsQuote(state.doc, from, to)) return false
  const $to = state.doc.resolve(to)
  const tr = state.tr
  if ($to.parent.inlineContent) {
    tr.insertText(text, to)
    tr.setSelection(TextSelection.create(tr.doc, to + text.length))
  } else {
    const paragraph = state.schema.nodes.paragraph
    if (!paragraph || !$to.parent.canReplaceWith($to.index(), $to.index(), paragraph)) return true
    tr.insert(to, paragraph.create(null, state.schema.text(text)))
    tr.setSelection(TextSelection.create(tr.doc, to + 1 + text.length))
  }
  view.dispatch(tr.scrollIntoView())
  return true
}

/** The quote block just before (dir -1) or after (dir 1) an empty cursor at a textblock edge. */
function quoteBeside(view: EditorView, dir: -1 | 1): number | null {
  const { selection } = view.state
  if (!(selection instanceof TextSelection) || !selection.empty) return null
  const { $head } = selection
  const atEdge =
    dir < 0 ? $head.parentOffset === 0 : $head.parentOffset === $head.parent.content.size
  if (!atEdge || $head.depth === 0) return null
  const edge = dir < 0 ? $head.before() : $head.after()
  const $edge = view.state.doc.resolve(edge)
  const neighbour = dir < 0 ? $edge.nodeBefore : $edge.nodeAfter
  if (neighbour?.type.name !== SOURCE_QUOTE) return null
  return dir < 0 ? edge - neighbour.nodeSize : edge
}

function selectQuoteBeside(view: EditorView, dir: -1 | 1): boolean {
  const pos = quoteBeside(view, dir)
  if (pos === null) return false
  view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, pos)))
  return true
}

export const QuoteGuard = Extension.create({
  name: 'quoteGuard',
  // Ahead of the core keymap, whose Backspace would join into (delete) a quote block.
  priority: 1000,

  addKeyboardShortcuts() {
    return {
      Backspace: ({ editor }) => selectQuoteBeside(editor.view, -1),
      Delete: ({ editor }) => selectQuoteBeside(editor.view, 1),
    }
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('quoteGuard'),
        props: {
          handleTextInput: (view, from, to, text) => typeBesideQuotes(view, from, to, text),
        },
      }),
    ]
  },
})
