/** `/api/search`: briefings and sources the caller may read, found by words. */
import { z } from 'zod'
import { MAX_QUERY_LENGTH, searchTerms } from '../search/terms'

export const SEARCH_RESULT_TYPES = ['briefing', 'source'] as const

export const searchQuery = z
  .object({
    q: z
      .string()
      .max(MAX_QUERY_LENGTH)
      .refine((q) => searchTerms(q).length > 0, 'give at least one word to search for'),
    // A digit string read as a number (not z.coerce, whose module the client would then
    // download with the search dialog, in a chunk of its own).
    limit: z
      .string()
      .regex(/^\d{1,3}$/, 'must be a whole number')
      .transform(Number)
      .pipe(z.number().min(1).max(50))
      .default(20),
  })
  .strict()

/**
 * One match: a briefing (its title or text) or one of its sources (title or text).
 * `snippet` is plain text around the match; `highlights` are the matched words in it.
 */
export const searchResult = z.object({
  type: z.enum(SEARCH_RESULT_TYPES),
  briefingId: z.string(),
  sourceId: z.string().optional(),
  title: z.string(),
  /** The briefing's title, also for a source (which has its own `title`). */
  briefingTitle: z.string(),
  snippet: z.string(),
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
})
export const searchResponse = z.object({ results: z.array(searchResult) })

export type SearchResult = z.infer<typeof searchResult>
