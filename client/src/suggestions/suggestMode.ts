/**
 * Suggesting mode's transaction filter, loaded when someone first switches to Suggesting:
 * every local edit becomes a suggestion signed by the author (shared/suggestions/suggest.ts);
 * an edit that cannot be suggested is dropped and reported.
 */
import type { Editor } from '@tiptap/core'
import type { SuggestionAuthor } from '../../../shared/suggestions/stamp'
import { suggestTransaction } from '../../../shared/suggestions/suggest'
import type { TransactionFilter } from '../editor/suggesting'

/** The filter for `editor`; `author` is read per edit, so a renamed user signs with the new name. */
export function suggestingFilter(
  editor: Editor,
  author: () => SuggestionAuthor,
  onRefuse: (reason: string) => void,
): TransactionFilter {
  return (tr) => {
    const outcome = suggestTransaction(editor.state, tr, author(), new Date(), newId)
    if (outcome.kind === 'refuse') {
      onRefuse(outcome.reason)
      return null
    }
    return outcome.tr
  }
}

function newId(): string {
  return crypto.randomUUID()
}
