/** The words a quote block shows for each verification result. */
import { describe, expect, it } from 'vitest'
import {
  describeDifference,
  sourceWording,
  verificationView,
} from '../../client/src/editor/quote/verificationView'
import { verifyQuote } from '../../shared/quotes/verify'
import { ARTICLE, makeSource, quoteOf } from '../quotes/fixtures'

const source = makeSource(ARTICLE)
const quote = quoteOf(source, 'We will not cut hospitals.')

describe('verificationView', () => {
  it('names the paragraph a verified quote was found in', () => {
    expect(verificationView(verifyQuote(source, quote), source)).toEqual({
      tone: 'verified',
      label: 'Verified against source, para. 2',
    })
  })

  it('calls an altered quote ALTERED and says what the source says instead', () => {
    const view = verificationView(
      verifyQuote(source, { ...quote, text: 'We will not cut nurses.' }),
      source,
    )
    expect(view.tone).toBe('altered')
    expect(view.label).toBe('ALTERED — does not match the source')
    if (view.tone !== 'altered') throw new Error('unreachable')
    expect(view.differences).toEqual([
      {
        sentence:
          '“We will not cut nurses.” is not in the source, which says “We will not cut hospitals”.',
        change: {
          before: 'We will not cut',
          quoteWords: 'nurses.',
          sourceWords: 'hospitals',
          after: '',
        },
      },
    ])
  })

  it('tells a missing source from one whose text no longer matches its fingerprint', () => {
    const missing = verificationView(verifyQuote(undefined, quote), undefined)
    expect(missing).toMatchObject({ tone: 'missing' })
    const changed = { ...source, paragraphs: ['Something else.'] }
    const tampered = verificationView(verifyQuote(changed, quote), changed)
    expect(tampered.tone).toBe('missing')
    if (missing.tone !== 'missing' || tampered.tone !== 'missing') throw new Error('unreachable')
    expect(missing.detail).toMatch(/not in this briefing/)
    expect(tampered.detail).toMatch(/fingerprint/)
  })
})

describe('sourceWording', () => {
  it('widens the reported source text to whole words, preferring the occurrence near the quote', () => {
    const body = 'cut hospitals. Later: cut hospitality budgets.'
    expect(sourceWording(body, 'cut hospita', 0)).toBe('cut hospitals')
    expect(sourceWording(body, 'cut hospita', 22)).toBe('cut hospitality')
    expect(sourceWording(body, 'absent', 0)).toBe('absent')
  })
})

describe('describeDifference', () => {
  it('has a sentence for every reason', () => {
    const reasons = [
      'not-found',
      'out-of-order',
      'outside-anchor',
      'mid-word',
      'unanchored',
      'empty',
      'malformed',
    ] as const
    for (const reason of reasons) {
      expect(describeDifference({ segment: 'x', reason })).toMatch(/\S.*\.$/)
    }
  })
})
