/**
 * Turns a results file into the Markdown printed after a run and kept in BENCHMARKS.md
 * (between the generated-section markers): the ours/theirs table with each target's
 * verdict, then one detail table per scenario.
 */
import fs from 'node:fs'
import path from 'node:path'
import { REPO_ROOT } from './lib/processes'
import type { BenchResults } from './run'
import type { ColdLoadResult } from './scenarios/coldLoad'
import type { DurabilityResult, ThroughputResult } from './scenarios/durability'
import type { HostileImportResult } from './scenarios/hostileImport'
import type { IdleResult } from './scenarios/idle'
import type { ImportLoadResult } from './scenarios/importUnderLoad'
import { importUnderLoadDetail, importUnderLoadRow } from './scenarios/importUnderLoadReport'
import type { ExportPoint, QuotesResult } from './scenarios/local'
import type { PageWeightResult } from './scenarios/pageWeight'
import { pageWeightDetail, pageWeightRows } from './scenarios/pageWeightReport'
import type { SearchResult } from './scenarios/search'
import { searchDetail, searchRows } from './scenarios/searchReport'
import type { CeilingResult, SyncPoint } from './scenarios/sync'
import type { VersionsResult } from './scenarios/versions'

export const DOC_START = '<!-- bench:generated:start -->'
export const DOC_END = '<!-- bench:generated:end -->'

type Scenario = { status: string } & Record<string, unknown>
type Sync = { points: SyncPoint[] }
type Ceiling = { ours: CeilingResult; theirs: CeilingResult; ratio: number | null }
type Idle = { ours: IdleResult; theirs: IdleResult; ratioRss: number; ratioHeap: number }
type Pdf = { points: ExportPoint[] }

export function renderMarkdown(results: BenchResults): string {
  const s = results.scenarios as Record<string, Scenario>
  const m = results.machine
  const sync = ok<Sync>(s.syncLatency)
  const ceiling = ok<Ceiling>(s.hotDocumentCeiling)
  const idle = ok<Idle>(s.idleConnections)
  const cold = ok<ColdLoadResult>(s.coldLoad)
  const pdf = ok<Pdf>(s.export)
  const durability = ok<DurabilityResult>(s.durabilityCost)
  const quotes = ok<QuotesResult>(s.quoteExtraction)
  const hostile = ok<HostileImportResult>(s.hostileImport)
  const importLoad = ok<ImportLoadResult>(s.importUnderLoad)
  const pages = ok<PageWeightResult>(s.pageWeight)
  const versions = ok<VersionsResult>(s.versions)
  const search = ok<SearchResult>(s.searchLatency)
  const failed = Object.entries(s).filter(([, scenario]) => scenario.status !== 'ok')
  return [
    `Run ${results.startedAt} (${results.mode}) on ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}; load average ${m.loadAverage} at start, ${m.loadAverageAtEnd} at end.`,
    ...results.notes.filter((note) => note.includes(' re-run on ')).map((note) => `\n_${note}_`),
    '',
    table(
      ['Measure', 'Briefing', 'Hocuspocus', 'ours/theirs', 'Target', 'Met'],
      [
        ...(sync ? syncRows(sync) : []),
        ...(ceiling ? [ceilingRow(ceiling)] : []),
        ...(idle ? idleRows(idle) : []),
        ...(cold ? coldRows(cold) : []),
        ...(pdf ? pdfRows(pdf) : []),
        ...(durability ? [durabilityRow(durability)] : []),
        ...(quotes
          ? [
              [
                'Quote extraction, 10,000-word article',
                ms(quotes.msPer10kWords),
                '—',
                '—',
                'report',
                '—',
              ],
            ]
          : []),
        ...(hostile ? hostileRows(hostile) : []),
        ...(importLoad ? [importUnderLoadRow(importLoad)] : []),
        ...(pages ? pageWeightRows(pages) : []),
        ...(versions ? versionsRows(versions) : []),
        ...(search ? searchRows(search) : []),
        ...failed.map(([name, scenario]) => [name, scenario.status, '', '', '', '']),
      ],
    ),
    '',
    ...(sync ? syncDetail(sync) : []),
    ...(ceiling ? ceilingDetail(ceiling) : []),
    ...(idle ? idleDetail(idle) : []),
    ...(cold ? coldDetail(cold) : []),
    ...(durability ? durabilityDetail(durability) : []),
    ...(pdf ? pdfDetail(pdf) : []),
    ...(quotes
      ? [
          `**Quote extraction**: ${quotes.words} words, ${quotes.quotesFound} quotations, median ${ms(quotes.medianMs)} once warm (${ms(quotes.msPer10kWords)} per 10,000 words)${quotes.coldMs === undefined ? '' : `; the first run, cold, ${ms(quotes.coldMs)}`}.`,
          '',
        ]
      : []),
    ...(hostile ? hostileDetail(hostile) : []),
    ...(importLoad ? importUnderLoadDetail(importLoad) : []),
    ...(pages ? pageWeightDetail(pages) : []),
    ...(versions ? versionsDetail(versions) : []),
    ...(search ? searchDetail(search) : []),
  ].join('\n')
}

function syncRows(sync: Sync): string[][] {
  return sync.points.map((p) => {
    // Past a second both are saturated: the ratio compares two queues, not two servers.
    const saturated = p.ours.p99 >= 1000 && p.theirs.p99 >= 1000
    return [
      `Sync latency p99, ${p.editors} editors`,
      ms(p.ours.p99),
      ms(p.theirs.p99),
      String(p.ratioP99),
      '≤ 0.8',
      saturated ? 'n/a (both saturated)' : verdict(p.ratioP99 <= 0.8),
    ]
  })
}

function ceilingRow(ceiling: Ceiling): string[] {
  return [
    `Hot-document ceiling (most editors with p99 < ${ceiling.ours.limitMs} ms)`,
    editors(ceiling.ours),
    editors(ceiling.theirs),
    String(ceiling.ratio ?? 'n/a'),
    '≥ 1.5',
    ceiling.ratio === null ? 'n/a' : verdict(ceiling.ratio >= 1.5),
  ]
}

function idleRows(idle: Idle): string[][] {
  const { connections, documents } = idle.ours
  return [
    [
      `Memory per idle connection, RSS (${connections} over ${documents} documents)`,
      kib(idle.ours.rssPerConnectionKiB),
      kib(idle.theirs.rssPerConnectionKiB),
      String(idle.ratioRss),
      '≤ 0.7',
      verdict(idle.ratioRss <= 0.7),
    ],
    [
      'Memory per idle connection, V8 heap after GC',
      kib(idle.ours.heapPerConnectionKiB),
      kib(idle.theirs.heapPerConnectionKiB),
      String(idle.ratioHeap),
      '≤ 0.7',
      verdict(idle.ratioHeap <= 0.7),
    ],
  ]
}

function coldRows(cold: ColdLoadResult): string[][] {
  return [
    [
      `Cold load, ${cold.edits.toLocaleString('en')}-edit history (Briefing: uncompacted log)`,
      ms(cold.ours.medianMs),
      ms(cold.theirs.medianMs),
      String(cold.ratio),
      '≤ 0.5',
      verdict(cold.ratio <= 0.5),
    ],
    [
      'Cold load, same document (Briefing: after compaction)',
      ms(cold.oursCompacted.medianMs),
      ms(cold.theirs.medianMs),
      String(cold.ratioCompacted),
      '≤ 0.5',
      verdict(cold.ratioCompacted <= 0.5),
    ],
  ]
}

function pdfRows(pdf: Pdf): string[][] {
  return pdf.points.map((p) => [
    `PDF export, ${p.typst.pages} pages, warm (Briefing/Typst vs Chromium page.pdf)`,
    ms(p.typst.warmMs),
    `${ms(p.chromium.warmMs)} (Chromium)`,
    `${p.speedupWarm}× faster`,
    p.targetPages === 20 ? '≥ 5× faster' : 'report',
    p.targetPages === 20 ? verdict(p.speedupWarm >= 5) : '—',
  ])
}

function durabilityRow(d: DurabilityResult): string[] {
  return [
    'Update throughput, append-before-broadcast vs no-op append',
    `${d.durable.updatesPerSecond}/s`,
    `${d.notDurable.updatesPerSecond}/s (no-op append)`,
    String(d.throughputRatio),
    'report',
    '—',
  ]
}

function hostileRows(h: HostileImportResult): string[][] {
  return h.points.map((p) => [
    `Edit latency p95 during a hostile import: ${p.case} (idle ${ms(p.idle.p95)})`,
    ms(p.during.p95),
    '—',
    `${p.ratioP95}× idle`,
    '≤ 2× idle',
    verdict(p.ratioP95 <= 2),
  ])
}

function hostileDetail(h: HostileImportResult): string[] {
  return [
    `**Edit latency during a hostile import** (two clients, one edit every ${h.intervalMs} ms; each case ${h.phaseMs / 1000} s idle, then ${h.phaseMs / 1000} s while another user uploads the file again and again; import threads: ${h.importThreads}; API limit ${h.apiPerMinute ?? 'off'}/min per IP${h.importsPerMinute ? `, import rate ${h.importsPerMinute}/min per user after a burst of 10` : ''})`,
    '',
    table(
      [
        'File',
        'size',
        'idle p50 / p95 / p99 / max',
        'during p50 / p95 / p99 / max',
        'p95 ratio',
        'imports answered',
        'slowest import',
        'server loop delay p99 / max, idle → during',
        'server CPU',
        'machine busy',
      ],
      h.points.map((p) => [
        p.case,
        bytes(p.fileBytes),
        summary(p.idle),
        summary(p.during),
        `${p.ratioP95}×`,
        Object.entries(p.imports)
          .map(([status, count]) => `${count} × ${status}`)
          .join(', '),
        ms(p.slowestImportMs),
        `${p.loopLagIdle.p99Ms} / ${p.loopLagIdle.maxMs} → ${p.loopLagDuring.p99Ms} / ${p.loopLagDuring.maxMs} ms`,
        String(p.serverCpu),
        String(p.machineBusyCores),
      ]),
    ),
    '',
  ]
}

function summary(l: { p50: number; p95: number; p99: number; max: number }): string {
  return [l.p50, l.p95, l.p99, l.max].map((v) => Math.round(v * 10) / 10).join(' / ')
}

function syncDetail(sync: Sync): string[] {
  return [
    '**Sync latency**: scheduled edit → applied on the applying editors; "received" is the light editors (see Method). Best of the runs listed.',
    '',
    table(
      [
        'Editors',
        'Server',
        'p50',
        'p95',
        'p99',
        'p99 of each run',
        'max',
        'received p99',
        'missing',
        'server CPU',
        'generator CPU',
        'other CPU',
        'send lag p99',
      ],
      sync.points.flatMap((p) =>
        (
          [
            ['Briefing', p.ours, p.oursRunsP99],
            ['Hocuspocus', p.theirs, p.theirsRunsP99],
          ] as const
        ).map(([name, r, runs]) => [
          `${p.editors} (${r.applyingEditors} applying)`,
          name,
          ms(r.p50),
          ms(r.p95),
          ms(r.p99),
          runs.map(ms).join(', '),
          ms(r.max),
          ms(r.received.p99),
          String(r.missing),
          String(r.serverCpu),
          r.loadGenerators.map((g) => g.cpuShare).join(' + '),
          String(r.otherCpu),
          ms(r.sendLagP99),
        ]),
      ),
    ),
    '',
  ]
}

function ceilingDetail(ceiling: Ceiling): string[] {
  const steps = (r: CeilingResult) =>
    r.steps
      .map(
        (st) =>
          `${st.editors}: ${ms(st.p99)}${st.passed ? '' : ' ✗'} (server ${st.serverCpu}, other ${st.otherCpu})`,
      )
      .join('; ')
  return [
    '**Hot-document ramp** (editors: p99, ✗ = over the limit; CPU in cores; "other" = used outside the measurement)',
    '',
    table(
      ['Server', 'Steps'],
      [
        ['Briefing', steps(ceiling.ours)],
        ['Hocuspocus', steps(ceiling.theirs)],
      ],
    ),
    '',
  ]
}

function idleDetail(idle: Idle): string[] {
  return [
    '**Idle connections**',
    '',
    table(
      ['Server', 'open', 'RSS before → after', 'heap before → after', 'time to open all'],
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
  ]
}

function coldDetail(cold: ColdLoadResult): string[] {
  return [
    `**Cold load storage** (final document: ${cold.characters.toLocaleString('en')} characters, encoded Yjs state ${bytes(cold.encodedStateBytes)})`,
    '',
    table(
      ['Store', 'rows', 'stored bytes', 'stored / encoded state', 'database file', 'runs'],
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
        r.runsMs.map(ms).join(', '),
      ]),
    ),
    '',
  ]
}

function durabilityDetail(d: DurabilityResult): string[] {
  const row = (name: string, r: ThroughputResult) => [
    name,
    String(r.updatesPerSecond),
    ms(r.latency.p50),
    ms(r.latency.p99),
    String(r.serverCpu),
    r.loadGenerators.map((g) => g.cpuShare).join(' + '),
    String(r.otherCpu),
  ]
  return [
    `**Durability cost** (${d.documents} documents, ${d.writers} closed-loop writers, at most ${d.offeredMaxPerSecond} updates/s offered; best run of each; the no-op server stored ${d.notDurable.storedRows} rows)`,
    '',
    table(
      ['Server', 'updates/s', 'p50', 'p99', 'server CPU', 'generator CPU', 'other CPU'],
      [
        row('Briefing (append before broadcast)', d.durable),
        row('Briefing, no-op append', d.notDurable),
        row('Hocuspocus (2 s debounced store)', d.hocuspocus),
      ],
    ),
    '',
  ]
}

function pdfDetail(pdf: Pdf): string[] {
  return [
    '**PDF export** (median; cold = first render in a fresh process, Chromium launch included)',
    '',
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
  ]
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

function ok<T>(scenario: Scenario | undefined): T | null {
  return scenario?.status === 'ok' ? (scenario as T) : null
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
  if (Number.isNaN(value)) return '—'
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

function versionsRows(v: VersionsResult): string[][] {
  const chars = v.chars.toLocaleString('en-US')
  return [
    [`Save a version, ${chars}-character briefing`, ms(v.saveMs), '—', '—', 'report', '—'],
    [`List ${v.listed.toLocaleString('en-US')} versions`, ms(v.listMs), '—', '—', 'report', '—'],
    [`Compare two versions, ${chars} characters`, ms(v.compareMs), '—', '—', 'report', '—'],
    [`Restore a version, ${chars} characters`, ms(v.restoreMs), '—', '—', 'report', '—'],
  ]
}

function versionsDetail(v: VersionsResult): string[] {
  return [
    `**Versions** (in-process server, SQLite, over HTTP): a ${v.chars.toLocaleString('en-US')}-character briefing of ${v.paragraphs} paragraphs, one version stored in ${Math.round(v.versionBytes / 1024)} KiB (Yjs state and JSON). Medians of ${v.runs.list.length} runs (save: ${v.runs.save.length}): save ${ms(v.saveMs)} (runs ${v.runs.save.join(', ')} ms), list ${v.listed} ${ms(v.listMs)}, compare (a few paragraphs apart) ${ms(v.compareMs)}, restore (forward edit through the live room, with the versions before and after) ${ms(v.restoreMs)}.`,
    '',
  ]
}
