/**
 * The briefing's sources as a store React can subscribe to. Sources live in the Y.Doc's
 * `sources` map, where the server (or any peer) adds them; this wraps the map so components
 * re-render when one arrives and read the same objects in between, which keeps the quote
 * verifier's per-source cache warm.
 */
import type * as Y from 'yjs'
import { getSource, listSources, type Source, sourcesMap } from '../../../shared/sources'

/** Live view of one Y.Doc's sources. One per collaboration session. */
export class SourceLibrary {
  private readonly map: Y.Map<unknown>
  private readonly listeners = new Set<() => void>()
  // Rebuilt lazily after a change, so a burst of sources arriving in one sync sorts once.
  private snapshot: readonly Source[] | null = null

  constructor(private readonly doc: Y.Doc) {
    this.map = sourcesMap(doc)
    // Observed for the doc's whole life, not only while subscribed: React reads a snapshot
    // before it subscribes, and that snapshot must not go stale in between.
    this.map.observe(this.onChange)
  }

  /** All well-formed sources, oldest first; the same array until the map changes. */
  readonly getSnapshot = (): readonly Source[] => {
    this.snapshot ??= listSources(this.doc)
    return this.snapshot
  }

  /** The source with `id`, or undefined when it is not (yet) in the briefing or malformed. */
  readonly get = (id: string): Source | undefined => getSource(this.doc, id)

  /** Calls `listener` after every change to the sources map; returns the unsubscribe. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  private readonly onChange = () => {
    this.snapshot = null
    for (const listener of [...this.listeners]) listener()
  }
}
