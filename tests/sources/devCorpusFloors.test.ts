/**
 * Floors the importer must hold on the development corpus of real news pages
 * (`../shared/fixtures/sources/dev`) and the three older fixtures, scored by the same code as
 * `npm run eval:sources`: no page furniture in any body, every full quotation still found (no
 * article paragraph lost to boilerplate removal), title and publisher right on at least 42 of
 * 44, the publication date on at least 19 of the 22 pages that give one; and the attribution
 * targets of the development corpora: the right speaker for at least 95 % of full quotations,
 * at most 2 quoted titles or terms offered as quotations, on the dev pages, and floors a little
 * under today's numbers on the two further development corpora (sources-dev2, -dev3), so that
 * a change tuned to one corpus cannot quietly cost another.
 */

import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { evaluateCorpus } from '../../server/eval/evaluateCorpus'
import { fixturesDir, repoRoot } from './fixtureScoring'

describe('development corpus floors', () => {
  it('holds boilerplate, quote recall, title and publisher, and dates on the dev pages', async () => {
    const { totals, documents } = await evaluateCorpus(path.join(fixturesDir, 'dev'))
    const leaks = documents.flatMap((d) => d.boilerplate.leaked.map((b) => `${d.name}: ${b}`))
    expect(leaks).toEqual([])
    expect(totals.boilerplateListed).toBe(165)
    expect(totals.fullFound).toBe(totals.fullExpected)
    expect(totals.metadataChecked).toBe(44)
    expect(totals.metadataRight).toBeGreaterThanOrEqual(42)
    expect(totals.publishedChecked).toBe(22)
    expect(totals.publishedRight).toBeGreaterThanOrEqual(19)
  })

  it('names the right speaker and offers no titles on the dev pages', async () => {
    const { totals, documents } = await evaluateCorpus(path.join(fixturesDir, 'dev'))
    const wrong = documents.flatMap((d) =>
      d.misattributed.map((m) => `${d.name}: "${m.starts}" ${m.expected} ≠ ${m.offered}`),
    )
    expect(totals.fullRecall, 'full-quote recall').toBeGreaterThanOrEqual(0.97)
    expect(totals.speakerAccuracy, wrong.join('\n')).toBeGreaterThanOrEqual(0.95)
    expect(totals.notQuotesOffered).toBeLessThanOrEqual(2)
  })

  it.each([
    ['sources-dev2', 0.93, 8],
    ['sources-dev3', 0.91, 1],
  ])('holds attribution on %s', async (corpus, accuracy, notQuotes) => {
    const { totals } = await evaluateCorpus(path.join(repoRoot, 'tests', 'fixtures', corpus))
    expect(totals.fullRecall).toBeGreaterThanOrEqual(0.97)
    expect(totals.speakerAccuracy).toBeGreaterThanOrEqual(accuracy)
    expect(totals.notQuotesOffered).toBeLessThanOrEqual(notQuotes)
  })

  it('keeps the older fixtures free of boilerplate', async () => {
    const { totals } = await evaluateCorpus(fixturesDir)
    expect(totals.documents).toBe(3)
    expect(totals.boilerplateLeaked).toBe(0)
    expect(totals.metadataRight).toBe(totals.metadataChecked)
  })
})
