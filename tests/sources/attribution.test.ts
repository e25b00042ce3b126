/**
 * Quote extraction on small texts written for these tests (not the fixtures), one attribution
 * pattern each, so a change that only works for the fixtures shows up here.
 */

import { describe, expect, it } from 'vitest'
import { extractQuotes } from '../../shared/quotes/extract'
import { type ExtractedQuote, PARAGRAPH_SEPARATOR } from '../../shared/sources/types'

interface Want {
  /** The extracted quote's text contains this. */
  has: string
  speaker: string | null
  role?: string | null
  kind?: ExtractedQuote['kind']
}

interface Case {
  name: string
  text: string
  want: Want[]
  /** No offered quote contains any of these. */
  notOffered?: string[]
}

const CASES: Case[] = [
  {
    name: '"X said" after the quote',
    text: '“We will not sign this text,” Anna Berg said.',
    want: [{ has: 'We will not sign', speaker: 'Anna Berg', kind: 'full' }],
  },
  {
    name: '"said X" after the quote',
    text: '“We will not sign this text,” said Anna Berg.',
    want: [{ has: 'We will not sign', speaker: 'Anna Berg', kind: 'full' }],
  },
  {
    name: '"X told Y:" before the quote',
    text: 'Anna Berg told reporters in Oslo: “We will not sign this text.”',
    want: [{ has: 'We will not sign', speaker: 'Anna Berg', kind: 'full' }],
  },
  {
    name: '"according to X" after and before',
    text: [
      '“The talks are over for this year,” according to Jonas Weber, a mediator.',
      'According to Ida Falk, a harbour pilot, “the channel is too shallow for them.”',
    ].join('\n\n'),
    want: [
      { has: 'The talks are over', speaker: 'Jonas Weber', role: 'mediator', kind: 'full' },
      { has: 'the channel is too shallow', speaker: 'Ida Falk', kind: 'partial' },
    ],
  },
  {
    name: '"X added:" with the surname of a person named earlier',
    text: 'Anna Berg spoke first at the meeting.\n\nBerg added: “Nothing is final until the cabinet votes.”',
    want: [{ has: 'Nothing is final', speaker: 'Anna Berg' }],
  },
  {
    name: 'a title before the name is the role',
    text: 'Foreign Minister Anna Berg said: “We need more time.”',
    want: [
      { has: 'We need more time', speaker: 'Anna Berg', role: 'Foreign Minister', kind: 'full' },
    ],
  },
  {
    name: 'a role in apposition',
    text: '“We need more time,” Anna Berg, the foreign minister, said.',
    want: [{ has: 'We need more time', speaker: 'Anna Berg', role: 'foreign minister' }],
  },
  {
    name: 'a role in apposition before the name',
    text: 'The port’s chief engineer, Ole Brun, said the crane was “beyond repair.”',
    want: [
      { has: 'beyond repair', speaker: 'Ole Brun', role: 'port’s chief engineer', kind: 'partial' },
    ],
  },
  {
    name: '"he said" resolves to the last named person',
    text: [
      'Karl Lund, the mayor, opened the session on the harbour plan.',
      '“The bridge will be rebuilt by spring,” he said.',
    ].join(' '),
    want: [{ has: 'The bridge will be rebuilt', speaker: 'Karl Lund', role: 'mayor' }],
  },
  {
    name: '"she said" with two people in play',
    text: [
      '“The port is open,” said harbour master Ida Falk.',
      'Her deputy, Ole Brun, disagreed. “It is open only on paper,” he said.',
      'Falk shook her head. “The paperwork is done,” she said.',
    ].join(' '),
    want: [
      { has: 'The port is open', speaker: 'Ida Falk', role: 'harbour master' },
      { has: 'It is open only on paper', speaker: 'Ole Brun' },
      { has: 'The paperwork is done', speaker: 'Ida Falk' },
    ],
  },
  {
    name: 'a paragraph that is only a quote takes the previous paragraph’s speaker',
    text: [
      '“The price of feed has doubled,” said Tove Nilsen, a dairy farmer.',
      '“We cannot pass that on to the supermarkets.”',
    ].join('\n\n'),
    want: [
      { has: 'The price of feed', speaker: 'Tove Nilsen', role: 'dairy farmer' },
      { has: 'We cannot pass that on', speaker: 'Tove Nilsen', kind: 'full' },
    ],
  },
  {
    name: 'a quote running over two paragraphs without a closing mark',
    text: [
      'Mayor Karl Lund spoke at length:',
      '“The first priority is the bridge. It carries the water main.',
      '“The second priority is the school,” Lund said.',
    ].join('\n\n'),
    want: [
      { has: 'The first priority is the bridge', speaker: 'Karl Lund', role: 'Mayor' },
      { has: 'The second priority is the school', speaker: 'Karl Lund' },
    ],
  },
  {
    name: 'straight double quotes',
    text: '"We will not sign this text," said Anna Berg. "Not this week, and not next week."',
    want: [
      { has: 'We will not sign', speaker: 'Anna Berg' },
      { has: 'Not this week', speaker: 'Anna Berg' },
    ],
  },
  {
    name: 'nested single quotes belong to the outer quote',
    text: '“They call it ‘temporary’ but it is permanent,” said Eva Holm.',
    want: [{ has: 'They call it ‘temporary’ but it is permanent', speaker: 'Eva Holm' }],
    notOffered: [],
  },
  {
    name: 'British single quotes, and a programme title that is nobody’s quote',
    text: [
      '‘We are ready to talk,’ said Anna Berg.',
      'She told the ‘Morning Report’ programme that the monitors’ mandate was ‘purely technical’.',
    ].join(' '),
    want: [
      { has: 'We are ready to talk', speaker: 'Anna Berg', kind: 'full' },
      { has: 'purely technical', speaker: 'Anna Berg', kind: 'partial' },
    ],
    notOffered: ['Morning Report'],
  },
  {
    name: 'straight single quotes in a double-quote story',
    text: 'Rachel Osei said: \'We inherited a plan that looked good on paper.\' She called it "a mess".',
    want: [
      { has: 'We inherited a plan', speaker: 'Rachel Osei', kind: 'full' },
      { has: 'a mess', speaker: 'Rachel Osei', kind: 'partial' },
    ],
  },
  {
    name: 'an op-ed title is not a quote',
    text: 'In an op-ed titled “Why the Corridor Failed”, Anna Berg argued that the plan was “doomed from the start”.',
    want: [{ has: 'doomed from the start', speaker: 'Anna Berg', kind: 'partial' }],
    notOffered: ['Why the Corridor Failed'],
  },
  {
    name: 'anonymous speakers keep their description',
    text: [
      '“We are studying the proposal carefully,” a senior EU diplomat said.',
      '“Nobody wants a second winter of this,” said one official familiar with the talks.',
    ].join('\n\n'),
    want: [
      { has: 'We are studying', speaker: 'senior EU diplomat' },
      { has: 'Nobody wants a second winter', speaker: 'official familiar with the talks' },
    ],
  },
  {
    name: 'a scare quote is nobody’s quote',
    text: 'The so-called “peace dividend” never arrived in the valley.',
    want: [],
    notOffered: ['peace dividend'],
  },
  {
    name: 'a split sentence keeps its speaker and stays a full quote',
    text: 'Anna Berg, the chief negotiator, was blunt. “We came here,” she said, “with a plan that both sides had seen.”',
    want: [
      { has: 'We came here', speaker: 'Anna Berg', kind: 'full' },
      { has: 'with a plan that both sides', speaker: 'Anna Berg', kind: 'full' },
    ],
  },
  {
    name: '"X called it ..." and a relative clause',
    text: [
      'Opposition leader Mikael Strand called the budget “a betrayal of the north.”',
      'The decision was welcomed by spokesperson Maria Lund, who said it was “long overdue.”',
    ].join('\n\n'),
    want: [
      { has: 'a betrayal of the north', speaker: 'Mikael Strand', kind: 'partial' },
      { has: 'long overdue', speaker: 'Maria Lund', role: 'spokesperson' },
    ],
  },
  {
    name: 'an abbreviated title and a day after the verb (wire style)',
    text: '“We are not going anywhere,” Gov. Maria Alvarez said Thursday at a news conference.',
    want: [{ has: 'We are not going anywhere', speaker: 'Maria Alvarez', role: 'Gov.' }],
  },
  {
    name: 'present tense and a question',
    text: [
      '“It’s the best harvest in a decade,” says Sofie Lund, who farms 200 hectares near Aarhus.',
      '“Why would we sign now?” asked Tomas Ruiz, the union’s general secretary.',
    ].join('\n\n'),
    want: [
      { has: 'best harvest', speaker: 'Sofie Lund' },
      { has: 'Why would we sign now?', speaker: 'Tomas Ruiz', role: 'union’s general secretary' },
    ],
  },
  {
    name: '"he said" after two names with no role: the last one',
    text: 'Anna Berg met Jonas Weber in Oslo. “We agreed on nothing,” he said afterwards.',
    want: [{ has: 'We agreed on nothing', speaker: 'Jonas Weber' }],
  },
  {
    name: '"he said" does not reach back to a place',
    text: 'The ships waited in the Black Sea for a week. “We lost money every day,” he said.',
    want: [{ has: 'We lost money every day', speaker: null }],
  },
  {
    name: 'an apposition with an age and a clause',
    text: 'Local resident Priya Shah, 67, whose home flooded twice, said she had “stopped believing the promises.”',
    want: [{ has: 'stopped believing', speaker: 'Priya Shah' }],
  },
]

function check({ text, want, notOffered }: Case): void {
  const paragraphs = text.split('\n\n')
  const body = paragraphs.join(PARAGRAPH_SEPARATOR)
  const quotes = extractQuotes({ paragraphs })
  for (const q of quotes) expect(body.slice(q.start, q.end)).toBe(q.text)
  for (const w of want) {
    const found = quotes.filter((q) => q.text.includes(w.has))
    expect(found, `no quote contains "${w.has}" in ${JSON.stringify(quotes)}`).toHaveLength(1)
    const [quote] = found
    expect(quote?.speaker, `speaker of "${w.has}"`).toBe(w.speaker)
    if (w.role !== undefined) expect(quote?.speakerRole, `role of "${w.has}"`).toBe(w.role)
    if (w.kind) expect(quote?.kind, `kind of "${w.has}"`).toBe(w.kind)
  }
  for (const text of notOffered ?? []) {
    expect(quotes.filter((q) => q.text.includes(text))).toEqual([])
  }
}

describe('quote attribution on unseen texts', () => {
  it.each(CASES)('$name', (c) => check(c))

  it('offers a Q&A interview’s answers, not its questions', () => {
    const quotes = extractQuotes({
      paragraphs: [
        'Q: Will the bank cut rates this year?',
        'A: Not while inflation is above target. We have been clear about that.',
        'Q: And next year?',
        'A: Next year is a different conversation.',
      ],
    })
    expect(quotes.map((q) => [q.text, q.speaker])).toEqual([
      ['Not while inflation is above target. We have been clear about that.', null],
      ['Next year is a different conversation.', null],
    ])
  })

  it('takes a speaker’s role from a title in the transcript label', () => {
    const quotes = extractQuotes({
      paragraphs: [
        'SECRETARY NAVARRO: We will announce the package on Friday.',
        'QUESTION: How large will it be?',
        'SECRETARY NAVARRO: Large enough.',
      ],
    })
    expect(quotes.map((q) => [q.speaker, q.speakerRole, q.text])).toEqual([
      ['Navarro', 'Secretary', 'We will announce the package on Friday.'],
      ['Navarro', 'Secretary', 'Large enough.'],
    ])
  })

  it('rejects paragraphs that are not strings, naming the bad one', () => {
    expect(() => extractQuotes({ paragraphs: ['fine', 3 as unknown as string] })).toThrow(
      /Paragraph 2 is number, not a string/,
    )
    expect(() => extractQuotes({ paragraphs: null as unknown as string[] })).toThrow(
      /array of paragraphs/,
    )
  })

  it('numbers paragraphs from 1 and measures offsets in the joined body', () => {
    const paragraphs = ['No quotes here.', 'Still none.', '“Here,” said Anna Berg.']
    const [quote] = extractQuotes({ paragraphs })
    expect(quote?.paragraph).toBe(3)
    expect(paragraphs.join(PARAGRAPH_SEPARATOR).slice(quote?.start, quote?.end)).toBe('Here')
  })

  it('takes a speaker’s full name from the title when the body only has the surname', () => {
    const quotes = extractQuotes({
      paragraphs: ['“The rates will not move this year,” Sundqvist said.'],
      context: ['Interview with central bank governor Lena Sundqvist'],
    })
    expect(quotes[0]?.speaker).toBe('Lena Sundqvist')
    expect(quotes[0]?.speakerRole).toBe('central bank governor')
  })
})
