/** Markdown pieces for the generated section of BENCHMARKS.md (bench/report.ts and parts). */

export function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n')
}

export function verdict(met: boolean): string {
  return met ? 'yes' : 'no'
}

export function ms(value: number): string {
  if (Number.isNaN(value)) return '—'
  return Number.isFinite(value) ? `${Math.round(value * 100) / 100} ms` : String(value)
}

/** Decimal kilobytes, as page budgets are stated. */
export function kb(bytes: number): string {
  return `${Math.round(bytes / 100) / 10} KB`
}
