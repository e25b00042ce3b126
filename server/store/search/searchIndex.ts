/**
 * The full-text search index: one row per searchable text (a briefing's own title and text,
 * or one of its sources' title and text), derived from what the server already stores, so it
 * can always be rebuilt (`briefing reindex`). Written once over SqlClient; only the query and
 * the index maintenance differ per backend (a SearchDialect: FTS5 on SQLite, a tsvector GIN
 * index on PostgreSQL).
 */
import type { SqlClient } from '../sql/sqlClient'

/** One source of a briefing as the index holds it. */
export interface SourceText {
  id: string
  title: string
  body: string
}

/** What the index holds for one briefing, besides its title (read from `briefings`). */
export interface BriefingText {
  body: string
  sources: SourceText[]
}

/** A matching text; `snippet` marks each matched word with SNIPPET_OPEN / SNIPPET_CLOSE. */
export interface SearchHit {
  briefingId: string
  /** Null for the briefing's own text. */
  sourceId: string | null
  title: string
  snippet: string
}

/** A hit as both dialects select it. */
export interface HitRow {
  briefing_id: string
  source_id: string
  title: string
  snippet: string | null
}

export function hitOf(row: HitRow): SearchHit {
  return {
    briefingId: row.briefing_id,
    sourceId: row.source_id === OWN_TEXT ? null : row.source_id,
    title: row.title,
    snippet: row.snippet ?? '',
  }
}

/** Marks around a matched word in a snippet: control characters, never in indexed text. */
export const SNIPPET_OPEN = '\u0002'
export const SNIPPET_CLOSE = '\u0003'

/** The per-backend part: how to find matches and how to rebuild the index structure. */
export interface SearchDialect {
  /**
   * Hits for `terms` (each matched as a word prefix, all required) among `briefingIds`,
   * best first, at most `limit`.
   */
  search(
    sql: SqlClient,
    terms: readonly string[],
    briefingIds: readonly string[],
    limit: number,
  ): Promise<SearchHit[]>
  /** Rebuilds the index structure from the search_documents rows. */
  rebuildStructure(sql: SqlClient): Promise<void>
}

/** Longest text indexed per row: a PostgreSQL tsvector holds at most 1 MB. */
export const MAX_INDEXED_CHARS = 200_000

/** The briefing's own row has this source_id; NOT NULL keeps the UNIQUE pair meaningful. */
const OWN_TEXT = ''

/**
 * Control characters become spaces, so no indexed text can forge a snippet mark; the text
 * is cut at MAX_INDEXED_CHARS.
 */
export function indexable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  return text.slice(0, MAX_INDEXED_CHARS).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ')
}

/**
 * Upserts one row, rewriting it only when something changed (re-tokenising a long source on
 * every edit of the briefing would cost more than the comparison). INSERT … SELECT from
 * `briefings` writes nothing for a briefing deleted meanwhile, instead of failing its key.
 */
const UPSERT = `
  INSERT INTO search_documents (briefing_id, source_id, title, body)
  SELECT id, ?, ?, ? FROM briefings WHERE id = ?
  ON CONFLICT (briefing_id, source_id) DO UPDATE SET title = excluded.title, body = excluded.body
  WHERE search_documents.title <> excluded.title OR search_documents.body <> excluded.body`

/** See the file comment. */
export class SearchIndex {
  constructor(
    private readonly sql: SqlClient,
    private readonly dialect: SearchDialect,
  ) {}

  /** Indexes the briefing's current title, keeping the text indexed for it. */
  async indexTitle(briefingId: string): Promise<void> {
    await this.sql.run(
      `INSERT INTO search_documents (briefing_id, source_id, title, body)
       SELECT id, ?, title, '' FROM briefings WHERE id = ?
       ON CONFLICT (briefing_id, source_id) DO UPDATE SET title = excluded.title
       WHERE search_documents.title <> excluded.title`,
      [OWN_TEXT, briefingId],
    )
  }

  /** Replaces everything indexed for the briefing: its title, its text and its sources. */
  async indexBriefing(briefingId: string, text: BriefingText): Promise<void> {
    await this.sql.transaction(async (tx) => {
      const title = await tx.get<{ title: string }>('SELECT title FROM briefings WHERE id = ?', [
        briefingId,
      ])
      if (!title) return
      await tx.run(UPSERT, [OWN_TEXT, indexable(title.title), indexable(text.body), briefingId])
      const kept = new Set(text.sources.map((source) => source.id))
      const stored = await tx.all<{ source_id: string }>(
        'SELECT source_id FROM search_documents WHERE briefing_id = ? AND source_id <> ?',
        [briefingId, OWN_TEXT],
      )
      for (const { source_id } of stored) {
        if (kept.has(source_id)) continue
        await tx.run('DELETE FROM search_documents WHERE briefing_id = ? AND source_id = ?', [
          briefingId,
          source_id,
        ])
      }
      for (const source of text.sources) {
        if (source.id === OWN_TEXT) continue
        const row = [source.id, indexable(source.title), indexable(source.body), briefingId]
        await tx.run(UPSERT, row)
      }
    })
  }

  /** Matches for `terms` among `briefingIds` (the caller's readable briefings), best first. */
  search(terms: readonly string[], briefingIds: readonly string[], limit: number) {
    if (terms.length === 0 || briefingIds.length === 0) return Promise.resolve([])
    return this.dialect.search(this.sql, terms, briefingIds, limit)
  }

  /** Rebuilds the backend's index structure from the rows (after `indexBriefing` of each). */
  rebuildStructure(): Promise<void> {
    return this.dialect.rebuildStructure(this.sql)
  }

  /**
   * Briefings with nothing indexed, not even their title: those stored before the index
   * existed (or restored from a backup of one), in id order.
   */
  async unindexed(): Promise<string[]> {
    const rows = await this.sql.all<{ id: string }>(
      `SELECT b.id FROM briefings b WHERE NOT EXISTS (
         SELECT 1 FROM search_documents d WHERE d.briefing_id = b.id AND d.source_id = ?)
       ORDER BY b.id`,
      [OWN_TEXT],
    )
    return rows.map((row) => row.id)
  }

  /** Briefing ids with indexed rows whose briefing is gone; the key's cascade keeps it empty. */
  async orphans(): Promise<string[]> {
    const rows = await this.sql.all<{ briefing_id: string }>(
      `SELECT DISTINCT briefing_id FROM search_documents d
       WHERE NOT EXISTS (SELECT 1 FROM briefings b WHERE b.id = d.briefing_id)`,
    )
    return rows.map((row) => row.briefing_id)
  }
}
