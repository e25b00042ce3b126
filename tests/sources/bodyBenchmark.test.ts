/**
 * Body extraction on the Scrapinghub article-extraction benchmark (181 real pages, in
 * `../shared/benchmarks/article-extraction`), with Readability.js scored in the same run as
 * the reference: the reference must reproduce its published 0.947 / 0.914 / 0.982 (so the
 * scorer is the benchmark's), and the product must stay at or above F1 0.975. The metric is
 * also checked on texts small enough to count by hand.
 */

import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { scoreBodyBenchmark } from '../../server/eval/bodyBenchmark'
import { pageCounts, precisionRecall } from '../../server/eval/shingleMetric'
import { repoRoot } from './fixtureScoring'

const benchmarkDir = path.resolve(repoRoot, '..', 'shared', 'benchmarks', 'article-extraction')

describe('shingle metric', () => {
  it('counts 4-token shingles as multisets and weighs every page the same', () => {
    // Truth has 3 shingles (a b c d, b c d e, c d e f); the prediction shares 2 and adds 1.
    const page = pageCounts('a b c d e f', 'b c d e f g')
    expect(page).toEqual({ tp: 2 / 4, fp: 1 / 4, fn: 1 / 4 })
    expect(pageCounts('one two', 'one two')).toEqual({ tp: 1, fp: 0, fn: 0 })
    const totals = precisionRecall([page, pageCounts('', 'w x y z')])
    // The second page predicted only wrong text: precision 0, and nothing to recall.
    expect(totals.precision).toBeCloseTo((2 / 3 + 0) / 2)
    expect(totals.recall).toBeCloseTo(2 / 3)
  })
})

describe('Scrapinghub article-extraction benchmark', () => {
  it(
    'reproduces Readability.js and holds the product at F1 0.975 or better',
    { timeout: 180_000 },
    async () => {
      const result = await scoreBodyBenchmark(benchmarkDir)
      expect(result.pages).toBe(181)
      expect(result.readability.f1).toBeCloseTo(0.947, 3)
      expect(result.readability.precision).toBeCloseTo(0.914, 3)
      expect(result.readability.recall).toBeCloseTo(0.982, 3)
      expect(result.product.f1).toBeGreaterThanOrEqual(0.975)
    },
  )
})
