/**
 * Suggesting mode's core: turns an ordinary edit into a suggestion of that edit, signed by
 * its author. The conversion itself is @handlewithcare/prosemirror-suggest-changes'
 * (deletions become `deletion` marks, insertions carry `insertion` marks, deleting one's own
 * suggestion removes it for real); this module decides which transactions to convert and
 * refuses the ones that cannot be suggested.
 */
import { transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { SUGGESTION_DECISION } from './decision'
import { type SuggestionAuthor, stampSuggestions } from './stamp'

/** What `suggestTransaction` decided. */
export type SuggestOutcome =
  | { kind: 'pass'; tr: Transaction }
  | { kind: 'suggest'; tr: Transaction }
  /**
   * The edit changes a whole block (a quote block's words, attributes or existence, a rule,
   * a sources list): the library records those as marks on the block node, and the Yjs
   * binding (y-tiptap) does not carry node marks, so such a suggestion would be lost on the
   * way to the others. The edit is dropped instead.
   */
  | { kind: 'refuse'; reason: string }

/** Transactions that arrive from Yjs (a co-author's edit, an undo) are already decided. */
function comesFromYjs(tr: Transaction): boolean {
  const meta = tr.getMeta('y-sync$') as
    | { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean }
    | undefined
  return Boolean(meta?.isChangeOrigin || meta?.isUndoRedoOperation)
}

/**
 * The transaction to apply instead of `tr` when `author` is suggesting in `state`.
 * `newId` names a new suggestion; `now` is its time.
 */
export function suggestTransaction(
  state: EditorState,
  tr: Transaction,
  author: SuggestionAuthor,
  now: Date,
  newId: () => string,
): SuggestOutcome {
  if (!tr.docChanged || comesFromYjs(tr) || tr.getMeta(SUGGESTION_DECISION))
    return { kind: 'pass', tr }
  let tracked: Transaction
  try {
    tracked = transformToSuggestionTransaction(tr, state, () => newId())
  } catch {
    // The library throws (RangeError from the schema check, or a failed step) when the
    // edit would need a mark on a block node, which the schema allows nowhere.
    return { kind: 'refuse', reason: 'Whole blocks such as quotes cannot be suggested' }
  }
  stampSuggestions(tracked, author, now)
  return { kind: 'suggest', tr: tracked }
}
