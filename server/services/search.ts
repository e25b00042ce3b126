/**
 * Search across briefings and their sources. Results come only from the briefings the
 * caller may read: the same list `GET /api/briefings` answers (BriefingsService.list, which
 * applies shared/access.ts), handed to the index as the only briefings it may answer from.
 */
import type { SearchResult } from '../../shared/api/search'
import { readMarkedSnippet } from '../../shared/search/snippet'
import { searchTerms } from '../../shared/search/terms'
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../store/search/searchIndex'
import type { BriefingsService } from './briefings'
import type { Actor, ServiceDeps } from './deps'

export class SearchService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly briefings: BriefingsService,
  ) {}

  /** The best `limit` matches of `q` the caller may read, best first. */
  async search(actor: Actor, input: { q: string; limit: number }): Promise<SearchResult[]> {
    const readable = new Map((await this.briefings.list(actor)).map((b) => [b.id, b]))
    const hits = await this.deps.stores.search.search(
      searchTerms(input.q),
      [...readable.keys()],
      input.limit,
    )
    const results: SearchResult[] = []
    for (const hit of hits) {
      const briefing = readable.get(hit.briefingId)
      // The index was asked for these briefings only; checked again so no slip can leak one.
      if (!briefing) continue
      const { text, highlights } = readMarkedSnippet(hit.snippet, SNIPPET_OPEN, SNIPPET_CLOSE)
      const common = { briefingId: briefing.id, briefingTitle: briefing.title, snippet: text }
      results.push(
        hit.sourceId === null
          ? { type: 'briefing', ...common, title: briefing.title, highlights }
          : { type: 'source', ...common, sourceId: hit.sourceId, title: hit.title, highlights },
      )
    }
    return results
  }
}
