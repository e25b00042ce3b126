/**
 * What the sources panel and the quote and sources-list node views share for one open
 * briefing: the live source library, one quote verifier (its cache is per source object, so
 * sharing it means each source is hashed once), and a way to open a source in the panel.
 * Node views render inside EditorContent, so the context reaches them.
 */
import { createContext, useContext } from 'react'
import type { createQuoteVerifier } from '../../../shared/quotes/verify'
import type { BodyRange } from './readerSegments'
import type { SourceLibrary } from './sourceLibrary'

/** The verifier type `createQuoteVerifier` returns. */
export type QuoteVerifier = ReturnType<typeof createQuoteVerifier>

/** Shared per open briefing; see the module comment. */
export interface SourcesContextValue {
  library: SourceLibrary
  verifier: QuoteVerifier
  /** Shows `sourceId` in the sources panel; with `focus`, its reader at that passage. */
  openSource: (sourceId: string, focus?: BodyRange | null) => void
  /** Who is editing now (user name), recorded when they confirm or change a speaker. */
  userName: () => string
}

export const SourcesContext = createContext<SourcesContextValue | null>(null)

/** The context, which every sources component needs; throws when rendered outside it. */
export function useSourcesContext(): SourcesContextValue {
  const value = useContext(SourcesContext)
  if (!value) throw new Error('useSourcesContext must be used inside a SourcesContext provider')
  return value
}
