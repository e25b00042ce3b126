/**
 * The Scrapinghub article-extraction metric: texts as multisets of 4-token shingles, per-page
 * true/false positives and negatives normalised so every page weighs the same, then precision
 * and recall averaged over pages and F1 taken of those averages. Token and edge-case rules are
 * the benchmark README's (and its evaluate.py's), so numbers compare with published ones.
 */

/** A page's shingle counts, normalised to sum to 1 (all zero when both texts are empty). */
export interface PageCounts {
  tp: number
  fp: number
  fn: number
}

/** Mean precision and recall over pages, and the F1 of the two means. */
export interface PrecisionRecall {
  f1: number
  precision: number
  recall: number
}

const SHINGLE = 4

/** Python's `\w+` with re.UNICODE: letters, digits and numbers of any script, and "_". */
const TOKEN = /[\p{L}\p{N}_]+/gu

function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? []
  const counts = new Map<string, number>()
  // A text shorter than one shingle is one (shorter) shingle; an empty text has none.
  const last = Math.max(1, tokens.length - SHINGLE + 1)
  for (let i = 0; i < last && tokens.length > 0; i++) {
    const key = tokens.slice(i, i + SHINGLE).join('\u0000')
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

/** Compares one page's extracted text with its truth. */
export function pageCounts(truth: string, predicted: string): PageCounts {
  const want = shingles(truth)
  const have = shingles(predicted)
  let tp = 0
  let fp = 0
  let fn = 0
  for (const key of new Set([...want.keys(), ...have.keys()])) {
    const t = want.get(key) ?? 0
    const p = have.get(key) ?? 0
    tp += Math.min(t, p)
    fp += Math.max(0, p - t)
    fn += Math.max(0, t - p)
  }
  const sum = tp + fp + fn
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn }
}

/** A page's precision: 1 when nothing is wrong, 0 when nothing was found. */
export function pagePrecision({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1
  if (tp === 0 && fp === 0) return 0
  return tp / (tp + fp)
}

/** A page's recall: 1 when nothing is wrong, 0 when nothing was expected and found. */
export function pageRecall({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1
  if (tp === 0 && fn === 0) return 0
  return tp / (tp + fn)
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / (values.length || 1)

/**
 * The benchmark's totals: pages that predicted nothing stay out of the precision mean, pages
 * whose truth is empty out of the recall mean.
 */
export function precisionRecall(pages: readonly PageCounts[]): PrecisionRecall {
  const precision = mean(pages.filter((p) => p.tp + p.fp > 0).map(pagePrecision))
  const recall = mean(pages.filter((p) => p.tp + p.fn > 0).map(pageRecall))
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { f1, precision, recall }
}
