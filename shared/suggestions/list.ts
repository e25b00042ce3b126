/**
 * The open suggestions of a document, for the review panel and for export warnings: one
 * entry per suggestion id, in document order, with what it adds and removes and who
 * proposed it. Pure; works on any document of the briefing schema.
 */
import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model'
import { DELETION, INSERTION, MODIFICATION } from '../schema/marks/suggestion'

/** The zero-width spaces the library inserts to hold a suggestion at a block edge. */
const PLACEHOLDER = /\u200B/g

/** One suggestion, as a reviewer sees it. */
export interface SuggestionSummary {
  id: string | number
  /** Words proposed for insertion (placeholders removed; may be empty for a new line). */
  inserted: string
  /** Words proposed for deletion. */
  deleted: string
  /** Whether it changes formatting or attributes rather than words. */
  modified: boolean
  by: string | null
  byName: string | null
  at: string | null
  /** Where it starts: the document position of its first piece. */
  from: number
}

function suggestionMark(marks: readonly Mark[]): Mark | undefined {
  return marks.find((mark) => {
    const name = mark.type.name
    return name === INSERTION || name === DELETION || name === MODIFICATION
  })
}

/** The document's suggestions, grouped by id, in the order they first appear. */
export function listSuggestions(doc: ProseMirrorNode): SuggestionSummary[] {
  const byId = new Map<string | number, SuggestionSummary>()
  doc.descendants((node, pos) => {
    const mark = suggestionMark(node.marks)
    if (!mark) return true
    const id = mark.attrs.id as string | number
    let entry = byId.get(id)
    if (!entry) {
      entry = {
        id,
        inserted: '',
        deleted: '',
        modified: false,
        by: mark.attrs.by,
        byName: mark.attrs.byName,
        at: mark.attrs.at,
        from: pos,
      }
      byId.set(id, entry)
    }
    const text = (node.isText ? (node.text ?? '') : node.textContent).replace(PLACEHOLDER, '')
    if (mark.type.name === INSERTION) entry.inserted += text
    else if (mark.type.name === DELETION) entry.deleted += text
    else entry.modified = true
    return false
  })
  return [...byId.values()]
}

/** Whether `doc` holds any suggestion. */
export function hasSuggestions(doc: ProseMirrorNode): boolean {
  let found = false
  doc.descendants((node) => {
    if (found) return false
    if (suggestionMark(node.marks)) found = true
    return !found
  })
  return found
}
