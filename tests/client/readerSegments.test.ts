/** Cutting reader paragraphs into highlighted runs. */
import { describe, expect, it } from 'vitest'
import { paragraphSegments, paragraphStarts } from '../../client/src/sources/readerSegments'
import { sourceBody } from '../../shared/sources'

describe('paragraphStarts', () => {
  it('gives each paragraph’s body offset', () => {
    const paragraphs = ['One.', 'Two two.', 'Three.']
    const body = sourceBody(paragraphs)
    expect(paragraphStarts(paragraphs).map((start) => body.slice(start, start + 3))).toEqual([
      'One',
      'Two',
      'Thr',
    ])
  })
})

describe('paragraphSegments', () => {
  const paragraph = 'He said “yes” and then “no” again.'
  const at = 100
  const yes = { start: at + paragraph.indexOf('yes'), end: at + paragraph.indexOf('yes') + 3 }
  const no = { start: at + paragraph.indexOf('no'), end: at + paragraph.indexOf('no') + 2 }

  it('covers the paragraph exactly, marking quotes with their index', () => {
    const segments = paragraphSegments(paragraph, at, [yes, no], null)
    expect(segments.map((s) => s.text).join('')).toBe(paragraph)
    expect(
      segments.filter((s) => s.quoteIndex !== null).map((s) => [s.text, s.quoteIndex]),
    ).toEqual([
      ['yes', 0],
      ['no', 1],
    ])
    expect(segments.every((s) => !s.focus)).toBe(true)
  })

  it('marks the focus where it overlaps quotes and plain text', () => {
    const focus = { start: yes.start, end: yes.end + 5 }
    const segments = paragraphSegments(paragraph, at, [yes], focus)
    expect(segments.filter((s) => s.focus).map((s) => s.text)).toEqual(['yes', '” and'])
    expect(segments.find((s) => s.text === 'yes')?.quoteIndex).toBe(0)
  })

  it('ignores ranges in other paragraphs and clips ranges that run over', () => {
    const spanning = { start: at - 10, end: at + 2 }
    const segments = paragraphSegments(paragraph, at, [{ start: 0, end: 5 }, spanning], null)
    expect(segments[0]).toMatchObject({ text: 'He', quoteIndex: 1 })
    expect(segments.map((s) => s.text).join('')).toBe(paragraph)
  })
})
