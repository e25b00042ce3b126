/**
 * Reading and adding sources in a briefing's Y.Doc. Sources sit in the Y.Map named
 * SOURCES_MAP as plain JSON values, written once: a source's text is what quotes are checked
 * against, so replacing it would silently re-base every quote taken from it.
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
