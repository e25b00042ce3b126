/** The page-weight scenario's rows in the summary table and its detail table. */
import { kb, table, verdict } from '../lib/markdown'
import type { PageWeightResult } from './pageWeight'

const LABELS = { list: 'list page', editor: 'editor page (sources panel open)' } as const

export function pageWeightRows(result: PageWeightResult): string[][] {
  return result.points.map((p) => [
    `Initial JavaScript transfer, ${LABELS[p.page]}, empty cache (Chromium)`,
    kb(p.scriptBytes),
    '—',
    '—',
    `≤ ${kb(p.budgetBytes)}`,
    verdict(p.scriptBytes <= p.budgetBytes),
  ])
}

export function pageWeightDetail(result: PageWeightResult): string[] {
  return [
    '**Page weight** (real Chromium, empty cache, 1280×800, production build served by server/main.ts; bytes on the wire = encoded body + headers; KB = 1,000 B)',
    '',
    table(
      ['Page', 'JavaScript', 'decoded', 'CSS', 'everything', 'requests', 'scripts (coding, bytes)'],
      result.points.map((p) => [
        LABELS[p.page],
        kb(p.scriptBytes),
        kb(p.scriptDecodedBytes),
        kb(p.styleBytes),
        kb(p.totalBytes),
        String(p.requests),
        p.scripts.map((s) => `${s.url} (${s.encoding ?? 'none'}, ${kb(s.bytes)})`).join('; '),
      ]),
    ),
    '',
  ]
}
