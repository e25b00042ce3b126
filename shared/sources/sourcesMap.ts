/**
 * Reading, adding, correcting and removing sources in a briefing's Y.Doc. Sources sit in the
 * Y.Map named SOURCES_MAP as plain JSON values. A source's text is written once: it is what
 * quotes are checked against, so replacing it would silently re-base every quote taken from
 * it. Its descriptive metadata (title, byline, publisher, date) may be corrected, which
 * rewrites the value with the same text and hash.
 */
import type * as Y from 'yjs'
import { verifySourceIntegrity } from './hash'
import { SOURCES_MAP, type Source } from './types'
import { assertSource, isSource } from './validate'

/** Thrown by `addSource` when the id is already taken; sources are immutable once added. */
export class SourceExistsError extends Error {
  readonly code = 'source-exists'
  constructor(readonly sourceId: string) {
    super(`A source with id ${JSON.stringify(sourceId)} already exists and cannot be replaced`)
    this.name = 'SourceExistsError'
  }
}

/** The document's sources map. Values are `unknown` because any peer may have written them. */
export function sourcesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(SOURCES_MAP)
}

/**
 * Adds `source` to the document. Throws a RangeError if it is malformed or its contentHash
 * does not match its paragraphs, and SourceExistsError if its id is taken (even by an
 * identical source: callers that retry should check `getSource` first).
 * `origin` is passed to the Yjs transaction so observers know who wrote it.
 */
export function addSource(doc: Y.Doc, source: Source, origin?: unknown): void {
  assertSource(source)
  if (!verifySourceIntegrity(source)) {
    throw new RangeError(
      `Invalid source contentHash for ${JSON.stringify(source.id)}: ${source.contentHash} does not match its paragraphs`,
    )
  }
  const map = sourcesMap(doc)
  doc.transact(() => {
    // Checked inside the transaction so no observer can slip a write in between.
    if (map.has(source.id)) throw new SourceExistsError(source.id)
    // A structured clone: the stored value must not alias an object the caller may mutate.
    map.set(source.id, JSON.parse(JSON.stringify(source)))
  }, origin)
}

/**
 * The source stored under `id`, or undefined if there is none or the stored value is not
 * shaped like a source. The hash is not checked here; `verifyQuote` reports a mismatch.
 */
export function getSource(doc: Y.Doc, id: string): Source | undefined {
  const value = sourcesMap(doc).get(id)
  return isSource(value) ? value : undefined
}

/**
 * All well-formed sources, oldest first (ties by id). Y.Map iteration order depends on the
 * order updates arrived in, so sorting is what makes every peer list them the same way.
 */
export function listSources(doc: Y.Doc): Source[] {
  const sources: Source[] = []
  for (const value of sourcesMap(doc).values()) if (isSource(value)) sources.push(value)
  return sources.sort(
    (a, b) =>
      a.retrievedAt.localeCompare(b.retrievedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
}

/** Metadata a person may correct on a source: what a citation prints, never the text. */
export type SourceMetadataChanges = Partial<
  Pick<Source, 'title' | 'byline' | 'publisher' | 'publishedAt'>
>

/**
 * Writes `changes` over the metadata of the source `id` and returns the source as stored, or
 * undefined when there is no such source. Text, hash, quotes and id are kept as they were.
 */
export function updateSourceMetadata(
  doc: Y.Doc,
  id: string,
  changes: SourceMetadataChanges,
  origin?: unknown,
): Source | undefined {
  const current = getSource(doc, id)
  if (!current) return undefined
  const { title, byline, publisher, publishedAt } = { ...current, ...changes }
  const updated: Source = { ...current, title, byline, publisher, publishedAt }
  assertSource(updated)
  doc.transact(() => sourcesMap(doc).set(id, JSON.parse(JSON.stringify(updated))), origin)
  return updated
}

/** Removes the source `id`; false when there was none. Callers check it is unused first. */
export function removeSource(doc: Y.Doc, id: string, origin?: unknown): boolean {
  const map = sourcesMap(doc)
  if (!map.has(id)) return false
  doc.transact(() => map.delete(id), origin)
  return true
}
