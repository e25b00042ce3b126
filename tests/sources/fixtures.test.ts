/**
 * The source fixtures: every expected full and partial quotation found with the right speaker,
 * no title offered as a quotation, no boilerplate in the body, the metadata recovered. Scores
 * are printed as a table so a change in extraction quality shows in the log.
 */

import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { importSource } from '../../server/sources'
import { PARAGRAPH_SEPARATOR } from '../../shared/sources/types'
import { loadFixtures, type Score, sameSpeaker, score, scoreTable } from './fixtureScoring'

const fixtures = loadFixtures()
const scores: Score[] = []

afterAll(() => {
  console.log('Quote extraction on the source fixtures:')
  console.table(scoreTable(scores))
})

describe('source fixtures', () => {
  it('are present beside the repository', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(3)
  })

  for (const { name, file, expected } of fixtures) {
    describe(name, async () => {
      const result = await importSource({
        type: 'file',
        filename: path.basename(file),
        bytes: readFileSync(file),
      })
      const body = result.paragraphs.join(PARAGRAPH_SEPARATOR)
      scores.push(score(name, expected, result.quotes))

      it('recovers the metadata the document carries', () => {
        if (expected.title) expect(result.title).toBe(expected.title)
        if (expected.byline) expect(result.byline).toBe(expected.byline)
        if (expected.publisher) expect(result.publisher).toBe(expected.publisher)
        if (expected.url) expect(result.url).toBe(expected.url)
        if (expected.publishedAt)
          expect(result.publishedAt?.startsWith(expected.publishedAt)).toBe(true)
      })

      it('keeps boilerplate out of the body', () => {
        for (const line of expected.boilerplate_must_not_be_body) expect(body).not.toContain(line)
        expect(result.paragraphs.length).toBeGreaterThan(3)
      })

      it('gives offsets that slice the body to the quoted text', () => {
        for (const q of result.quotes) {
          expect(body.slice(q.start, q.end)).toBe(q.text)
          expect(result.paragraphs[q.paragraph - 1]).toContain(q.text)
        }
      })

      it.each(expected.full)(
        'finds the full quote "$starts" by $speaker',
        ({ starts, speaker }) => {
          const matches = result.quotes.filter((q) => q.text.includes(starts))
          expect(matches, `no quote contains "${starts}"`).not.toHaveLength(0)
          expect(matches.some((q) => sameSpeaker(q.speaker, speaker) && q.kind === 'full')).toBe(
            true,
          )
        },
      )

      it.each(expected.partial)(
        'finds the partial quote "$starts" by $speaker',
        ({ starts, speaker }) => {
          const matches = result.quotes.filter((q) => q.text.includes(starts))
          expect(matches, `no quote contains "${starts}"`).not.toHaveLength(0)
          expect(matches.some((q) => sameSpeaker(q.speaker, speaker))).toBe(true)
        },
      )

      it('offers no title or question as a quotation', () => {
        const notQuotes = [
          ...expected.not_quotes,
          ...(expected.questions_are_not_speaker_quotes ?? []),
        ]
        for (const text of notQuotes) {
          expect(result.quotes.filter((q) => q.text.includes(text))).toEqual([])
        }
      })
    })
  }
})
