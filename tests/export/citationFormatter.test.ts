/**
 * [CF] The citation formatter: one note per citation with the style's positions, and the same
 * notes as one citeproc pass over every citation, although it formats each kind of citation
 * once and in chunks (for speed: one pass over 1,800 citations took seconds).
 */
import { describe, expect, it } from 'vitest'
import { CitationFormatter } from '../../server/export/citations/formatter'
import type { CitationStyle } from '../../shared/briefing/settings'
import { createSource, type Source } from '../../shared/sources'
import { harborSource, ministrySource } from './fixture'

/** A source by the harbor story's author with a title that shares its first words. */
function sameAuthorSource(): Source {
  return createSource(
    {
      kind: 'article',
      title: 'Harbor closes again',
      byline: 'By Jo Smith',
      publisher: 'Coastal Times',
      publishedAt: '2024-03-09T08:00:00Z',
      url: 'https://news.example/harbor-again',
      paragraphs: ['The harbor closed again.', 'Crews returned to the breakwater.'],
    },
    { id: 'src-again', addedBy: 'owner', retrievedAt: '2024-03-10T09:30:00Z' },
  )
}

/** A seeded sequence of citations, with runs of one source so every position occurs. */
function citations(count: number, seed: number) {
  const sources = [harborSource(), ministrySource(), sameAuthorSource()]
  let state = seed
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
  const out: { source: Source; paragraph: number | null }[] = []
  let source = sources[0]!
  for (let i = 0; i < count; i++) {
    if (next() < 0.4) source = sources[Math.floor(next() * sources.length)]!
    const roll = next()
    out.push({ source, paragraph: roll < 0.1 ? null : 1 + Math.floor(roll * 3) })
  }
  return out
}

const text = (notes: { text: string }[][]) => notes.map((runs) => runs.map((r) => r.text).join(''))

describe('citation formatter', () => {
  it('[CF1] formatting each kind of citation once, in chunks, gives exactly the notes of one pass, in every style', () => {
    for (const style of ['chicago', 'apa', 'harvard', 'vancouver'] as CitationStyle[]) {
      for (const seed of [1, 7]) {
        const sequence = citations(90, seed)
        const onePass = text(new CitationFormatter(style, { onePass: true }).notes(sequence))
        const chunked = text(new CitationFormatter(style, { citationsPerChunk: 4 }).notes(sequence))
        expect(chunked, `${style}, seed ${seed}`).toEqual(onePass)
      }
    }
  })

  it('[CF2] Chicago: full note first, ibid forms after the same source, short note otherwise', () => {
    const harbor = harborSource()
    const ministry = ministrySource()
    const notes = text(
      new CitationFormatter('chicago').notes([
        { source: harbor, paragraph: 2 },
        { source: harbor, paragraph: 2 },
        { source: ministry, paragraph: 1 },
        { source: harbor, paragraph: 3 },
      ]),
    )
    expect(notes[0]).toMatch(
      /^Jo Smith, “Harbor Closes after Storm,” Coastal Times, March 5, 2024, para\. 2/,
    )
    expect(notes[1]).toBe('Jo Smith, para. 2.')
    expect(notes[2]).toMatch(/^“Заява щодо порту” \(Міністерство інфраструктури/)
    expect(notes[3]).toBe('Jo Smith, “Harbor Closes after Storm,” para. 3.')
  })
})
