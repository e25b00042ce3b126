/**
 * Between the editor's positions and comment anchors (shared/comments/anchor.ts): the
 * anchor of the current selection, made from y-tiptap's binding so it names the same Yjs
 * items the server resolves, and the editor range an anchor covers now.
 */
import type { EditorState } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap'
import { fromBase64, toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import type { AnchorRequest } from '../../../shared/api/comments'
import type { Anchor } from '../../../shared/comments/anchor'

interface Binding {
  type: Y.XmlFragment
  doc: Y.Doc
  mapping: Parameters<typeof absolutePositionToRelativePosition>[2]
}

function bindingOf(state: EditorState): Binding | null {
  const binding = ySyncPluginKey.getState(state)?.binding as Binding | undefined
  return binding ?? null
}

// The quote block's node name (shared/schema/nodes/sourceQuoteAttrs.ts), written out: importing
// it from this lazily loaded module split that module into a chunk of its own on the editor page.
const SOURCE_QUOTE = 'sourceQuote'

const encode = (pos: Y.RelativePosition) => toBase64(Y.encodeRelativePosition(pos))

/**
 * The selected range: the editor's own selection, or, in a read-only editor (a commenter's),
 * where ProseMirror does not follow the selection, the browser's selection inside it.
 */
export function selectedRange(view: EditorView): { from: number; to: number } | null {
  const { selection } = view.state
  if (!selection.empty) return { from: selection.from, to: selection.to }
  const dom = view.dom.ownerDocument.getSelection()
  if (!dom || dom.isCollapsed || !dom.anchorNode || !dom.focusNode) return null
  if (!view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return null
  try {
    const a = view.posAtDOM(dom.anchorNode, dom.anchorOffset)
    const b = view.posAtDOM(dom.focusNode, dom.focusOffset)
    return a === b ? null : { from: Math.min(a, b), to: Math.max(a, b) }
  } catch {
    return null
  }
}

/**
 * The anchor of the selection: a selected quote block by id, otherwise the text from the
 * first to the last selected character. Null when nothing with text is selected.
 */
export function selectionAnchor(view: EditorView): AnchorRequest | null {
  const state = view.state
  const selection = selectedRange(view)
  if (!selection) return null
  const { doc } = state
  const node = doc.nodeAt(selection.from)
  if (node?.type.name === SOURCE_QUOTE && selection.to === selection.from + node.nodeSize) {
    return { quoteId: String(node.attrs.quoteId) }
  }
  // Trimmed to the characters: a range starting at a paragraph's end covers no text there.
  let from = -1
  let to = -1
  doc.nodesBetween(selection.from, selection.to, (child, pos) => {
    if (!child.isText) return true
    const start = Math.max(pos, selection.from)
    const end = Math.min(pos + child.nodeSize, selection.to)
    if (start < end) {
      if (from < 0) from = start
      to = end
    }
    return false
  })
  const binding = bindingOf(state)
  if (from < 0 || !binding) return null
  // y-tiptap makes positions that hold to the character before them (assoc -1). The end is
  // just that, the last character; the start is the first character held from its own side.
  const start = absolutePositionToRelativePosition(from + 1, binding.type, binding.mapping)
  const end = absolutePositionToRelativePosition(to, binding.type, binding.mapping)
  if (!start || !end) return null
  start.assoc = 0
  return { kind: 'range', start: encode(start), end: encode(end) }
}

/** The editor range `anchor` covers now; null when its text is gone. */
export function anchorRange(
  state: EditorState,
  anchor: Anchor,
): { from: number; to: number } | null {
  if (anchor.kind === 'quote') {
    let found: { from: number; to: number } | null = null
    state.doc.descendants((node, pos) => {
      if (found) return false
      if (node.type.name === SOURCE_QUOTE && node.attrs.quoteId === anchor.quoteId) {
        found = { from: pos, to: pos + node.nodeSize }
      }
      return !found
    })
    return found
  }
  const binding = bindingOf(state)
  if (!binding) return null
  const resolve = (encoded: string) => {
    try {
      const pos = Y.decodeRelativePosition(fromBase64(encoded))
      return relativePositionToAbsolutePosition(binding.doc, binding.type, pos, binding.mapping)
    } catch {
      return null
    }
  }
  const from = resolve(anchor.start)
  const to = resolve(anchor.end)
  return from !== null && to !== null && from < to ? { from, to } : null
}
