/**
 * The seam suggesting mode plugs into: an extension whose dispatch hook passes every
 * transaction through a filter when one is set. The filter that turns edits into suggestions
 * (client/src/suggestions/suggestMode.ts, with the track-changes library) loads on first
 * use, so this file stays tiny and the editor page's first load does not carry it.
 */
import { type Editor, Extension } from '@tiptap/core'
import type { Transaction } from '@tiptap/pm/state'

/** What to apply instead of `tr`; null drops the edit. */
export type TransactionFilter = (tr: Transaction) => Transaction | null

interface SuggestingStorage {
  filter: TransactionFilter | null
}

declare module '@tiptap/core' {
  interface Storage {
    suggesting: SuggestingStorage
  }
}

export const Suggesting = Extension.create<Record<string, never>, SuggestingStorage>({
  name: 'suggesting',

  addStorage() {
    return { filter: null }
  },

  dispatchTransaction({ transaction, next }) {
    const { filter } = this.storage
    if (!filter) {
      next(transaction)
      return
    }
    const filtered = filter(transaction)
    if (filtered) next(filtered)
  },
})

/** Sets (or, with null, clears) the filter `editor` passes its transactions through. */
export function setTransactionFilter(editor: Editor, filter: TransactionFilter | null): void {
  editor.storage.suggesting.filter = filter
}
