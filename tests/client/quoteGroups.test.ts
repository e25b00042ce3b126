/** Grouping a source's quotes by speaker and searching them. */
import { describe, expect, it } from 'vitest'
import { groupQuotesBySpeaker, quoteMatches } from '../../client/src/sources/quoteGroups'
import type { ExtractedQuote } from '../../shared/sources'

function quote(text: string, speaker: string | null, speakerRole: string | null = null) {
  return {
    text,
    speaker,
    speakerRole,
    kind: 'full',
    start: 0,
    end: 1,
    paragraph: 1,
  } as ExtractedQuote
}

const quotes = [
  quote('We came here with a concrete plan.', 'Marta Solberg', 'lead negotiator'),
  quote('Nobody knows.', null),
  quote('Every time the word ‘international’ appears…', 'Daniel Achebe', 'senior fellow'),
  quote('That is not nothing.', 'Marta Solberg', null),
]

describe('groupQuotesBySpeaker', () => {
  it('groups by speaker in order of first quote, unattributed last, keeping source indexes', () => {
    const groups = groupQuotesBySpeaker(quotes)
    expect(groups.map((g) => g.speaker)).toEqual(['Marta Solberg', 'Daniel Achebe', null])
    expect(groups[0]!.quotes.map((q) => q.index)).toEqual([0, 3])
    expect(groups[0]!.speakerRole).toBe('lead negotiator')
    expect(groups[2]!.key).toBe('')
  })

  it('filters on quote text, speaker and role, every word, ignoring case and accents', () => {
    expect(groupQuotesBySpeaker(quotes, 'solberg nothing').flatMap((g) => g.quotes)).toHaveLength(1)
    expect(groupQuotesBySpeaker(quotes, 'FELLOW').map((g) => g.speaker)).toEqual(['Daniel Achebe'])
    expect(groupQuotesBySpeaker(quotes, 'zzz')).toEqual([])
  })

  it('matches straight quotes against curly ones and accented letters against plain', () => {
    expect(quoteMatches(quotes[2]!, "'international'")).toBe(true)
    expect(quoteMatches(quote('Le café est fermé.', 'Zoë'), 'cafe zoe')).toBe(true)
    expect(quoteMatches(quotes[0]!, '   ')).toBe(true)
  })
})
