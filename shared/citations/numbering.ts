/**
 * Citation numbers. Quote blocks and cite marks are numbered by the first appearance of
 * their source in document order, and every later citation of that source reuses its
 * number. Numbers depend only on the document, never on when or by whom citations were
 * added, so every peer and every export computes the same ones.
 */
import { citedSourceId, type DocumentInput, forEachCitation } from './walk'

/** The numbers of a document's cited sources. */
export interface CitationNumbering {
  /** Source id to its 1-based number. */
  bySource: Map<string, number>
  /** Source ids in number order: `ordered[n - 1]` has number n. */
  ordered: string[]
}

/** Numbers the sources cited in `doc`; see the module comment for the rule. */
export function numberCitations(doc: DocumentInput): CitationNumbering {
  const bySource = new Map<string, number>()
  const ordered: string[] = []
  forEachCitation(doc, (citation) => {
    const sourceId = citedSourceId(citation)
    if (sourceId === null || bySource.has(sourceId)) return
    ordered.push(sourceId)
    bySource.set(sourceId, ordered.length)
  })
  return { bySource, ordered }
}
