/**
 * The export model as a Markdown syntax tree (mdast, with GFM's footnotes and strikethrough),
 * for server/export/markdown.ts to serialise. Nothing here writes Markdown text: user text
 * goes into `text`, `inlineCode` and `code` nodes as it is, and the serialiser escapes it for
 * the place it lands in, so no user text can turn into Markdown syntax or raw HTML.
 */
import type {
  BlockContent,
  FootnoteDefinition,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
} from 'mdast'
import type { Block, ExportModel, Inline, RichText, TableCell, TextRun } from './model'
import { tableGrid } from './tableGrid'
import { quoteByline, unverifiedNotice } from './text'

/** The whole export as one mdast tree. */
export function markdownTree(model: ExportModel): Root {
  const { meta } = model
  const children: RootContent[] = []
  if (meta.marking) children.push(paragraph([strong(meta.marking)]))
  children.push({ type: 'heading', depth: 1, children: [text(meta.title)] })
  children.push(paragraph(facts(model)))
  if (model.unverifiedQuotes > 0) {
    children.push({
      type: 'blockquote',
      children: [
        paragraph([strong('Warning:'), text(` ${unverifiedNotice(model.unverifiedQuotes)}`)]),
      ],
    })
  }
  children.push({ type: 'thematicBreak' })
  for (const block of model.blocks) children.push(...blockNodes(block, model))
  if (model.appendSourcesList) children.push(...sourcesList(model))
  // Markdown has no pages, so footnotes and endnotes come out the same: definitions at the end.
  for (const note of model.notes) children.push(footnoteDefinition(note.number, note.text))
  if (meta.marking) children.push(paragraph([strong(meta.marking)]))
  return { type: 'root', children }
}

/** The colophon under the title, one fact a line. */
function facts(model: ExportModel): PhrasingContent[] {
  const { meta } = model
  const lines: Array<[string, string]> = [
    ...(meta.team ? [['Team:', meta.team] as [string, string]] : []),
    ['Authors:', meta.authors.length > 0 ? meta.authors.join(', ') : '—'],
    ['Date:', meta.dateLabel],
    ['Version:', `${meta.version} (last edited ${meta.updatedLabel})`],
    ['Citations:', meta.citationStyleLabel],
  ]
  return lines.flatMap(([label, value], i) => [
    ...(i > 0 ? [{ type: 'break' } as const] : []),
    strong(label),
    text(` ${value}`),
  ])
}

function blockNodes(block: Block, model: ExportModel): BlockContent[] {
  switch (block.type) {
    case 'paragraph':
      return [paragraph(inlines(block.content))]
    case 'heading':
      // The title is the only level-1 heading; the briefing's own headings move down one.
      return [
        {
          type: 'heading',
          depth: Math.min(block.level + 1, 6) as 2 | 3 | 4 | 5 | 6,
          children: inlines(block.content),
        },
      ]
    case 'bulletList':
      return [list(false, 1, block.items, model)]
    case 'orderedList':
      return [list(true, block.start, block.items, model)]
    case 'blockquote':
      return [{ type: 'blockquote', children: block.blocks.flatMap((b) => blockNodes(b, model)) }]
    case 'codeBlock':
      return [{ type: 'code', lang: block.language, value: block.text }]
    case 'horizontalRule':
      return [{ type: 'thematicBreak' }]
    case 'table':
      return [table(block.rows)]
    case 'quote': {
      const lines: Paragraph[] = []
      if (block.status !== 'verified') {
        lines.push(paragraph([strong('UNVERIFIED:'), text(` ${block.problem ?? ''}`)]))
      }
      lines.push(paragraph([text(`“${block.text}”`)]))
      const byline: PhrasingContent[] = [text(`— ${quoteByline(block)}`)]
      if (block.note) byline.push(footnoteReference(block.note.number))
      lines.push(paragraph(byline))
      return [{ type: 'blockquote', children: lines }]
    }
    case 'sourcesList':
      return sourcesList(model)
  }
}

/**
 * A GFM table. GFM has no spans, so a spanning cell's other places stay empty, and its first
 * row is always the header row. A cell is one line: its paragraphs and line breaks become
 * spaces, as a line ending would end the row.
 */
function table(rows: TableCell[][]): Table {
  return {
    type: 'table',
    children: tableGrid(rows).map((cells) => ({
      type: 'tableRow',
      children: cells.map((cell) => ({ type: 'tableCell', children: cell ? cellLine(cell) : [] })),
    })),
  }
}

function cellLine(cell: TableCell): PhrasingContent[] {
  const parts = cell.blocks.map((block) =>
    block.type === 'paragraph'
      ? inlines(block.content.map((item) => (item.type === 'break' ? SPACE : item)))
      : [],
  )
  return mergeAdjacent(parts.flatMap((part, i) => (i > 0 ? [text(' '), ...part] : part)))
}

const SPACE: TextRun = { type: 'text', text: ' ' }

function list(
  ordered: boolean,
  start: number,
  items: Array<{ blocks: Block[] }>,
  model: ExportModel,
): List {
  return {
    type: 'list',
    ordered,
    start: ordered ? start : null,
    // Tight, as the editor shows lists: a nested list follows its paragraph directly.
    spread: false,
    children: items.map(
      (item): ListItem => ({
        type: 'listItem',
        spread: false,
        children: item.blocks.flatMap((b) => blockNodes(b, model)),
      }),
    ),
  }
}

function sourcesList(model: ExportModel): BlockContent[] {
  const heading: BlockContent = { type: 'heading', depth: 2, children: [text('Sources')] }
  if (model.sources.length === 0) {
    return [heading, paragraph([text('This briefing cites no sources.')])]
  }
  return [
    heading,
    {
      type: 'list',
      ordered: true,
      start: model.sources[0]?.number ?? 1,
      spread: false,
      children: model.sources.map((source) => ({
        type: 'listItem',
        spread: false,
        children: [paragraph(richText(source.text))],
      })),
    },
  ]
}

function footnoteDefinition(number: number, runs: RichText): FootnoteDefinition {
  const children: BlockContent[] = [paragraph(richText(runs))]
  return { type: 'footnoteDefinition', identifier: String(number), label: String(number), children }
}

function footnoteReference(number: number): PhrasingContent {
  return { type: 'footnoteReference', identifier: String(number), label: String(number) }
}

function inlines(items: Inline[]): PhrasingContent[] {
  return mergeAdjacent(
    items.flatMap((item): PhrasingContent[] => {
      if (item.type === 'noteRef') return [footnoteReference(item.number)]
      if (item.type === 'break') return [{ type: 'break' }]
      return textRun(item)
    }),
  )
}

function richText(runs: RichText): PhrasingContent[] {
  return mergeAdjacent(runs.flatMap(textRun))
}

const WRAPPERS = new Set(['strong', 'emphasis', 'delete'])

/**
 * Neighbouring nodes of the same mark joined into one: written apart, two struck runs give
 * `~~a~~~~aa~~`, whose middle GFM reads as four literal tildes, and two code spans "`a``a`".
 */
function mergeAdjacent(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const node of nodes) {
    const previous = out.at(-1)
    const sameMark = previous?.type === node.type && WRAPPERS.has(node.type)
    const sameLink = previous?.type === 'link' && node.type === 'link' && previous.url === node.url
    if (previous?.type === 'inlineCode' && node.type === 'inlineCode') {
      // Two code spans side by side would read as one span with backticks inside.
      previous.value += node.value
    } else if (previous?.type === 'text' && node.type === 'text') {
      previous.value += node.value
    } else if (previous && (sameMark || sameLink) && 'children' in previous && 'children' in node) {
      previous.children = mergeAdjacent([
        ...(previous.children as PhrasingContent[]),
        ...(node.children as PhrasingContent[]),
      ]) as typeof previous.children
    } else {
      out.push(node)
    }
  }
  return out
}

/** Line endings, of any convention. */
const LINE_ENDINGS = /\r\n|\r|\n/g

/** One run with its marks as nested nodes; its leading and trailing spaces stay outside them. */
function textRun(run: TextRun): PhrasingContent[] {
  if (run.text === '') return []
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(run.text) ?? []
  // Emphasis markers must touch the text they wrap, so spaces around it are left outside.
  if (core === '') return [text(run.text)]
  // In a link's text a code span holding a bracket is written as plain text: at the start of a
  // paragraph a reader takes "[`]:a`…" for a link reference definition (a definition's label
  // ends at the first "]", code span or not) and hides the line. Escaped text cannot do that.
  const code = run.code && !(run.link && /[[\]]/.test(core))
  let nodes: PhrasingContent[] = [
    code
      ? // A renderer shows a line ending inside a code span as a space, and a blank line would
        // end the span (and the paragraph) early, so they are written as the spaces they show.
        { type: 'inlineCode', value: core.replace(LINE_ENDINGS, ' ') }
      : text(core),
  ]
  if (run.bold) nodes = [{ type: 'strong', children: nodes }]
  if (run.italic) nodes = [{ type: 'emphasis', children: nodes }]
  if (run.strike) nodes = [{ type: 'delete', children: nodes }]
  // Markdown has no underline or highlight; these fixed tags are the only raw HTML an export
  // holds (GitHub renders both; `==x==` is no Markdown most readers know).
  if (run.underline)
    nodes = [{ type: 'html', value: '<u>' }, ...nodes, { type: 'html', value: '</u>' }]
  if (run.highlight)
    nodes = [{ type: 'html', value: '<mark>' }, ...nodes, { type: 'html', value: '</mark>' }]
  if (run.link) nodes = [{ type: 'link', url: run.link, children: nodes }]
  return [...(lead ? [text(lead)] : []), ...nodes, ...(trail ? [text(trail)] : [])]
}

function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children }
}

function strong(value: string): PhrasingContent {
  return { type: 'strong', children: [text(value)] }
}

function text(value: string): PhrasingContent {
  return { type: 'text', value }
}
