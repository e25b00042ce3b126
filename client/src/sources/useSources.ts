/** React hooks over a SourceLibrary: the list of sources, or one source by id, kept live. */
import { useCallback, useSyncExternalStore } from 'react'
import type { Source } from '../../../shared/sources'
import type { SourceLibrary } from './sourceLibrary'

/** All sources in the briefing, re-rendering when one is added. */
export function useSourceList(library: SourceLibrary): readonly Source[] {
  return useSyncExternalStore(library.subscribe, library.getSnapshot)
}

/** One source, or undefined until it is in the briefing (sources can arrive after quotes). */
export function useSource(library: SourceLibrary, id: string | null): Source | undefined {
  const read = useCallback(() => (id === null ? undefined : library.get(id)), [library, id])
  return useSyncExternalStore(library.subscribe, read)
}
