/**
 * The results for what is in the search box, asked for once typing pauses. An answer that
 * arrives after the query changed is dropped, so the list always matches the box.
 */
import { useEffect, useState } from 'react'
import { searchTerms } from '../../../shared/search/terms'
import { errorMessage } from '../api/apiError'
import { type SearchResult, searchBriefings } from '../api/search'

export type SearchState =
  /** Nothing to search for yet (no words in the box). */
  | { status: 'idle' }
  | { status: 'searching'; results: SearchResult[] }
  | { status: 'ready'; results: SearchResult[] }
  | { status: 'error'; message: string }

/** How long typing must pause before a query is sent: one request per word, not per key. */
const PAUSE_MS = 150

export function useSearch(query: string): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' })
  const empty = searchTerms(query).length === 0

  useEffect(() => {
    if (empty) {
      setState({ status: 'idle' })
      return
    }
    let current = true
    // The last results stay on screen while the next ones load, so the list does not flicker.
    setState((state) => ({ status: 'searching', results: resultsOf(state) }))
    const timer = setTimeout(() => {
      searchBriefings(query).then(
        (results) => current && setState({ status: 'ready', results }),
        (err: unknown) => current && setState({ status: 'error', message: errorMessage(err) }),
      )
    }, PAUSE_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [query, empty])

  return state
}

function resultsOf(state: SearchState): SearchResult[] {
  return state.status === 'searching' || state.status === 'ready' ? state.results : []
}
