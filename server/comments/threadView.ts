/**
 * Threads as the API shows them: placed against the current document (document order, and
 * whether their text is still there), the ones whose text was removed last, oldest first.
 */
import type * as Y from 'yjs'
import type { Thread } from '../../shared/api/comments'
import { placeAnchors } from '../../shared/comments/anchor'
import type { ThreadRecord } from '../store/commentStore'

export function threadView(record: ThreadRecord, textRemoved: boolean): Thread {
  return {
    id: record.id,
    anchor: record.anchor,
    quotedText: record.quotedText,
    status: record.status,
    textRemoved,
    createdAt: record.createdAt,
    resolvedBy: record.resolvedBy,
    resolvedAt: record.resolvedAt,
    comments: record.comments.map((comment) => ({
      id: comment.id,
      author: comment.author,
      body: comment.body,
      mentions: comment.mentions,
      createdAt: comment.createdAt,
      editedAt: comment.editedAt,
    })),
  }
}

/** `records` (oldest first) in document order against `doc`. */
export function threadsInOrder(doc: Y.Doc, records: readonly ThreadRecord[]): Thread[] {
  const places = placeAnchors(
    doc,
    records.map((record) => record.anchor),
  )
  const placed = records.map((record, at) => ({ record, place: places[at]!, at }))
  // A stable sort on (removed, order, age): two threads on the same text keep their age order.
  placed.sort((a, b) => {
    if (a.place.removed !== b.place.removed) return a.place.removed ? 1 : -1
    if (!a.place.removed && !b.place.removed && a.place.order !== b.place.order) {
      return a.place.order - b.place.order
    }
    return a.at - b.at
  })
  return placed.map(({ record, place }) => threadView(record, place.removed))
}
