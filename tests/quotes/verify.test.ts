/** Unit cases for quote verification: anchoring, integrity, and how differences are reported. */
import { describe, expect, it } from 'vitest'
import { createQuoteVerifier, verifyQuote } from '../../shared/quotes/verify'
import { sourceBody } from '../../shared/sources/body'
import { ARTICLE, makeSource, quoteOf } from './fixtures'

const source = makeSource(ARTICLE)
const body = sourceBody(ARTICLE)

describe('verifyQuote', () => {
  it('[QV1] verifies an exact quote and reports its anchor and paragraph', () => {
    const quote = quoteOf(source, 'We will not cut schools.')
    const start = body.indexOf('We will not cut schools.')
    expect(verifyQuote(source, quote)).toEqual({
      status: 'verified',
      anchor: { start, end: start + 'We will not cut schools.'.length, paragraph: 2 },
    })
  })

  it('[QV2] ignores whitespace, quote-mark, apostrophe and dash typography', () => {
    const exact = '“We will not raise taxes this year — not one penny,”'
    const typed = '"We will  not raise\u00A0taxes this year-not one penny,"'
    expect(verifyQuote(source, quoteOf(source, exact, typed)).status).toBe('verified')
    const apostrophe = quoteOf(source, 'the plan doesn’t add up', "the plan doesn't add up")
    expect(verifyQuote(source, apostrophe).status).toBe('verified')
  })

  it('[QV3] re-anchors by the quote selector first when the position is stale', () => {
    const quote = quoteOf(source, 'We will not cut hospitals.')
    const stale = { ...quote, position: { start: 0, end: 20, paragraph: 1 } }
    const start = body.indexOf('We will not cut hospitals.')
    expect(verifyQuote(source, stale)).toMatchObject({
      status: 'verified',
      anchor: { start, paragraph: 2 },
    })
  })

  it('[QV4] picks the occurrence whose prefix and suffix match when the exact text repeats', () => {
    const second = body.indexOf('We will not cut schools')
    const selector = { exact: 'We will not cut', prefix: 'hospitals. ', suffix: ' schools' }
    // The position points at the first occurrence; context outweighs it.
    const position = {
      start: body.indexOf('We will not cut'),
      end: body.indexOf('We will not cut') + 15,
      paragraph: 2,
    }
    const result = verifyQuote(source, { text: 'We will not cut', selector, position })
    expect(result).toMatchObject({ status: 'verified', anchor: { start: second } })
  })

  it('[QV5] breaks ties between equally good occurrences by nearness to the position', () => {
    const occurrences = [...body.matchAll(/We will not/g)].map((m) => m.index)
    const selector = { exact: 'We will not', prefix: '', suffix: '' }
    for (const start of occurrences) {
      const position = { start: start + 3, end: start + 14, paragraph: 1 }
      expect(verifyQuote(source, { text: 'We will not', selector, position })).toMatchObject({
        anchor: { start },
      })
    }
  })

  it('[QV6] falls back to the position when the selector text is not in the source', () => {
    const quote = quoteOf(source, 'Critics said the plan')
    const result = verifyQuote(source, {
      ...quote,
      selector: { exact: 'Nobody said', prefix: '', suffix: '' },
    })
    expect(result).toMatchObject({ status: 'verified', anchor: { start: quote.position.start } })
  })

  it('[QV7] is altered and unanchored when neither selector finds anything', () => {
    const result = verifyQuote(source, {
      text: 'Critics said the plan',
      selector: { exact: 'Nobody said', prefix: '', suffix: '' },
      position: { start: 10_000, end: 10_020, paragraph: 9 },
    })
    expect(result).toEqual({
      status: 'altered',
      differences: [{ segment: 'Critics said the plan', reason: 'unanchored' }],
    })
  })

  it('[QV8] reports source-missing for no source, a changed text, or a forged hash', () => {
    const quote = quoteOf(source, 'Critics said the plan')
    expect(verifyQuote(undefined, quote)).toEqual({ status: 'source-missing' })
    expect(verifyQuote(null, quote)).toEqual({ status: 'source-missing' })
    const edited = {
      ...source,
      paragraphs: [...ARTICLE.slice(0, 2), 'Critics said the plan adds up.'],
    }
    expect(verifyQuote(edited, quote)).toEqual({ status: 'source-missing' })
    const forged = { ...source, contentHash: `sha256:${'0'.repeat(64)}` }
    expect(verifyQuote(forged, quote)).toEqual({ status: 'source-missing' })
    const broken = { ...source, paragraphs: 'not an array' } as unknown as typeof source
    expect(verifyQuote(broken, quote)).toEqual({ status: 'source-missing' })
  })

  it('[QV9] names each run of words that does not hold up, and why', () => {
    const quote = quoteOf(source, 'We will not raise taxes this year')
    const check = (text: string) => verifyQuote(source, { ...quote, text })
    expect(check('We will raise taxes this year')).toMatchObject({
      status: 'altered',
      differences: [
        {
          segment: 'We will raise taxes this year',
          reason: 'not-found',
          sourceText: expect.any(String),
        },
      ],
      anchor: { start: quote.position.start },
    })
    expect(check('taxes this year … We will not')).toMatchObject({
      differences: [{ segment: 'We will not', reason: 'out-of-order' }],
    })
    expect(check('We will not … penny')).toMatchObject({
      differences: [{ segment: 'penny', reason: 'outside-anchor' }],
    })
    expect(check('e will not raise')).toMatchObject({
      differences: [{ segment: 'e will not raise', reason: 'mid-word' }],
    })
    expect(check('… […]')).toMatchObject({ differences: [{ reason: 'empty' }] })
  })

  it('[QV10] shows what the source says where a run departs from it', () => {
    const quote = quoteOf(source, 'We will not cut hospitals.')
    const result = verifyQuote(source, { ...quote, text: 'We will not cut hospitels.' })
    expect(result).toMatchObject({ differences: [{ sourceText: 'We will not cut hospitals.' }] })
  })

  it('[QV11] lets clarifications stand in for part of a word, but not plain text', () => {
    const quote = quoteOf(source, 'she added')
    expect(verifyQuote(source, { ...quote, text: '[S]he added' }).status).toBe('verified')
    expect(verifyQuote(source, { ...quote, text: 'he added' }).status).toBe('altered')
  })

  it('[QV12] a verifier that caches prepared sources gives the same verdicts', () => {
    const verifier = createQuoteVerifier()
    const quote = quoteOf(source, 'We will not cut schools.')
    expect(verifier.verify(source, quote)).toEqual(verifyQuote(source, quote))
    expect(verifier.verify(source, { ...quote, text: 'We will cut schools.' }).status).toBe(
      'altered',
    )
    expect(verifier.verify(undefined, quote)).toEqual({ status: 'source-missing' })
  })
})

describe('regressions', () => {
  // Edge cases found while writing the matcher; no fast-check seed has failed yet. Add
  // failing seeds here as explicit cases.
  it('a quote ending on an apostrophe inside a word is cut mid-word', () => {
    const quote = quoteOf(source, 'the plan doesn’t')
    expect(verifyQuote(source, { ...quote, text: 'the plan doesn' }).status).toBe('altered')
  })

  it('a quote spanning paragraphs verifies with any whitespace between them', () => {
    const exact = 'she said.\n\nAsked about spending'
    expect(
      verifyQuote(source, quoteOf(source, exact, 'she said. Asked about spending')).status,
    ).toBe('verified')
  })

  it('decomposed and precomposed accents compare equal', () => {
    const accented = makeSource(['Le ministre a d\u00e9clar\u00e9 la fin.'])
    const quote = quoteOf(accented, 'a d\u00e9clar\u00e9 la fin', 'a de\u0301clare\u0301 la fin')
    expect(verifyQuote(accented, quote).status).toBe('verified')
  })

  it('soft hyphens and zero-width spaces in the source do not break a match', () => {
    const pdf = makeSource(['The gov\u00ADern\uFEFFment will\u200B act.'])
    expect(
      verifyQuote(pdf, quoteOf(pdf, 'gov\u00ADern\uFEFFment will\u200B act', 'government will act'))
        .status,
    ).toBe('verified')
  })

  it('selectors of the wrong type (from a raw update) leave the quote unanchored, not a crash', () => {
    const garbage = { text: 'Critics said', selector: 'x', position: 'y' } as never
    expect(verifyQuote(source, garbage)).toMatchObject({
      status: 'altered',
      differences: [{ reason: 'unanchored' }],
    })
  })

  it('a malformed selector context (from a raw update) is ignored, not thrown on', () => {
    const quote = quoteOf(source, 'Critics said the plan')
    const selector = { ...quote.selector, prefix: 42 } as unknown as typeof quote.selector
    expect(verifyQuote(source, { ...quote, selector }).status).toBe('verified')
  })
})
