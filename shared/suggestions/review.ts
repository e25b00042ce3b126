/**
 * Accepting and rejecting suggestions, on top of @handlewithcare/prosemirror-suggest-changes'
 * commands: each function returns the transaction that does it (null when there is nothing
 * to do), so the editor can dispatch it as an ordinary, undoable edit and the server can
 * apply it to a document with no editor at all.
 */
import {
  applySuggestion,
  applySuggestions,
  revertSuggestion,
  revertSuggestions,
} from '@handlewithcare/prosemirror-suggest-changes'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { type Command, EditorState, type Transaction } from '@tiptap/pm/state'
import { listSuggestions } from './list'

function run(state: EditorState, command: Command): Transaction | null {
  let made: Transaction | null = null
  command(state, (tr) => {
    made = tr
  })
  return made
}

/** Makes suggestion `id` part of the text: its insertions stay, its deletions go. */
export function acceptSuggestion(state: EditorState, id: string | number): Transaction | null {
  return run(state, applySuggestion(id))
}

/** Drops suggestion `id`: its insertions go, the words it would delete stay. */
export function rejectSuggestion(state: EditorState, id: string | number): Transaction | null {
  return run(state, revertSuggestion(id))
}

/** Accepts every suggestion in the document. */
export function acceptAllSuggestions(state: EditorState): Transaction | null {
  return run(state, applySuggestions)
}

/** Rejects every suggestion in the document. */
export function rejectAllSuggestions(state: EditorState): Transaction | null {
  return run(state, revertSuggestions)
}

/**
 * `doc` as it reads with every open suggestion rejected, and how many there were: what an
 * export prints, since a suggestion is not part of the text until someone accepts it.
 */
export function withSuggestionsRejected(doc: ProseMirrorNode): {
  doc: ProseMirrorNode
  open: number
} {
  const open = listSuggestions(doc).length
  if (open === 0) return { doc, open }
  const tr = rejectAllSuggestions(EditorState.create({ doc }))
  return { doc: tr ? tr.doc : doc, open }
}
