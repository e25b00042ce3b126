/** The evaluation as text for people: one line per document, then the micro-averages. */

import type { CorpusResult } from './evaluateCorpus'

const pct = (n: number) => `${(100 * n).toFixed(1)}%`

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
    .join('  ')
}

const HEADER = ['document', 'full', 'speaker', 'partial', 'not-quotes', 'boilerplate', 'metadata']

/** A table of a corpus's scores; `details` adds each wrong speaker, miss and leak. */
export function corpusReport(result: CorpusResult, details: boolean): string {
  const rows = result.documents.map((d) => [
    d.name,
    `${d.full.found}/${d.full.expected}`,
    `${d.full.speakerRight}/${d.full.expected}`,
    `${d.partial.found}/${d.partial.expected}`,
    `${d.notQuotes.offered.length}/${d.notQuotes.listed}`,
    `${d.boilerplate.leaked.length}/${d.boilerplate.listed}`,
    `${d.metadata.right}/${d.metadata.checked}`,
  ])
  const t = result.totals
  rows.push([
    `all ${t.documents} documents`,
    `${t.fullFound}/${t.fullExpected}`,
    `${t.fullSpeakerRight}/${t.fullExpected}`,
    `${t.partialFound}/${t.partialExpected}`,
    `${t.notQuotesOffered}/${t.notQuotesListed}`,
    `${t.boilerplateLeaked}/${t.boilerplateListed}`,
    `${t.metadataRight}/${t.metadataChecked}`,
  ])
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const lines = [
    `Sources in ${result.dir}`,
    pad(HEADER, widths),
    ...rows.map((r) => pad(r, widths)),
  ]
  lines.push(
    `full-quote recall ${pct(t.fullRecall)}, speaker accuracy ${pct(t.speakerAccuracy)} ` +
      `(right speaker over all expected full quotes), partial quotes found ${t.partialFound}/${t.partialExpected} ` +
      `(speaker right ${t.partialSpeakerRight}), not-quotes offered ${t.notQuotesOffered}/${t.notQuotesListed}, ` +
      `boilerplate leaked ${t.boilerplateLeaked}/${t.boilerplateListed}, title and publisher right ${t.metadataRight}/${t.metadataChecked}, ` +
      `publication date right ${t.publishedRight}/${t.publishedChecked}`,
  )
  if (details) {
    for (const d of result.documents) {
      for (const m of d.misattributed)
        lines.push(
          `  ${d.name}: "${m.starts.slice(0, 50)}" expected ${m.expected}, got ${m.offered}`,
        )
      for (const m of d.missed) lines.push(`  ${d.name}: missed "${m.slice(0, 60)}"`)
      for (const n of d.notQuotes.offered) lines.push(`  ${d.name}: offered the not-quote "${n}"`)
      for (const b of d.boilerplate.leaked)
        lines.push(`  ${d.name}: boilerplate "${b.slice(0, 60)}"`)
      for (const w of d.metadata.wrong)
        lines.push(`  ${d.name}: ${w.field} "${w.got}", expected "${w.expected}"`)
      if (d.published.checked > d.published.right)
        lines.push(`  ${d.name}: publishedAt ${d.published.got}, expected ${d.published.expected}`)
    }
  }
  return lines.join('\n')
}
