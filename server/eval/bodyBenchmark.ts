/**
 * Body extraction on the Scrapinghub article-extraction benchmark (a folder holding
 * `ground-truth.json` and `html/<id>.html.gz`): the product's HTML importer and, in the same
 * run as the reference, plain Readability.js over linkedom, both scored by the benchmark's
 * shingle metric.
 */

import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { decodeText } from '../sources/decodeText'
import { importHtml } from '../sources/html/htmlImporter'
import {
  type PageCounts,
  type PrecisionRecall,
  pageCounts,
  pagePrecision,
  pageRecall,
  precisionRecall,
} from './shingleMetric'

/** One page's precision and recall for the product and the reference. */
export interface BodyBenchmarkPage {
  id: string
  product: { precision: number; recall: number }
  readability: { precision: number; recall: number }
}

/** The benchmark's scores for the product and for Readability.js, and the time each took. */
export interface BodyBenchmarkResult {
  pages: number
  product: PrecisionRecall
  readability: PrecisionRecall
  /** Mean milliseconds the product's importer took per page (decoding included). */
  productMsPerPage: number
  perPage: BodyBenchmarkPage[]
}

interface TruthEntry {
  articleBody?: string
  url?: string
}

/** The body the product imports from `bytes`: its paragraphs, one blank line apart. */
export function productBody(bytes: Uint8Array, id: string, url: string | null): string {
  const html = decodeText(bytes, `${id}.html`, { html: true })
  return importHtml(html, { pageUrl: url }).paragraphs.join('\n\n')
}

/** The reference: Readability.js 0.6 over linkedom, the text of its article (UTF-8 input). */
export function readabilityBody(bytes: Uint8Array): string {
  const { document } = parseHTML(new TextDecoder('utf-8').decode(bytes))
  const article = new Readability(document as unknown as Document).parse()
  return article?.textContent ?? ''
}

const rates = (counts: PageCounts) => ({
  precision: pagePrecision(counts),
  recall: pageRecall(counts),
})

/** Scores the product and Readability.js on the benchmark in `dir`. */
export async function scoreBodyBenchmark(dir: string): Promise<BodyBenchmarkResult> {
  const truth = JSON.parse(readFileSync(path.join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    TruthEntry
  >
  const perPage: BodyBenchmarkPage[] = []
  const product: PageCounts[] = []
  const reference: PageCounts[] = []
  let productMs = 0
  for (const [id, entry] of Object.entries(truth)) {
    const bytes = gunzipSync(readFileSync(path.join(dir, 'html', `${id}.html.gz`)))
    const expected = entry.articleBody ?? ''
    const started = performance.now()
    const ours = productBody(bytes, id, entry.url ?? null)
    productMs += performance.now() - started
    const theirs = readabilityBody(bytes)
    const p = pageCounts(expected, ours)
    const r = pageCounts(expected, theirs)
    product.push(p)
    reference.push(r)
    perPage.push({ id, product: rates(p), readability: rates(r) })
    // Yield between pages so a long run does not starve the event loop of its caller.
    await new Promise((resolve) => setImmediate(resolve))
  }
  return {
    pages: perPage.length,
    product: precisionRecall(product),
    readability: precisionRecall(reference),
    productMsPerPage: perPage.length > 0 ? productMs / perPage.length : 0,
    perPage,
  }
}
