/**
 * Building quote blocks from a source: extracted quotes and reader selections must produce
 * blocks that verify against the source they came from.
 */
import { describe, expect, it } from 'vitest'
import {
  overlappingQuote,
  quoteFromExtracted,
  quoteFromSelection,
  snapToWords,
} from '../../client/src/sources/quoteInput'
import { extractQuotes } from '../../shared/quotes/extract'
import { verifyQuote } from '../../shared/quotes/verify'
import { type Source, sourceBody } from '../../shared/sources'
import { makeSource } from '../quotes/fixtures'

const paragraphs = [
  'Negotiators left the talks without an agreement on Tuesday.',
  '“We came here with a concrete plan and we are leaving with a list of objections,” said Marta Solberg, the group’s lead negotiator. “That is not nothing, but it is not a ceasefire either.”',
  'Analysts said the next round would test the distinction.',
]
const base = makeSource(paragraphs)
const source: Source = {
  ...base,
  quotes: extractQuotes({ paragraphs, kind: 'article', context: [] }),
}
const body = sourceBody(paragraphs)

describe('quoteFromExtracted', () => {
  it('builds a block for every extracted quote that verifies, with its speaker', () => {
    expect(source.quotes.length).toBeGreaterThan(0)
    for (const extracted of source.quotes) {
      const quote = quoteFromExtracted(source, extracted)
      expect(verifyQuote(source, quote).status).toBe('verified')
      expect(quote).toMatchObject({ sourceId: source.id, speaker: extracted.speaker })
      expect(quote.position).toMatchObject({ start: extracted.start, end: extracted.end })
    }
  })
})

describe('snapToWords', () => {
  it('widens a selection that cuts words to whole words', () => {
    const start = body.indexOf('ame here')
    const end = body.indexOf('crete') + 3
    const snapped = snapToWords(body, start, end)!
    expect(body.slice(snapped.start, snapped.end)).toBe('came here with a concrete')
  })

  it('trims space and the source’s double quotation marks from the edges', () => {
    const start = body.indexOf('“We came') - 1
    const end = body.indexOf('objections,”') + 'objections,” '.length
    const snapped = snapToWords(body, start, end)!
    expect(body.slice(snapped.start, snapped.end)).toBe(
      'We came here with a concrete plan and we are leaving with a list of objections,',
    )
  })

  it('accepts a backwards range and gives null for one holding only marks and space', () => {
    const at = body.indexOf('Tuesday')
    expect(snapToWords(body, at + 3, at)).toEqual({ start: at, end: at + 'Tuesday'.length })
    const mark = body.indexOf('“')
    expect(snapToWords(body, mark - 2, mark + 1)).toBeNull()
  })
})

describe('overlappingQuote', () => {
  it('finds the attributed quote a selection overlaps most', () => {
    const start = body.indexOf('concrete plan')
    const found = overlappingQuote(source.quotes, start, start + 'concrete plan'.length)
    expect(found?.speaker).toBe('Marta Solberg')
    expect(overlappingQuote(source.quotes, 0, 12)).toBeNull()
  })
})

describe('quoteFromSelection', () => {
  it('builds a verified partial quote with the attribution given', () => {
    const start = body.indexOf('without an agreement')
    const quote = quoteFromSelection(source, start, start + 'without an agreement'.length, {
      speaker: '  Reporter ',
      speakerRole: '',
    })
    expect(quote).toMatchObject({
      text: 'without an agreement',
      speaker: 'Reporter',
      kind: 'partial',
    })
    expect(quote.speakerRole).toBeNull()
    expect(verifyQuote(source, quote).status).toBe('verified')
  })

  it('calls a selection covering a whole extracted full quote a full quote', () => {
    const full = source.quotes.find((q) => q.kind === 'full')!
    const quote = quoteFromSelection(source, full.start, full.end, {
      speaker: full.speaker,
      speakerRole: full.speakerRole,
    })
    expect(quote.kind).toBe('full')
  })

  it('joins a selection across paragraphs with single spaces, and it still verifies', () => {
    const start = body.indexOf('Tuesday.')
    const end = body.indexOf('We came') + 'We came'.length
    const quote = quoteFromSelection(source, start, end, { speaker: null, speakerRole: null })
    expect(quote.text).toBe('Tuesday. “We came')
    expect(verifyQuote(source, quote).status).toBe('verified')
  })
})
