/**
 * Signs new suggestions with their author and time. The library creates suggestion marks
 * with an id only; the first transaction that holds them adds `by`, `byName` and `at`, so
 * every client and the server see who proposed what without a side table.
 */
import type { Mark } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import { SUGGESTION_MARKS } from '../schema/marks/suggestion'

/** Who is suggesting. */
export interface SuggestionAuthor {
  id: string
  name: string
}

const NAMES: readonly string[] = SUGGESTION_MARKS

/** Adds steps to `tr` that give every unsigned suggestion mark in its document `author`. */
export function stampSuggestions(tr: Transaction, author: SuggestionAuthor, at: Date): void {
  const unsigned: { from: number; to: number; mark: Mark }[] = []
  // The library extends a suggestion the author keeps typing into by reusing its id; the
  // new letters then take that suggestion's signature, so a word stays one run of text.
  const signed = new Map<unknown, Mark>()
  tr.doc.descendants((node, pos) => {
    if (!node.isText) return true
    for (const mark of node.marks) {
      if (!NAMES.includes(mark.type.name)) continue
      if (mark.attrs.by === null) unsigned.push({ from: pos, to: pos + node.nodeSize, mark })
      else if (mark.attrs.by === author.id) signed.set(`${mark.type.name} ${mark.attrs.id}`, mark)
    }
    return false
  })
  const time = at.toISOString()
  for (const { from, to, mark } of unsigned) {
    const same = signed.get(`${mark.type.name} ${mark.attrs.id}`)
    const attrs = same
      ? same.attrs
      : { ...mark.attrs, by: author.id, byName: author.name, at: time }
    // Removed first: a modification does not exclude itself, so adding alone would keep both.
    tr.removeMark(from, to, mark)
    tr.addMark(from, to, mark.type.create(attrs))
  }
}
