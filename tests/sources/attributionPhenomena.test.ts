/**
 * The attribution phenomena of real news, each on a short text written for this test (names and
 * events invented): what the extractor gets wrong when it matches patterns instead of reading
 * structure. One class of text per case, never a page of the corpora.
 */

import { describe, expect, it } from 'vitest'
import { extractQuotations } from '../../shared/quotes/extract'
import { PARAGRAPH_SEPARATOR } from '../../shared/sources/types'

function read(text: string) {
  const paragraphs = text.split('\n\n')
  const body = paragraphs.join(PARAGRAPH_SEPARATOR)
  const result = extractQuotations({ paragraphs })
  const speakerOf = (words: string) => {
    const found = result.quotes.filter((q) => q.text.includes(words))
    expect(found, `one quote contains "${words}": ${JSON.stringify(result.quotes)}`).toHaveLength(1)
    return found[0]?.speaker
  }
  return { ...result, body, speakerOf }
}

describe('attribution on linguistic structure', () => {
  it('does not glue a sentence-opening adverb to the surname after it', () => {
    const r = read(
      'Economist Petra Holm presented the figures. Essentially Holm argued that rates must rise. “We waited too long,” she said.',
    )
    expect(r.speakerOf('We waited too long')).toBe('Petra Holm')
    expect(r.people.map((p) => p.name)).not.toContain('Essentially Holm')
  })

  it('resolves a pronoun to the subject of the chain, not to the nearest name', () => {
    const r = read(
      'Mayor Ingrid Solheim met the transport minister, Bjorn Lie, on Monday. She told reporters the bridge would reopen in May. “We have the money now,” she said.',
    )
    expect(r.speakerOf('We have the money now')).toBe('Ingrid Solheim')
  })

  it('follows pronouns through the narrative between the name and the quotation', () => {
    const r = read(
      [
        '“The season is over for us,” said coach Marta Vik.',
        'Her assistant, Jon Dahl, left the club last week. Vik spent the summer rebuilding the squad. She was nervous about the opening game.',
        '“It was terrifying,” she said.',
      ].join('\n\n'),
    )
    expect(r.speakerOf('It was terrifying')).toBe('Marta Vik')
  })

  it('resolves role nouns to the person introduced with that role', () => {
    const r = read(
      [
        'The study was led by Aino Laine, a professor of ecology at Tampere University, and by the engineer Kalle Mäkinen.',
        '“The data surprised us,” the professor said.',
        'Opposition MP Rolf Berg called for an inquiry. “Somebody has to answer for this,” the MP said.',
      ].join('\n\n'),
    )
    expect(r.speakerOf('The data surprised us')).toBe('Aino Laine')
    expect(r.speakerOf('Somebody has to answer')).toBe('Rolf Berg')
  })

  it('keeps two people who share a surname apart', () => {
    const r = read(
      [
        'Farmer Hugo Lind, 71, has worked the same fields for fifty years.',
        '“The soil is tired,” Lind said.',
        'His daughter, Sara Lind, runs the farm shop. “Dad will never retire,” Sara said.',
        '“Never,” Lind said, laughing.',
      ].join('\n\n'),
    )
    expect(r.speakerOf('The soil is tired')).toBe('Hugo Lind')
    expect(r.speakerOf('Dad will never retire')).toBe('Sara Lind')
    expect(r.speakerOf('Never')).toBe('Hugo Lind')
  })

  it('attributes a question to whoever asked, pushed or pressed, after the question mark', () => {
    const r = read(
      '“Why now?” Clara Mendes pushed. “Because the money ran out,” Tomas Berger replied. “And next year?” Mendes pressed.',
    )
    expect(r.speakerOf('Why now?')).toBe('Clara Mendes')
    expect(r.speakerOf('Because the money')).toBe('Tomas Berger')
    expect(r.speakerOf('And next year?')).toBe('Clara Mendes')
  })

  it('reads a colon after any verb, and a subject past an age and a relative clause', () => {
    const r = read(
      [
        'Lena Hart summed it up: “We were never consulted.”',
        'Ruth Okafor, 68, who has lived on the street for decades, said: “Nobody asked us.”',
      ].join('\n\n'),
    )
    expect(r.speakerOf('never consulted')).toBe('Lena Hart')
    expect(r.speakerOf('Nobody asked us')).toBe('Ruth Okafor')
  })

  it('reads broadcast transcript labels that carry a description', () => {
    const r = read(
      [
        'NORA QUINN, HOST:',
        'Good morning. The vote was close.',
        'DAVID PARK, BYLINE: Closer than anyone expected.',
        'QUINN: How close?',
      ].join('\n\n'),
    )
    expect(r.speakerOf('The vote was close')).toBe('Nora Quinn')
    expect(r.speakerOf('Closer than anyone')).toBe('David Park')
    expect(r.speakerOf('How close?')).toBe('Nora Quinn')
    expect(r.quotes.find((q) => q.text.includes('Closer'))?.speakerRole).toBe('byline')
  })

  it('offers no titles, slogans, signs, nicknames or scare quotes, and lists them as terms', () => {
    const r = read(
      [
        'Protesters carried signs reading “Hands Off Our Parks” and chanted “save the trees” outside the hall.',
        'The film “A Quiet Harbour” opened on Friday; the report “Cities at Risk” came out the same day.',
        'The bakery on the corner, “Bella’s Bread”, closed after what locals dubbed “the rent shock”.',
        'Officials spoke of so-called “freeze-thaw” cycles, as if to say “nothing can be done.”',
      ].join('\n\n'),
    )
    expect(r.quotes).toEqual([])
    const terms = r.terms.map((t) => t.text)
    for (const t of ['Hands Off Our Parks', 'A Quiet Harbour', 'Cities at Risk', 'the rent shock'])
      expect(terms).toContain(t)
    for (const t of r.terms) expect(r.body.slice(t.start, t.end)).toBe(t.text)
  })

  it('gives every attribution its cue, where the speaker was introduced, and a confidence', () => {
    const r = read(
      'Anders Moe, the harbour master, inspected the pier. “The pier is safe,” Moe said on Tuesday.',
    )
    const [quote] = r.quotes
    const a = quote?.attribution
    expect(quote?.speaker).toBe('Anders Moe')
    expect(quote?.speakerRole).toBe('harbour master')
    expect(a?.method).toBe('after')
    expect(a?.confidence).toBeGreaterThanOrEqual(0.9)
    expect(r.body.slice(a?.cue?.start, a?.cue?.end)).toBe('Moe said')
    expect(r.body.slice(a?.introduced?.start, a?.introduced?.end)).toBe('Anders Moe')
    expect(r.people).toContainEqual({ name: 'Anders Moe', role: 'harbour master' })
  })

  it('leaves a doubtful speaker unnamed and suggests the likeliest one', () => {
    // Two people the text tells nothing of the sex of, neither the subject: "she" could be
    // either, or someone else.
    const r = read(
      [
        'The award went to the team of Robin Ek and Sam Holm last year.',
        'The ceremony was held in the old town hall, which was full.',
        '“It was a shock,” she said.',
      ].join('\n\n'),
    )
    const [quote] = r.quotes
    expect(quote?.speaker).toBeNull()
    expect(quote?.attribution?.confidence).toBeLessThan(0.5)
    expect(['Robin Ek', 'Sam Holm']).toContain(quote?.attribution?.suggestion)
  })

  it('gives a pull quote the speaker of the words it repeats, not of its neighbours', () => {
    const r = read(
      [
        '“Every village on the coast will need a new sea wall by 2040,” said Olga Strand, who chairs the regional council.',
        'Her deputy, Per Holm, said the money was not there yet. “We will have to borrow,” he said.',
        '“Every village on the coast will need a new sea wall”',
        'The council meets again in March.',
      ].join('\n\n'),
    )
    const pull = r.quotes.find((q) => q.paragraph === 3)
    expect(pull?.speaker).toBe('Olga Strand')
    expect(pull?.attribution?.method).toBe('repeated')
  })

  it('reads "the company said" as the organisation the story is about', () => {
    const r = read(
      [
        'Harbor Freight Lines cut 300 jobs on Monday, blaming lower demand for shipping.',
        '“These decisions are never easy,” the company said in a statement.',
        '“We expected worse,” said Ana Ortiz, a freight analyst at Borland Research.',
      ].join('\n\n'),
    )
    expect(r.speakerOf('never easy')).toBe('Harbor Freight Lines')
    expect(r.speakerOf('We expected worse')).toBe('Ana Ortiz')
  })

  it('lets a document speak for its issuer', () => {
    const r = read(
      [
        'Shares of Norlake Mining fell 4 percent on Monday.',
        '“Copper prices will stay weak into next year,” a Vestby Bank note said.',
      ].join('\n\n'),
    )
    expect(r.speakerOf('Copper prices')).toBe('Vestby Bank')
  })

  it('leaves a speaker the text does not name unnamed instead of borrowing one', () => {
    const r = read(
      'Foreign Minister Jonas Lind faced reporters. “Is it signed?” one asked. “Not yet,” the minister said.',
    )
    expect(r.speakerOf('Is it signed?')).toBeNull()
    expect(r.speakerOf('Not yet')).toBe('Jonas Lind')
  })
})
