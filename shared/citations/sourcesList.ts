/**
 * The entries of a document's sources list: each cited source once, in citation-number
 * order. The sourcesList node stores nothing, so the client's node view and the exporters
 * render it from this.
 */
import type { Source } from '../sources/types'
import { numberCitations } from './numbering'
import type { DocumentInput } from './walk'

/** One entry of the sources list. */
export interface SourcesListEntry {
  number: number
  sourceId: string
  /** Undefined when the document cites a source that is not in the sources map. */
  source: Source | undefined
}

/** The sources list for `doc`, looking sources up with `getSource`. */
export function citedSources(
  doc: DocumentInput,
  getSource: (sourceId: string) => Source | undefined,
): SourcesListEntry[] {
  return numberCitations(doc).ordered.map((sourceId, i) => ({
    number: i + 1,
    sourceId,
    source: getSource(sourceId),
  }))
}
