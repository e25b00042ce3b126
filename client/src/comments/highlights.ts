/**
 * Highlights of the commented text while the comments panel is open: a decoration per open
 * thread (the selected one stronger), recomputed as the document or the threads change, and
 * a click on highlighted text opens its thread. The panel registers the plugin and removes it
 * when it closes, so the editor page carries none of this until comments are opened.
 */
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Thread } from '../../../shared/api/comments'
import { anchorRange } from './editorAnchors'

export interface HighlightState {
  threads: readonly Thread[]
  selected: string | null
  /** Which threads the panel lists: a resolved one is highlighted only while listed and selected. */
  filter: 'open' | 'resolved'
}

export const commentHighlightsKey = new PluginKey<DecorationSet>('commentHighlights')

export function commentHighlights(
  read: () => HighlightState,
  onOpen: (threadId: string) => void,
): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: commentHighlightsKey,
    state: {
      init: (_config, state) => decorate(state, read()),
      // Recomputed on every transaction: anchors follow Yjs items, not ProseMirror's mapping.
      apply: (tr, old, _oldState, state) =>
        tr.docChanged || tr.getMeta(commentHighlightsKey) ? decorate(state, read()) : old,
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state),
      handleClick: (view, pos) => {
        const hit = read().threads.find((thread) => {
          if (thread.status !== 'open' || thread.textRemoved) return false
          const range = anchorRange(view.state, thread.anchor)
          return range !== null && pos >= range.from && pos <= range.to
        })
        if (hit) onOpen(hit.id)
        return false
      },
    },
  })
}

function decorate(
  state: EditorState,
  { threads, selected, filter }: HighlightState,
): DecorationSet {
  const decorations: Decoration[] = []
  for (const thread of threads) {
    const listedAndSelected = thread.id === selected && thread.status === filter
    if (thread.status !== 'open' && !listedAndSelected) continue
    const range = anchorRange(state, thread.anchor)
    if (!range) continue
    const attrs = {
      class: `comment-anchor${thread.id === selected ? ' comment-anchor--selected' : ''}`,
      'data-thread-id': thread.id,
    }
    decorations.push(
      thread.anchor.kind === 'quote'
        ? Decoration.node(range.from, range.to, attrs)
        : Decoration.inline(range.from, range.to, attrs),
    )
  }
  return DecorationSet.create(state.doc, decorations)
}
