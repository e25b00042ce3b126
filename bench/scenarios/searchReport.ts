/** The search scenario's rows in the summary table and its detail table. */
import { table } from '../lib/markdown'
import type { SearchResult } from './search'

const count = (n: number) => n.toLocaleString('en')

export function searchRows(result: SearchResult): string[][] {
  const worst = result.queries.reduce((a, b) => (b.latency.p95 > a.latency.p95 ? b : a))
  return [
    [
      `Search latency p95, ${count(result.briefings)} briefings, slowest query (${worst.name})`,
      `${worst.latency.p95} ms`,
      '—',
      '—',
      'report',
      '—',
    ],
  ]
}

export function searchDetail(result: SearchResult): string[] {
  return [
    `**Search** (GET /api/search over HTTP, one user who may read all ${count(result.briefings)} briefings of ${result.wordsPerBriefing} words each; SQLite FTS5; sequential requests after a warm-up, timed at the client; written in ${count(result.seedMs)} ms, indexed by \`reindexAll\` in ${count(result.reindexMs)} ms)`,
    '',
    table(
      ['Query', 'q', 'briefings holding it', 'results', 'p50', 'p95', 'max', 'samples'],
      result.queries.map((q) => [
        q.name,
        `\`${q.q}\``,
        q.briefingsMatching < 0 ? '—' : count(q.briefingsMatching),
        String(q.results),
        `${q.latency.p50} ms`,
        `${q.latency.p95} ms`,
        `${q.latency.max} ms`,
        String(q.latency.samples),
      ]),
    ),
    '',
  ]
}
