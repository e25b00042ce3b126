/**
 * Keeps quote blocks from being deleted by accident. A quote block is an atom: a click on it
 * selects the whole block, and ProseMirror's default is that typing replaces the selection,
 * so one keystroke used to swap a verified quote for a paragraph holding that letter. Here
 * typing (or pasting) over a selection that holds a quote block goes after it instead, and
 * Backspace or Delete next to a quote block first selects it (a second press deletes it,
 * undoably) rather than removing it at once. Client-only; adds no nodes or marks.
 */
import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode, Slice } from '@tiptap/pm/model'
import {
  type EditorState,
  NodeSelection,
  Plugin,
  PluginKey,
  Selection,
  TextSelection,
  type Transaction,
} from '@tiptap/pm/state'
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
 * The transaction typing `text` over [from, to) should make when that range holds a quote
 * block: the text goes just after the range, which is left alone (into the textblock that
 * ends it, or into a new paragraph after a block). Null when the range holds no quote block.
 */
export function typeBesideQuotes(
  state: EditorState,
  from: number,
  to: number,
  text: string,
): Transaction | null {
  if (!rangeHoldsQuote(state.doc, from, to)) return null
  const $to = state.doc.resolve(to)
  const tr = state.tr
  if ($to.parent.inlineContent) {
    tr.insertText(text, to)
    return tr.setSelection(TextSelection.create(tr.doc, to + text.length)).scrollIntoView()
  }
  const paragraph = state.schema.nodes.paragraph
  // Nowhere to put it: swallowing the keystroke still beats deleting the quote.
  if (!paragraph || !$to.parent.canReplaceWith($to.index(), $to.index(), paragraph)) return tr
  tr.insert(to, paragraph.create(null, state.schema.text(text)))
  return tr.setSelection(TextSelection.create(tr.doc, to + 1 + text.length)).scrollIntoView()
}

/**
 * The transaction pasting `slice` over the selection should make when the selection holds
 * a quote block: the slice goes just after the selection, which is left alone. Null when it
 * holds no quote block.
 */
export function pasteBesideQuotes(state: EditorState, slice: Slice): Transaction | null {
  const { from, to } = state.selection
  if (!rangeHoldsQuote(state.doc, from, to)) return null
  const tr = state.tr.replaceRange(to, to, slice)
  return tr.setSelection(Selection.near(tr.doc.resolve(tr.mapping.map(to)), 1)).scrollIntoView()
}

/**
 * The position of the quote block just before (dir -1) or after (dir 1) an empty cursor at
 * the edge of its textblock, or null.
 */
export function quoteBeside(state: EditorState, dir: -1 | 1): number | null {
  const { selection } = state
  if (!(selection instanceof TextSelection) || !selection.empty) return null
  const { $head } = selection
  const atEdge =
    dir < 0 ? $head.parentOffset === 0 : $head.parentOffset === $head.parent.content.size
  if (!atEdge || $head.depth === 0) return null
  const edge = dir < 0 ? $head.before() : $head.after()
  const $edge = state.doc.resolve(edge)
  const neighbour = dir < 0 ? $edge.nodeBefore : $edge.nodeAfter
  if (neighbour?.type.name !== SOURCE_QUOTE) return null
  return dir < 0 ? edge - neighbour.nodeSize : edge
}

function selectQuoteBeside(view: EditorView, dir: -1 | 1): boolean {
  const pos = quoteBeside(view.state, dir)
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
          handlePaste: (view, _event, slice) => {
            const tr = pasteBesideQuotes(view.state, slice)
            if (tr) view.dispatch(tr)
            return tr !== null
          },
          handleTextInput: (view, from, to, text) => {
            const tr = typeBesideQuotes(view.state, from, to, text)
            if (tr) view.dispatch(tr)
            return tr !== null
          },
        },
      }),
    ]
  },
})
