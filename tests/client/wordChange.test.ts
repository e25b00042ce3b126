/** The changed words an altered quote block points at. */
import { describe, expect, it } from 'vitest'
import { wordChange } from '../../client/src/editor/quote/wordChange'

describe('wordChange', () => {
  it('isolates a replaced word with shared context either side', () => {
    expect(
      wordChange(
        'We came here with a concrete plan and we are leaving with a list of demands',
        'We came here with a concrete plan and we are leaving with a list of objections',
      ),
    ).toEqual({
      before: '… with a list of',
      quoteWords: 'demands',
      sourceWords: 'objections',
      after: '',
    })
  })

  it('keeps short context whole and treats typographic variants as the same word', () => {
    expect(wordChange('“We will raise taxes,” she said', '"We will cut taxes," she said')).toEqual({
      before: '“We will',
      quoteWords: 'raise',
      sourceWords: 'cut',
      after: 'taxes,” she said',
    })
  })

  it('marks context cut off after the change', () => {
    const change = wordChange('a b X c d e f g', 'a b Y c d e f g')
    expect(change).toEqual({ before: 'a b', quoteWords: 'X', sourceWords: 'Y', after: 'c d e f …' })
  })

  it('gives null when words were only added or dropped, or nothing differs', () => {
    expect(wordChange('a b c', 'a c')).toBeNull()
    expect(wordChange('a c', 'a b c')).toBeNull()
    expect(wordChange('a b', 'a b')).toBeNull()
  })
})
