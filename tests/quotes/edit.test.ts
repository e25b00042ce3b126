/** Which edits to a quote's text keep it faithful without consulting the source. */
import { describe, expect, it } from 'vitest'
import { applyClarification, checkQuoteEdit } from '../../shared/quotes/edit'
import { parseQuoteText, quoteTextProblems } from '../../shared/quotes/parse'

const ORIGINAL = 'We will not raise taxes this year, not one penny.'

describe('checkQuoteEdit', () => {
  it.each([
    ['an elided middle run', 'We will not raise taxes … not one penny.'],
    ['words left off either end', 'raise taxes this year'],
    [
      'an inserted clarification',
      'We [the government] will not raise taxes this year, not one penny.',
    ],
    [
      'a word replaced by a clarification',
      '[The government] will not raise taxes this year, not one penny.',
    ],
    ['elision and clarification together', '[The government] will not raise taxes … [at all].'],
    ['three-dot and bracketed ellipses', 'We will ... taxes [...] penny.'],
    ['the same text', ORIGINAL],
  ])('[QE1] accepts %s', (_, edited) => {
    expect(checkQuoteEdit(ORIGINAL, edited)).toEqual({ ok: true })
  })

  it.each([
    ['a changed word', 'We will not raise rates this year, not one penny.', 'not-in-original'],
    [
      'words removed without an ellipsis',
      'We will raise taxes this year, not one penny.',
      'not-in-original',
    ],
    ['reordered runs', 'not one penny … We will not raise taxes', 'out-of-order'],
    ['a cut through a word', 'e will not raise taxes', 'mid-word'],
    ['an unmatched bracket', 'We will [not raise taxes', 'malformed'],
    ['an empty clarification', 'We will [] raise taxes', 'malformed'],
    ['two elisions in a row', 'We will … … penny.', 'malformed'],
    ['nothing left but marks', '… [they] …', 'malformed'],
  ])('[QE2] refuses %s', (_, edited, reason) => {
    const check = checkQuoteEdit(ORIGINAL, edited)
    expect(check.ok).toBe(false)
    expect(check.ok ? [] : check.problems.map((p) => p.reason)).toContain(reason)
  })

  it('[QE3] will not stitch words together across an earlier elision', () => {
    const elided = 'We will not raise taxes … not one penny.'
    expect(checkQuoteEdit(elided, 'We will not raise taxes not one penny.').ok).toBe(false)
    expect(checkQuoteEdit(elided, 'taxes … not one').ok).toBe(true)
  })

  it('[QE4] will not turn an editor’s clarification into quoted words', () => {
    const clarified = '[The government] will not raise taxes'
    expect(checkQuoteEdit(clarified, 'The government will not raise taxes').ok).toBe(false)
    expect(checkQuoteEdit(clarified, '[Ministers] will not raise taxes').ok).toBe(true)
  })

  it('[QE5] treats text beside an old clarification as possibly part of a word', () => {
    // "[S]he" may stand for "She" or "Ashe": dropping the bracket could leave half a word.
    expect(checkQuoteEdit('[S]he said so', 'he said so').ok).toBe(false)
    expect(checkQuoteEdit('[S]he said so', '[She] said so').ok).toBe(true)
  })
})

describe('applyClarification', () => {
  it('[QC1] replaces a range, inserts at a point, and widens over an existing bracket', () => {
    expect(applyClarification('We will act', { from: 0, to: 2 }, 'Ministers')).toBe(
      '[Ministers] will act',
    )
    expect(applyClarification('We will act', { from: 3, to: 3 }, 'soon ')).toBe(
      'We [soon] will act',
    )
    expect(applyClarification('[We] will act', { from: 1, to: 3 }, 'They')).toBe('[They] will act')
  })

  it('[QC2] rejects bad ranges and clarifications with a RangeError naming them', () => {
    expect(() => applyClarification('abc', { from: 2, to: 9 }, 'x')).toThrow(/range 2\.\.9/)
    expect(() => applyClarification('abc', { from: 0, to: 1 }, ' ')).toThrow(RangeError)
    expect(() => applyClarification('abc', { from: 0, to: 1 }, 'a [b]')).toThrow(/"a \[b\]"/)
  })
})

describe('parseQuoteText', () => {
  it('[QP1] splits words, elisions and clarifications, keeping stray brackets literal', () => {
    expect(parseQuoteText('A … b [c] d [...] e [f').map((p) => p.type)).toEqual([
      'words',
      'elision',
      'words',
      'clarification',
      'words',
      'elision',
      'words',
    ])
    expect(quoteTextProblems('A [b')).toEqual(['unmatched bracket in "A [b"'])
  })
})
