/**
 * A deterministic briefing as an export model (server/export/model.ts): sections of a
 * heading, paragraphs with marks and citations, a verified quote and a list, citing ten
 * sources. `variant` changes one paragraph mid-document and the version stamp, as an edit
 * between two exports would, so a warm renderer cannot return a cached result for identical
 * input.
 */
import type { Block, ExportModel, Inline, Note, SourceEntry } from '../../server/export/model'
import { Prng } from './prng'

const SOURCES = 10
const WORDS = [
  'harbor',
  'ministry',
  'officials',
  'storm',
  'breakwater',
  'insurers',
  'claims',
  'reopen',
  'port',
  'cargo',
  'shipping',
  'analysts',
  'expect',
  'damage',
  'limited',
  'coast',
  'weekly',
  'statement',
  'according',
  'figures',
  'the',
  'a',
  'of',
  'and',
  'to',
  'in',
  'on',
  'said',
]

export function exportModel(sections: number, variant = 0): ExportModel {
  const prng = new Prng(11)
  // Every citation is its own note (numbered in order); each cites one of SOURCES sources.
  const citedSources: number[] = []
  const cite = (): Inline => {
    citedSources.push(1 + prng.int(SOURCES))
    return { type: 'noteRef', number: citedSources.length }
  }
  const sentence = (words: number) => {
    const text = Array.from({ length: words }, () => prng.pick(WORDS)).join(' ')
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
  }
  const paragraph = (tag: string): Block => ({
    type: 'paragraph',
    content: [
      { type: 'text', text: `${tag}${sentence(18)} ` },
      { type: 'text', text: sentence(6), bold: true },
      { type: 'text', text: ` ${sentence(22)} ` },
      { type: 'text', text: sentence(5), italic: true },
      cite(),
      { type: 'text', text: ` ${sentence(20)}` },
    ],
  })
  const blocks: Block[] = []
  for (let s = 0; s < sections; s++) {
    blocks.push({
      type: 'heading',
      level: 2,
      content: [{ type: 'text', text: `Section ${s + 1}: ${sentence(4)}` }],
    })
    const edited = s === Math.floor(sections / 2) && variant > 0 ? `(Revision ${variant}) ` : ''
    blocks.push(paragraph(edited), paragraph(''))
    const note = cite() as Extract<Inline, { type: 'noteRef' }>
    blocks.push({
      type: 'quote',
      quoteId: `q${s}`,
      text: sentence(24),
      speaker: 'Ana Lima',
      role: 'Port Director',
      sourceTitle: null,
      note,
      paragraph: 1 + prng.int(9),
      status: 'verified',
      problem: null,
    })
    blocks.push({
      type: 'bulletList',
      items: [0, 1, 2].map(() => ({
        blocks: [{ type: 'paragraph', content: [{ type: 'text', text: sentence(12) }] }],
      })),
    })
    blocks.push(paragraph(''))
  }
  const numbers = Array.from({ length: SOURCES }, (_, i) => i + 1).filter((n) =>
    citedSources.includes(n),
  )
  const notes: Note[] = citedSources.map((source, index) => ({
    number: index + 1,
    sourceId: `src-${source}`,
    text: [
      { type: 'text', text: `Coastal Times, “Report number ${source},” ` },
      { type: 'text', text: 'Harbor Weekly', italic: true },
      { type: 'text', text: ', March 5, 2024.' },
    ],
  }))
  const sources: SourceEntry[] = numbers.map((number) => ({
    number,
    sourceId: `src-${number}`,
    text: [{ type: 'text', text: `Coastal Times. “Report number ${number}.” March 5, 2024.` }],
    url: `https://news.example/report-${number}`,
    missing: false,
  }))
  return {
    meta: {
      title: 'Harbor closure',
      team: 'Analysis desk',
      authors: ['Jo Analyst', 'Sam Editor'],
      exportedAt: '2024-03-06T14:02:00.000Z',
      dateLabel: '6 March 2024',
      updatedAt: '2024-03-06T14:00:00.000Z',
      updatedLabel: '6 March 2024, 14:00 UTC',
      version: `bench${variant}`,
      marking: null,
      notes: 'footnotes',
      citationStyle: 'chicago',
      citationStyleLabel: 'Chicago (notes and bibliography)',
    },
    blocks,
    notes,
    sources,
    appendSourcesList: true,
    unverifiedQuotes: 0,
    warnings: [],
  }
}
