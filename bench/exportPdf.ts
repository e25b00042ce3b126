/**
 * PDF export timings: `npx tsx bench/exportPdf.ts`. For briefings of about 20 and 100
 * pages it reports the cold compile (a new Exporter: compiler creation, font loading and
 * Typst's first pass) and the warm one (the same Exporter again, median of several runs),
 * plus building the export model from the Y.Doc. Standalone; no server is started. Wall
 * times on a busy machine overstate; the CPU times printed beside them are the fairer read.
 */
import type { JSONContent } from '@tiptap/core'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { Exporter, modelFromDoc } from '../server/export'
import { selectorsForRange } from '../shared/quotes/selectors'
import { DOCUMENT_FRAGMENT } from '../shared/schema/extensions'
import { briefingSchema } from '../shared/schema/schema'
import { addSource } from '../shared/sources/sourcesMap'
import { createSource } from '../shared/sources/validate'

const WARM_RUNS = 7
const SENTENCE =
  'The assessment weighs port throughput, insurance exposure and official statements against what crews reported. '

const source = createSource(
  {
    kind: 'article',
    title: 'Harbor closes after storm',
    byline: 'By Jo Smith',
    publisher: 'Coastal Times',
    publishedAt: '2024-03-05T08:00:00Z',
    url: 'https://news.example/harbor',
    paragraphs: ['The harbor closed.', '“We will reopen on Monday,” said Ana Lima.'],
  },
  { id: 'src-1', addedBy: 'bench', retrievedAt: '2024-03-06T09:00:00Z' },
)

/** A briefing of `sections` sections; a section is about 1.4 pages. */
function briefing(sections: number): Y.Doc {
  const start = source.paragraphs.join('\n\n').indexOf('We will reopen on Monday')
  const quote: JSONContent = {
    type: 'sourceQuote',
    attrs: {
      quoteId: 'q',
      sourceId: source.id,
      text: 'We will reopen on Monday',
      ...selectorsForRange(source.paragraphs, start, start + 'We will reopen on Monday'.length),
      speaker: 'Ana Lima',
      speakerRole: 'Port Director',
      kind: 'partial',
      insertedBy: 'bench',
      insertedAt: '2024-03-06T11:00:00Z',
    },
  }
  const content: JSONContent[] = []
  for (let s = 1; s <= sections; s++) {
    content.push({
      type: 'heading',
      attrs: { level: 1 },
      content: [{ type: 'text', text: `Section ${s}` }],
    })
    for (let p = 0; p < 5; p++) {
      content.push({
        type: 'paragraph',
        content: [
          { type: 'text', text: SENTENCE.repeat(10) },
          {
            type: 'text',
            text: 'Crews reported damage',
            marks: [
              {
                type: 'cite',
                attrs: { sourceId: source.id, locator: { paragraph: 1 }, citationId: `c${s}-${p}` },
              },
            ],
          },
          { type: 'text', text: '.' },
        ],
      })
    }
    content.push({ ...quote, attrs: { ...quote.attrs, quoteId: `q${s}` } })
  }
  const doc = new Y.Doc()
  addSource(doc, source)
  prosemirrorJSONToYXmlFragment(
    briefingSchema(),
    { type: 'doc', content },
    doc.getXmlFragment(DOCUMENT_FRAGMENT),
  )
  return doc
}

const facts = {
  briefing: {
    id: 'bench',
    teamId: 'team',
    title: 'Export benchmark',
    teamRole: 'editor' as const,
    createdBy: 'bench',
    createdAt: '2024-03-06T08:00:00Z',
    updatedAt: '2024-03-06T08:00:00Z',
    epoch: 'bench',
  },
  team: 'Bench',
  authors: ['Bench'],
}

interface Timing {
  wallMs: number
  /** CPU time of this process: a fairer number than wall time on a busy machine. */
  cpuMs: number
  result: Awaited<ReturnType<Exporter['render']>>
}

async function timed(run: () => Promise<Timing['result']>): Promise<Timing> {
  const cpu = process.cpuUsage()
  const started = performance.now()
  const result = await run()
  const used = process.cpuUsage(cpu)
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000, result }
}

/** The run with the median wall time. */
function middle(runs: Timing[]): Timing {
  return [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)]!
}

function show(timing: Timing): string {
  return `${timing.wallMs.toFixed(0)} ms (cpu ${timing.cpuMs.toFixed(0)} ms)`
}

async function measure(label: string, sections: number): Promise<void> {
  const doc = briefing(sections)
  const schema = briefingSchema()
  const started = performance.now()
  const model = modelFromDoc(doc, schema, facts, new Date())
  const modelMs = performance.now() - started
  const exporter = new Exporter()
  const cold = await timed(() => exporter.render(model, 'pdf'))
  // Warm: the same exporter after an edit (a paragraph added at the end, as another export
  // a little later would see), so Typst reuses only its memoised pieces; then the identical
  // briefing again, where it reuses everything.
  const edited: Timing[] = []
  for (let i = 0; i < WARM_RUNS; i++) {
    const paragraph = {
      type: 'paragraph' as const,
      content: [{ type: 'text' as const, text: `Edit ${i}.` }],
    }
    const changed = { ...model, blocks: [...model.blocks, paragraph] }
    edited.push(await timed(() => exporter.render(changed, 'pdf')))
  }
  const same: Timing[] = []
  for (let i = 0; i < WARM_RUNS; i++) same.push(await timed(() => exporter.render(model, 'pdf')))
  console.log(
    `${label}: ${cold.result.pages} pages, ${(cold.result.body.length / 1024).toFixed(0)} KiB; ` +
      `model ${modelMs.toFixed(0)} ms; cold ${show(cold)}; warm after an edit ${show(middle(edited))}; ` +
      `warm unchanged ${show(middle(same))}`,
  )
}

// `npx tsx bench/exportPdf.ts 100` measures one size alone, so its cold run is a fresh process's.
const SIZES: Record<string, number> = { '20': 15, '100': 77 }
for (const size of process.argv.length > 2 ? process.argv.slice(2) : Object.keys(SIZES)) {
  const sections = SIZES[size]
  if (sections === undefined) throw new RangeError(`Unknown size ${size} (expected 20 or 100)`)
  await measure(`~${size} pages`, sections)
}
