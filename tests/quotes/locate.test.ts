/** Finding typed words in a source, for linking a plain blockquote to it. */
import { describe, expect, it } from 'vitest'
import { findWordsInSources, locateWords, readTypedQuotation } from '../../shared/quotes/locate'
import { sourceBody } from '../../shared/sources/body'
import { ARTICLE, makeSource } from './fixtures'

const source = makeSource(ARTICLE)
const body = sourceBody(source.paragraphs)

describe('readTypedQuotation', () => {
  it('[QL1] splits off a dash line naming the speaker and role', () => {
    expect(
      readTypedQuotation(['“We will not cut hospitals,” — Jane Doe, Finance Minister']),
    ).toEqual({
      words: 'We will not cut hospitals,',
      speaker: 'Jane Doe',
      speakerRole: 'Finance Minister',
    })
    expect(readTypedQuotation(['We will not cut schools.', '— Jane Doe'])).toMatchObject({
      words: 'We will not cut schools.',
      speaker: 'Jane Doe',
    })
  })

  it('[QL2] keeps hyphenated words, and reads no speaker where none is typed', () => {
    expect(readTypedQuotation(['a well-known re-build'])).toEqual({
      words: 'a well-known re-build',
      speaker: null,
      speakerRole: null,
    })
  })
})

describe('locateWords', () => {
  it('[QL3] finds typed words despite straight quotes and spacing, as body offsets', () => {
    const found = locateWords(source, 'We will not raise taxes this year - not one penny')
    expect(found && body.slice(found.start, found.end)).toBe(
      'We will not raise taxes this year — not one penny',
    )
    expect(locateWords(source, "the plan doesn't add up")).not.toBeNull()
  })

  it('[QL4] does not find words the source does not hold, or half a word', () => {
    expect(locateWords(source, 'We will not cut nurses')).toBeNull()
    expect(locateWords(source, 'hospita')).toBeNull()
    expect(findWordsInSources([source], '   ')).toBeNull()
  })
})
