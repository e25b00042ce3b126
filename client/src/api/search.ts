/** The search REST API (`GET /api/search`, shared/api/search.ts). */
import { type SearchResult, searchResponse } from '../../../shared/api/search'
import { parseWith, requestJson } from './http'

export type { SearchResult }

const parseResults = parseWith(searchResponse, 'search')

/** The best matches of `query` among the briefings and sources the user may read. */
export function searchBriefings(query: string): Promise<SearchResult[]> {
  const path = `/api/search?${new URLSearchParams({ q: query })}`
  return requestJson('GET', path, (body) => parseResults(body).results)
}
