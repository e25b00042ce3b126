/**
 * Turns a results file into the Markdown tables printed after a run and kept in
 * BENCHMARKS.md (between the generated-section markers), with each target's verdict.
 */
import fs from 'node:fs'
import path from 'node:path'
import { REPO_ROOT } from './lib/processes'
import type { BenchResults } from './run'
import type { ColdLoadResult } from './scenarios/coldLoad'
import type { DurabilityResult } from './scenarios/durability'
import type { IdleResult } from './scenarios/idle'
import type { ExportPoint, QuotesResult } from './scenarios/local'
import type { CeilingResult, SyncPoint } from './scenarios/sync'

export const DOC_START = '<!-- bench:generated:start -->'
export const DOC_END = '<!-- bench:generated:end -->'

type Row = [string, string, string, string, string, string]

export function renderMarkdown(results: BenchResults): string {
  const s = results.scenarios as Record<string, { status: string } & Record<string, unknown>>
  const m = results.machine
  const out: string[] = [
    `Run ${results.startedAt} (${results.mode}) on ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}; load average ${m.loadAverage} at start, ${m.loadAverageAtEnd} at end.`,
    '',
  ]
  const rows: Row[] = []
  const sync = ok(s.syncLatency) as { points: SyncPoint[] } | null
  for (const p of sync?.points ?? []) {
    rows.push([
      `Sync latency p99, ${p.editors} editors`,
      ms(p.ours.p99),
      ms(p.theirs.p99),
      String(p.ratioP99),
      '≤ 0.8',
      verdict(p.ratioP99 <= 0.8),
    ])
  }
  const ceiling = ok(s.hotDocumentCeiling) as {
    ours: CeilingResult
    theirs: CeilingResult
    ratio: number | null
  } | null
  if (ceiling) {
    rows.push([
      'Hot-document ceiling (editors at p99 < 100 ms)',
      editors(ceiling.ours),
      editors(ceiling.theirs),
      String(ceiling.ratio ?? 'n/a'),
      '≥ 1.5',
      ceiling.ratio === null ? 'n/a' : verdict(ceiling.ratio >= 1.5),
    ])
  }
  const idle = ok(s.idleConnections) as {
    ours: IdleResult
    theirs: IdleResult
    ratioRss: number
    ratioHeap: number
  } | null
  if (idle) {
    rows.push([
      `Memory per idle connection, RSS (${idle.ours.connections} over ${idle.ours.documents} docs)`,
      kib(idle.ours.rssPerConnectionKiB),
      kib(idle.theirs.rssPerConnectionKiB),
      String(idle.ratioRss),
      '≤ 0.7',
      verdict(idle.ratioRss <= 0.7),
    ])
    rows.push([
      'Memory per idle connection, V8 heap',
      kib(idle.ours.heapPerConnectionKiB),
      kib(idle.theirs.heapPerConnectionKiB),
      String(idle.ratioHeap),
      '≤ 0.7',
      verdict(idle.ratioHeap <= 0.7),
    ])
  }
  const cold = ok(s.coldLoad) as ColdLoadResult | null
  if (cold) {
    rows.push([
      `Cold load, ${cold.edits.toLocaleString('en')}-edit history (Briefing: uncompacted log)`,
      ms(cold.ours.medianMs),
      ms(cold.theirs.medianMs),
      String(cold.ratio),
      '≤ 0.5',
      verdict(cold.ratio <= 0.5),
    ])
    rows.push([
      'Cold load, same document (Briefing: after compaction)',
      ms(cold.oursCompacted.medianMs),
      ms(cold.theirs.medianMs),
      String(cold.ratioCompacted),
      '≤ 0.5',
      verdict(cold.ratioCompacted <= 0.5),
    ])
  }
  const pdf = ok(s.export) as { points: ExportPoint[] } | null
  for (const p of pdf?.points ?? []) {
    const target = p.targetPages === 20 ? '≥ 5× faster' : '—'
    const met = p.targetPages === 20 ? verdict(p.speedupWarm >= 5) : '—'
    rows.push([
      `PDF export, ${p.targetPages} pages, warm (Typst vs Chromium page.pdf)`,
      ms(p.typst.warmMs),
      `${ms(p.chromium.warmMs)} (Chromium)`,
      `${p.speedupWarm}× faster`,
      target,
      met,
    ])
  }
  const durability = ok(s.durabilityCost) as DurabilityResult | null
  if (durability) {
    rows.push([
      'Update throughput, append-before-broadcast vs no-op append',
      `${durability.durable.updatesPerSecond}/s`,
      `${durability.notDurable.updatesPerSecond}/s (no-op append)`,
      String(durability.throughputRatio),
      'report',
      '—',
    ])
  }
  const quotes = ok(s.quoteExtraction) as QuotesResult | null
  if (quotes)
    rows.push([
      'Quote extraction, 10,000-word article',
      ms(quotes.msPer10kWords),
      '—',
      '—',
      'report',
      '—',
    ])
  for (const name of Object.keys(s)) {
    if (s[name]!.status !== 'ok') rows.push([name, s[name]!.status, '', '', '', ''])
  }
  out.push(table(['Measure', 'Briefing', 'Hocuspocus', 'ours/theirs', 'Target', 'Met'], rows), '')

  if (sync) {
    out.push(
      '**Sync latency** (edit scheduled → applied on every other editor; 5 edits/s per editor)',
      '',
    )
    out.push(
      table(
        [
          'Editors',
          'Server',
          'p50',
          'p95',
          'p99',
          'max',
          'samples',
          'missing',
          'server CPU',
          'generator send lag p99',
          'generator loop delay p99',
          'generator CPU',
        ],
        sync.points.flatMap((p) =>
          (
            [
              ['Briefing', p.ours],
              ['Hocuspocus', p.theirs],
            ] as const
          ).map(([name, r]) => [
            String(p.editors),
            name,
            ms(r.p50),
            ms(r.p95),
            ms(r.p99),
            ms(r.max),
            String(r.samples),
            String(r.missing),
            String(r.serverCpu),
            ms(r.sendLagP99),
            r.loadGenerators.map((g) => ms(g.loopDelayP99Ms)).join(' / '),
            r.loadGenerators.map((g) => g.cpuShare).join(' / '),
          ]),
        ),
      ),
      '',
    )
  }
  if (ceiling) {
    out.push('**Hot-document ramp** (p99 per step)', '')
    const steps = (r: CeilingResult) =>
      r.steps.map((st) => `${st.editors}: ${ms(st.p99)} (CPU ${st.serverCpu})`).join(', ')
    out.push(
      table(
        ['Server', 'Steps (editors: p99)'],
        [
          ['Briefing', steps(ceiling.ours)],
          ['Hocuspocus', steps(ceiling.theirs)],
        ],
      ),
      '',
    )
  }
  if (idle) {
    out.push('**Idle connections**', '')
    out.push(
      table(
        ['Server', 'open', 'RSS before → after', 'heap before → after', 'connect time'],
        (
          [
            ['Briefing', idle.ours],
            ['Hocuspocus', idle.theirs],
          ] as const
        ).map(([name, r]) => [
          name,
          `${r.open}/${r.connections}`,
          `${r.rssBeforeMiB} → ${r.rssAfterMiB} MiB`,
          `${r.heapBeforeMiB} → ${r.heapAfterMiB} MiB`,
          `${r.connectSeconds} s`,
        ]),
      ),
      '',
    )
  }
  if (cold) {
    out.push(
      `**Cold load storage** (final document: ${cold.characters.toLocaleString('en')} characters, encoded Yjs state ${bytes(cold.encodedStateBytes)})`,
      '',
    )
    out.push(
      table(
        ['Store', 'rows', 'stored bytes', 'stored / encoded state', 'database file', 'runs (ms)'],
        (
          [
            ['Briefing, log', cold.ours],
            ['Briefing, compacted', cold.oursCompacted],
            ['Hocuspocus', cold.theirs],
          ] as const
        ).map(([name, r]) => [
          name,
          String(r.storedRows),
          bytes(r.storedBytes),
          `${Math.round((r.storedBytes / cold.encodedStateBytes) * 100) / 100}×`,
          bytes(r.fileBytes),
          r.runsMs.join(', '),
        ]),
      ),
      '',
    )
  }
  if (durability) {
    out.push(
      `**Durability cost** (${durability.documents} documents, ${durability.writers} closed-loop writers, at most ${durability.offeredMaxPerSecond} updates/s offered)`,
      '',
    )
    out.push(
      table(
        ['Server', 'updates/s', 'p50', 'p99', 'server CPU'],
        (
          [
            ['Briefing (append before broadcast)', durability.durable],
            ['Briefing, no-op append', durability.notDurable],
            ['Hocuspocus (2 s debounced store)', durability.hocuspocus],
          ] as const
        ).map(([name, r]) => [
          name,
          String(r.updatesPerSecond),
          ms(r.latency.p50),
          ms(r.latency.p99),
          String(r.serverCpu),
        ]),
      ),
      '',
    )
  }
  if (pdf) {
    out.push(
      '**PDF export** (median; cold = first render in a fresh process, including Chromium launch)',
      '',
    )
    out.push(
      table(
        [
          'Target pages',
          'Typst pages',
          'Typst warm',
          'Typst cold',
          'Chromium pages',
          'Chromium warm',
          'Chromium cold',
        ],
        pdf.points.map((p) => [
          String(p.targetPages),
          String(p.typst.pages),
          ms(p.typst.warmMs),
          ms(p.typst.coldMs),
          String(p.chromium.pages),
          ms(p.chromium.warmMs),
          ms(p.chromium.coldMs),
        ]),
      ),
      '',
    )
  }
  if (quotes) {
    out.push(
      `**Quote extraction**: ${quotes.words} words, ${quotes.quotesFound} quotations, median ${ms(quotes.medianMs)} (${ms(quotes.msPer10kWords)} per 10,000 words).`,
      '',
    )
  }
  return out.join('\n')
}

/** Replaces the generated section of BENCHMARKS.md (creating the markers if missing). */
export function updateBenchmarksDoc(markdown: string, resultsFile: string): void {
  const file = path.join(REPO_ROOT, 'BENCHMARKS.md')
  const body = `${DOC_START}\n<!-- Written by \`npm run bench\` from ${resultsFile}; edit the text outside the markers. -->\n\n${markdown}\n${DOC_END}`
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n\n'
  const start = current.indexOf(DOC_START)
  const end = current.indexOf(DOC_END)
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + body + current.slice(end + DOC_END.length)
      : `${current.trimEnd()}\n\n${body}\n`
  fs.writeFileSync(file, next)
}

function ok(scenario: ({ status: string } & Record<string, unknown>) | undefined) {
  return scenario?.status === 'ok' ? scenario : null
}

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n')
}

function verdict(met: boolean): string {
  return met ? 'yes' : 'no'
}

function ms(value: number): string {
  return Number.isFinite(value) ? `${Math.round(value * 100) / 100} ms` : String(value)
}

function kib(value: number): string {
  return `${value} KiB`
}

function bytes(value: number): string {
  if (value >= 2 ** 20) return `${Math.round((value / 2 ** 20) * 10) / 10} MiB`
  if (value >= 1024) return `${Math.round((value / 1024) * 10) / 10} KiB`
  return `${value} B`
}

function editors(result: CeilingResult): string {
  if (result.maxEditors === null) return `< ${result.steps[0]?.editors ?? '?'}`
  return result.notReached
    ? `≥ ${result.maxEditors} (limit not reached)`
    : String(result.maxEditors)
}
