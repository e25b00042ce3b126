/**
 * Hands out note markers while the document is walked in order. Numbers come from the
 * shared numbering (shared/citations), so the export shows the numbers the editor shows;
 * the tracker adds what only a walk knows: which marker is a number's first (where a
 * footnote is placed) and which paragraphs of each source the briefing cites.
 */
import type { CitationNumbering } from '../../../shared/citations/numbering'
import type { NoteRef } from '../model'

export class NoteTracker {
  private readonly seen = new Set<number>()
  private readonly paragraphs = new Map<string, Set<number>>()

  constructor(private readonly numbering: CitationNumbering) {}

  /**
   * The marker for a citation of `sourceId` at source paragraph `paragraph`, or null when
   * the id is not one the numbering knows (a malformed citation, which has no number).
   */
  cite(sourceId: unknown, paragraph: number | null): NoteRef | null {
    if (typeof sourceId !== 'string') return null
    const number = this.numbering.bySource.get(sourceId)
    if (number === undefined) return null
    if (paragraph !== null && Number.isSafeInteger(paragraph) && paragraph >= 1) {
      let cited = this.paragraphs.get(sourceId)
      if (!cited) {
        cited = new Set()
        this.paragraphs.set(sourceId, cited)
      }
      cited.add(paragraph)
    }
    const first = !this.seen.has(number)
    this.seen.add(number)
    return { type: 'noteRef', number, first }
  }

  /** Paragraphs of `sourceId` cited anywhere in the document, ascending. */
  citedParagraphs(sourceId: string): number[] {
    return [...(this.paragraphs.get(sourceId) ?? [])].sort((a, b) => a - b)
  }
}
