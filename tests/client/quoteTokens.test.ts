/**
 * Trim and Clarify build new quote text from picked words. Whatever they build must pass the
 * schema's own edit check and still verify against the source; these tests hold them to it.
 */
import { describe, expect, it } from 'vitest'
import {
  clarificationRange,
  quoteTokens,
  trimmedText,
} from '../../client/src/editor/quote/quoteTokens'
import { applyClarification, checkQuoteEdit } from '../../shared/quotes/edit'
import { verifyQuote } from '../../shared/quotes/verify'
import { ARTICLE, makeSource, quoteOf } from '../quotes/fixtures'

const source = makeSource(ARTICLE)
const original = 'We will not raise taxes this year — not one penny,'

function cutWords(text: string, ...words: string[]): string {
  const tokens = quoteTokens(text)
  const cut = new Set(tokens.filter((t) => words.includes(t.text)).map((t) => t.index))
  return trimmedText(text, tokens, cut)
}

function faithful(text: string): boolean {
  return (
    checkQuoteEdit(original, text).ok &&
    verifyQuote(source, { ...quoteOf(source, original), text }).status === 'verified'
  )
}

describe('quoteTokens', () => {
  it('splits words, elisions and clarifications with their offsets', () => {
    const text = 'We will … raise [the] taxes'
    const tokens = quoteTokens(text)
    expect(tokens.map((t) => [t.type, t.text])).toEqual([
      ['word', 'We'],
      ['word', 'will'],
      ['elision', '…'],
      ['word', 'raise'],
      ['clarification', '[the]'],
      ['word', 'taxes'],
    ])
    for (const token of tokens) expect(text.slice(token.from, token.to)).toBe(token.text)
  })
})

describe('trimmedText', () => {
  it('marks a cut inside the quote with an ellipsis', () => {
    const text = cutWords(original, 'this', 'year')
    expect(text).toBe('We will not raise taxes … — not one penny,')
    expect(faithful(text)).toBe(true)
  })

  it('shortens the quote at either end without marks', () => {
    const tokens = quoteTokens(original)
    const cut = new Set([0, 1, tokens.length - 1])
    const text = trimmedText(original, tokens, cut)
    expect(text).toBe('not raise taxes this year — not one')
    expect(faithful(text)).toBe(true)
  })

  it('merges a new cut with an elision already beside it, and drops elisions left at the ends', () => {
    const trimmed = 'We will not raise taxes … not one penny,'
    expect(cutWords(trimmed, 'taxes')).toBe('We will not raise … not one penny,')
    const tokens = quoteTokens(trimmed)
    expect(trimmedText(trimmed, tokens, new Set([0, 1, 2, 3, 4]))).toBe('not one penny,')
  })

  it('keeps the original spacing between words that stay neighbours', () => {
    expect(cutWords('a  b c', 'c')).toBe('a  b')
    expect(trimmedText('a b', quoteTokens('a b'), new Set())).toBe('a b')
  })

  it('gives an empty text when every word is cut', () => {
    const tokens = quoteTokens('a b')
    expect(trimmedText('a b', tokens, new Set([0, 1]))).toBe('')
  })
})

describe('clarificationRange', () => {
  const tokens = quoteTokens(original)

  it('replaces the picked words, in either pick order', () => {
    const range = clarificationRange(tokens, 1, 0, 'replace')
    expect(original.slice(range.from, range.to)).toBe('We will')
    const text = applyClarification(original, range, 'The government will')
    expect(text.startsWith('[The government will] not raise')).toBe(true)
    expect(faithful(text)).toBe(true)
  })

  it('inserts after the last picked word', () => {
    const taxes = tokens.findIndex((t) => t.text === 'taxes')
    const text = applyClarification(
      original,
      clarificationRange(tokens, taxes, taxes, 'after'),
      'on income',
    )
    expect(text).toBe('We will not raise taxes [on income] this year — not one penny,')
    expect(faithful(text)).toBe(true)
  })

  it('throws on picks outside the tokens', () => {
    expect(() => clarificationRange(tokens, 0, 99, 'replace')).toThrow(RangeError)
  })
})
