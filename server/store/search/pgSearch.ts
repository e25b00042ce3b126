/**
 * Search on PostgreSQL: the GIN index on search_documents' tsvector (see the PostgreSQL
 * migrations; VECTOR below must stay the indexed expression, or the index is not used).
 * Each term is a prefix (`word:*`), all required; the terms are words already (letters and
 * digits only), so they cannot form tsquery syntax. Snippets come from ts_headline, run only
 * on the rows kept after ranking.
 */
import type { SqlClient } from '../sql/sqlClient'
import { type HitRow, hitOf, type SearchDialect, SNIPPET_CLOSE, SNIPPET_OPEN } from './searchIndex'

const VECTOR = `(setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B'))`

const HEADLINE_OPTIONS = [
  `StartSel="${SNIPPET_OPEN}"`,
  `StopSel="${SNIPPET_CLOSE}"`,
  'MaxWords=24',
  'MinWords=10',
  'MaxFragments=1',
  'FragmentDelimiter=" … "',
].join(', ')

export const pgSearch: SearchDialect = {
  async search(sql, terms, briefingIds, limit) {
    const query = terms.map((term) => `${term}:*`).join(' & ')
    const rows = await sql.all<HitRow>(
      `SELECT hit.briefing_id, hit.source_id, hit.title,
         CASE WHEN hit.body = '' THEN '' ELSE
           ts_headline('simple', hit.body, to_tsquery('simple', ?), ?) END AS snippet
       FROM (
         SELECT d.briefing_id, d.source_id, d.title, d.body,
           ts_rank(${VECTOR}, to_tsquery('simple', ?)) AS rank
         FROM search_documents d
         WHERE ${VECTOR} @@ to_tsquery('simple', ?) AND d.briefing_id = ANY(?::text[])
         ORDER BY rank DESC, d.briefing_id, d.source_id
         LIMIT ?
       ) hit
       ORDER BY hit.rank DESC, hit.briefing_id, hit.source_id`,
      [query, HEADLINE_OPTIONS, query, query, [...briefingIds], limit],
    )
    return rows.map(hitOf)
  },

  async rebuildStructure(sql: SqlClient) {
    await sql.run('REINDEX INDEX search_documents_fts')
  },
}
