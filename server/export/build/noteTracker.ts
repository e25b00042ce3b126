/**
 * Hands out note markers while the document is walked in order. Every citation (a quote
 * block, or a passage under one cite mark) is its own note, numbered in document order,
 * and remembers the source paragraph it cites: the notes are formatted from this list
 * once the walk is done, when the style can see every citation's position.
 */
import type { CitationNumbering } from '../../../shared/citations/numbering'
import type { NoteRef } from '../model'

/** A citation the walk met, in document order; its note number is its index + 1. */
export interface TrackedCitation {
  sourceId: string
  /** 1-based source paragraph, or null when the citation does not say. */
  paragraph: number | null
}

export class NoteTracker {
  private readonly cited: TrackedCitation[] = []

  /** `numbering` says which source ids are citations at all (a malformed id is not). */
  constructor(private readonly numbering: CitationNumbering) {}

  /**
   * The marker for a citation of `sourceId` at source paragraph `paragraph`, or null when
   * the id is not one the numbering knows (a malformed citation, which has no note).
   */
  cite(sourceId: unknown, paragraph: number | null): NoteRef | null {
    if (typeof sourceId !== 'string' || !this.numbering.bySource.has(sourceId)) return null
    const valid = paragraph !== null && Number.isSafeInteger(paragraph) && paragraph >= 1
    this.cited.push({ sourceId, paragraph: valid ? paragraph : null })
    return { type: 'noteRef', number: this.cited.length }
  }

  /** Every citation met so far, in note-number order. */
  citations(): readonly TrackedCitation[] {
    return this.cited
  }
}
