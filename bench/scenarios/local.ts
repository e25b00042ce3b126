/**
 * Scenarios that measure Briefing's own code paths rather than a server against Hocuspocus:
 * PDF export (Typst against Chromium's page.pdf of the same content as HTML) and quote
 * extraction. Each is measured only if the feature exists in the tree being benchmarked.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { BenchConfig } from '../config'
import { article } from '../lib/article'
import { monoMs } from '../lib/clock'
import { median } from '../lib/histogram'
import { REPO_ROOT } from '../lib/processes'
import { WorkerProcess } from '../lib/rpc'
import type { Engine, RenderResult } from '../workers/exporter'

export type NotMeasured = { status: string }

export interface EngineTimes {
  pages: number
  coldMs: number
  warmMs: number
  coldRunsMs: number[]
  warmRunsMs: number[]
}

export interface ExportPoint {
  targetPages: number
  sections: number
  typst: EngineTimes
  chromium: EngineTimes
  /** Chromium warm / Typst warm: how many times faster the product's export is. */
  speedupWarm: number
  /** Chromium warm / Typst cold. */
  speedupColdVsWarmChromium: number
}

const EXPORT_MODULES = ['server/export/index.ts']

export async function pdfExport(
  config: BenchConfig,
  log: (line: string) => void,
): Promise<{ status: 'ok'; points: ExportPoint[] } | NotMeasured> {
  if (!EXPORT_MODULES.every((file) => fs.existsSync(path.join(REPO_ROOT, file)))) {
    return { status: 'not measured: export not built' }
  }
  const coldRuns = config.mode === 'quick' ? 1 : 3
  const points: ExportPoint[] = []
  for (const targetPages of config.export.pages) {
    const sections = await sectionsFor(targetPages)
    const typst = await times('typst', sections, coldRuns, config.export.warmRuns)
    const chromium = await times('chromium', sections, coldRuns, config.export.warmRuns)
    const point = {
      targetPages,
      sections,
      typst,
      chromium,
      speedupWarm: Math.round((chromium.warmMs / typst.warmMs) * 10) / 10,
      speedupColdVsWarmChromium: Math.round((chromium.warmMs / typst.coldMs) * 10) / 10,
    }
    log(
      `  export ${typst.pages} pages: Typst ${typst.warmMs} ms warm / ${typst.coldMs} ms cold, Chromium ${chromium.warmMs} ms warm / ${chromium.coldMs} ms cold`,
    )
    points.push(point)
  }
  return { status: 'ok', points }
}

/** Sections that make `pages` Typst pages (or as close as whole sections get). */
async function sectionsFor(pages: number): Promise<number> {
  const worker = new WorkerProcess('bench/workers/exporter.ts')
  try {
    const render = (sections: number) =>
      worker.call<RenderResult>('render', { engine: 'typst', sections, variant: 0 })
    let sections = Math.max(1, Math.round(pages * 0.7))
    for (let attempt = 0; attempt < 5; attempt++) {
      const got = (await render(sections)).pages
      if (got === pages) break
      const next = Math.max(1, Math.round((sections * pages) / got))
      sections = next === sections ? sections + Math.sign(pages - got) : next
    }
    return sections
  } finally {
    await worker.stop()
  }
}

async function times(
  engine: Engine,
  sections: number,
  coldRuns: number,
  warmRuns: number,
): Promise<EngineTimes> {
  const cold: RenderResult[] = []
  for (let run = 0; run < coldRuns; run++) {
    const worker = new WorkerProcess('bench/workers/exporter.ts')
    try {
      await worker.call('prepare', { engine })
      cold.push(await worker.call<RenderResult>('render', { engine, sections, variant: 0 }))
    } finally {
      await worker.stop()
    }
  }
  const warm: RenderResult[] = []
  const worker = new WorkerProcess('bench/workers/exporter.ts')
  try {
    await worker.call<RenderResult>('render', { engine, sections, variant: 0 })
    for (let run = 1; run <= warmRuns; run++) {
      warm.push(await worker.call<RenderResult>('render', { engine, sections, variant: run }))
    }
  } finally {
    await worker.stop()
  }
  return {
    pages: warm[0]?.pages ?? cold[0]!.pages,
    coldMs: median(cold.map((r) => r.ms)),
    warmMs: median(warm.map((r) => r.ms)),
    coldRunsMs: cold.map((r) => r.ms),
    warmRunsMs: warm.map((r) => r.ms),
  }
}

export interface QuotesResult {
  status: 'ok'
  words: number
  quotesFound: number
  /** Median ms per article of `words` words. */
  medianMs: number
  /** The same scaled to a 10,000-word article. */
  msPer10kWords: number
  /** The first run, before V8 has compiled the hot paths (an import thread's first article). */
  coldMs?: number
  runsMs: number[]
}

export async function quoteExtraction(config: BenchConfig): Promise<QuotesResult | NotMeasured> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'shared/quotes/extract/index.ts'))) {
    return { status: 'not measured: shared/quotes/extract not built' }
  }
  const { extractQuotes } = await import('../../shared/quotes/extract')
  const paragraphs = article(config.quotes.words)
  const words = paragraphs.join(' ').split(/\s+/).length
  // The first runs are slower while V8 compiles the extractor's hot paths (71 ms, then
  // settling near 28 ms, on the development machine): an import thread extracts many
  // articles, so the median is taken once warm, and the first run is reported beside it.
  const coldStarted = monoMs()
  let quotesFound = extractQuotes({ paragraphs, kind: 'article' }).length
  const coldMs = Math.round((monoMs() - coldStarted) * 100) / 100
  for (let warm = 1; warm < config.quotes.warmups; warm++) {
    extractQuotes({ paragraphs, kind: 'article' })
  }
  const runs: number[] = []
  for (let run = 0; run < config.quotes.runs; run++) {
    const started = monoMs()
    quotesFound = extractQuotes({ paragraphs, kind: 'article' }).length
    runs.push(Math.round((monoMs() - started) * 100) / 100)
  }
  const medianMs = median(runs)
  return {
    status: 'ok',
    words,
    quotesFound,
    medianMs,
    msPer10kWords: Math.round(((medianMs * 10_000) / words) * 100) / 100,
    coldMs,
    runsMs: runs,
  }
}
