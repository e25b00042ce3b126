/** The import-under-load scenario's row in the summary table and its detail table. */
import { kb, ms, table } from '../lib/markdown'
import type { ImportLoadResult } from './importUnderLoad'

export function importUnderLoadRow(r: ImportLoadResult): string[] {
  return [
    `Edit latency p99, ${r.editors} editors, while ${files(r)} import (without: ${ms(r.idle.p99)})`,
    ms(r.importing.p99),
    '—',
    `${r.ratioP99}× without imports`,
    'report',
    '—',
  ]
}

export function importUnderLoadDetail(r: ImportLoadResult): string[] {
  return [
    `**Edit latency under import** (${r.editors} editors of one briefing, all applying, one edit each every ${r.intervalMs} ms, ${r.durationMs / 1000} s measured per run; during "importing" another user uploads ${files(r)} into their own briefing, each again as soon as it is answered; import threads: ${r.importThreads}; worst runs' ratio ${r.ratioP99Worst}×)`,
    '',
    table(
      [
        'Run',
        'phase',
        'p50',
        'p95',
        'p99',
        'max',
        'missing',
        'server loop delay p99 / max',
        'server CPU',
        'other CPU',
        'imports answered (slowest)',
      ],
      r.runs.map((run, i) => [
        String(i + 1),
        run.phase,
        ms(run.session.p50),
        ms(run.session.p95),
        ms(run.session.p99),
        ms(run.session.max),
        String(run.session.missing),
        `${run.loopLag.p99Ms} / ${run.loopLag.maxMs} ms`,
        String(run.session.serverCpu),
        String(run.session.otherCpu),
        run.imports
          .map(
            (imp) =>
              `${imp.file}: ${Object.entries(imp.statuses)
                .map(([status, count]) => `${count} × ${status}`)
                .join(', ')} (${ms(imp.slowestMs)})`,
          )
          .join('; ') || '—',
      ]),
    ),
    '',
  ]
}

function files(r: ImportLoadResult): string {
  return r.files.map((f) => `${f.file} (${kb(f.bytes)})`).join(' and ')
}
