/**
 * How a search box's text becomes search terms: the words in it (runs of letters and digits,
 * lower-cased), each matched as the start of a word in the index. Shared so the client knows
 * when a query has nothing to search for, and the server builds its index query from words
 * alone, which no quoting or operator syntax can come from.
 */

/** The most words one query may hold; more would only narrow it to nothing. */
export const MAX_SEARCH_TERMS = 8
/** Longer "words" are cut: nothing indexed is usefully matched by a longer prefix. */
export const MAX_TERM_LENGTH = 64
/** The most characters of query text read. */
export const MAX_QUERY_LENGTH = 200

/** The distinct words of `query`, in order, at most MAX_SEARCH_TERMS. */
export function searchTerms(query: string): string[] {
  const words =
    query
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  const terms: string[] = []
  for (const word of words) {
    const term = word.slice(0, MAX_TERM_LENGTH)
    if (!terms.includes(term)) terms.push(term)
    if (terms.length === MAX_SEARCH_TERMS) break
  }
  return terms
}
