/**
 * Quotation spans and the offsets contract, on generated text: whatever the mix of quote marks,
 * apostrophes and paragraphs, every extracted quote slices out of the body exactly.
 */

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { extractQuotes } from '../../shared/quotes/extract'
import { maskQuotations, scanQuoteSpans } from '../../shared/quotes/extract/quoteSpans'
import { PARAGRAPH_SEPARATOR } from '../../shared/sources/types'

const WORDS = [
  'the',
  'minister',
  'said',
  'Anna',
  'Berg',
  'told',
  'reporters',
  'he',
  'she',
  'added',
  'it',
  'was',
  'plan',
  'according',
  'to',
  'monitors’',
  'don’t',
  "isn't",
  'Lahti:',
  'MS.',
  'Q:',
  '12"',
  'rock ’n’ roll',
  '—',
  ',',
  '.',
  ':',
  '“',
  '”',
  '‘',
  '’',
  '"',
  "'",
  '«',
  '»',
  '„',
]

const paragraph = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 30 })
  .map((w) => w.join(' '))

describe('quotation spans', () => {
  it('spans a multi-paragraph quotation and flags both halves', () => {
    const spans = scanQuoteSpans(['“First half, no close.', '“Second half,” she said.'])
    expect(
      spans.map((s) => [s.paragraph, s.closed, s.continuesToNext, s.continuesFromPrevious]),
    ).toEqual([
      [0, false, true, false],
      [1, true, false, true],
    ])
  })

  it('keeps nested single quotes inside the outer quotation', () => {
    const text = '“It reads ‘hostile,’” he said, and the ‘fix’ failed.'
    const spans = scanQuoteSpans([text]).map((s) => text.slice(s.contentStart, s.contentEnd))
    // The top-level ‘fix’ is a scare quote of its own; ‘hostile,’ is part of the outer quotation.
    expect(spans).toEqual(['It reads ‘hostile,’', 'fix'])
  })

  it('does not take apostrophes for quotation marks in a British-style text', () => {
    const text = '‘The monitors’ mandate is technical,’ she said. ‘It’s not a force.’'
    const spans = scanQuoteSpans([text])
    expect(spans.map((s) => text.slice(s.contentStart, s.contentEnd))).toEqual([
      'The monitors’ mandate is technical,',
      'It’s not a force.',
    ])
  })

  it('ignores a stray opening mark that a second opening mark proves unclosed', () => {
    const text = '“Unbalanced opening. “Balanced,” said Anna Berg.'
    const spans = scanQuoteSpans([text])
    expect(spans.map((s) => text.slice(s.contentStart, s.contentEnd))).toEqual(['Balanced,'])
  })

  it('masks quoted words without moving anything', () => {
    const text = '“Ask Anna Berg,” said Ole Brun.'
    const masked = maskQuotations(text, scanQuoteSpans([text]))
    expect(masked).toHaveLength(text.length)
    expect(masked).not.toContain('Anna')
    expect(masked).toContain('said Ole Brun.')
  })

  it('always gives offsets that slice the body to the quote (generated text)', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 6 }), (paragraphs) => {
        const body = paragraphs.join(PARAGRAPH_SEPARATOR)
        const quotes = extractQuotes({ paragraphs })
        let previous = -1
        for (const q of quotes) {
          expect(body.slice(q.start, q.end)).toBe(q.text)
          expect(q.text.trim()).toBe(q.text)
          expect(q.paragraph).toBeGreaterThanOrEqual(1)
          expect(paragraphs[q.paragraph - 1]).toContain(q.text)
          expect(q.start).toBeGreaterThanOrEqual(previous)
          previous = q.start
        }
      }),
      { numRuns: 500 },
    )
  })
})
