/**
 * Search on SQLite: FTS5 over search_documents (see the SQLite migrations). Each term is a
 * quoted prefix query (`"word"*`); the terms are words already (letters and digits only), so
 * quoting cannot be escaped from. Ranked by bm25 with the title weighted above the text.
 */
import type { SqlClient } from '../sql/sqlClient'
import { type HitRow, hitOf, type SearchDialect, SNIPPET_CLOSE, SNIPPET_OPEN } from './searchIndex'

/** Words of text around the match in a snippet. */
const SNIPPET_WORDS = 24

export const sqliteSearch: SearchDialect = {
  async search(sql, terms, briefingIds, limit) {
    const match = terms.map((term) => `"${term}"*`).join(' ')
    const rows = await sql.all<HitRow>(
      `SELECT d.briefing_id, d.source_id, d.title,
         snippet(search_fts, 1, ?, ?, '…', ${SNIPPET_WORDS}) AS snippet
       FROM search_fts JOIN search_documents d ON d.id = search_fts.rowid
       WHERE search_fts MATCH ? AND d.briefing_id IN (SELECT value FROM json_each(?))
       ORDER BY bm25(search_fts, 10.0, 1.0), d.briefing_id, d.source_id
       LIMIT ?`,
      [SNIPPET_OPEN, SNIPPET_CLOSE, match, JSON.stringify(briefingIds), limit],
    )
    return rows.map(hitOf)
  },

  async rebuildStructure(sql: SqlClient) {
    await sql.run("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")
  },
}
