/**
 * DOCX export with the `docx` package. Every citation is a real Word footnote, with its own
 * note in word/footnotes.xml (Word numbers footnotes by reference, in document order, as
 * the model does). With
 * endnotes chosen, a "Notes" section at the end holds them, markers linking to each entry.
 * The handling marking is in every page's header and footer, with "Page N of M".
 */
import {
  AlignmentType,
  Bookmark,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  InternalHyperlink,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type {
  Block,
  ExportModel,
  Inline,
  TextRun as ModelRun,
  TableCell as ModelTableCell,
  RichText,
} from '../model'
import { quoteByline, unverifiedNotice, xmlSafe } from '../text'
import { splitMarks, stripMarks, type WordComment } from '../wordComments'
import { COLORS, DOCX_STYLES, FONTS, numberingConfig, orderedReference, STYLE } from './styles'

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const

/** Renders `model` as a .docx file. */
export async function renderDocx(model: ExportModel): Promise<Buffer> {
  const writer = new DocxWriter(model)
  const children = [...writer.titleBlock(), ...writer.blocks(model.blocks, 0)]
  if (model.meta.notes === 'endnotes' && model.notes.length > 0) children.push(...writer.endnotes())
  if (model.appendSourcesList) children.push(...writer.sourcesList())
  const document = new Document({
    creator: model.meta.authors.join(', ') || 'Briefing',
    title: xmlSafe(model.meta.title),
    description: `Briefing export, version ${model.meta.version}`,
    styles: DOCX_STYLES,
    numbering: numberingConfig(writer.orderedStarts),
    footnotes: model.meta.notes === 'footnotes' ? writer.footnotes() : {},
    ...(model.wordComments?.length ? { comments: wordComments(model.wordComments) } : {}),
    sections: [
      {
        properties: { page: { margin: { top: 1440, bottom: 1300, left: 1300, right: 1300 } } },
        headers: { default: new Header({ children: writer.marking() }) },
        footers: { default: new Footer({ children: [...writer.marking(), writer.pageNumbers()] }) },
        children,
      },
    ],
  })
  return Packer.toBuffer(document)
}

class DocxWriter {
  readonly orderedStarts = new Set<number>()
  private orderedInstance = 0

  constructor(private readonly model: ExportModel) {}

  titleBlock(): Paragraph[] {
    const { meta } = this.model
    const out = [
      new Paragraph({
        style: STYLE.facts,
        children: [
          new TextRun({
            text: xmlSafe(`BRIEFING${meta.team ? ` · ${meta.team.toUpperCase()}` : ''}`),
            bold: true,
            color: COLORS.accent,
          }),
        ],
      }),
      new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(xmlSafe(meta.title))] }),
    ]
    const facts: [string, string][] = [
      ['Authors', meta.authors.length > 0 ? meta.authors.join(', ') : '—'],
      ['Date', meta.dateLabel],
      ['Version', `${meta.version} · last edited ${meta.updatedLabel}`],
      ['Citations', meta.citationStyleLabel],
    ]
    for (const [name, value] of facts) {
      out.push(
        new Paragraph({
          style: STYLE.facts,
          children: [
            new TextRun({ text: `${name}: `, bold: true, color: COLORS.muted }),
            new TextRun(xmlSafe(value)),
          ],
        }),
      )
    }
    if (this.model.unverifiedQuotes > 0) {
      out.push(
        new Paragraph({
          spacing: { before: 200 },
          children: [
            new TextRun({
              text: unverifiedNotice(this.model.unverifiedQuotes),
              bold: true,
              color: COLORS.alert,
            }),
          ],
        }),
      )
    }
    out.push(
      new Paragraph({
        border: { bottom: { style: 'single', size: 12, color: COLORS.accent, space: 4 } },
      }),
    )
    return out
  }

  blocks(blocks: Block[], listLevel: number, quoteDepth = 0): BodyChild[] {
    return blocks.flatMap((block) => this.block(block, listLevel, quoteDepth))
  }

  /** `quoteDepth` counts enclosing (plain) blockquotes, which indent and rule their text. */
  private block(block: Block, listLevel: number, quoteDepth = 0): BodyChild[] {
    const quoted =
      quoteDepth > 0
        ? {
            indent: { left: 720 * quoteDepth },
            border: { left: { style: 'single' as const, size: 6, color: 'C9CFD6', space: 8 } },
          }
        : {}
    switch (block.type) {
      case 'paragraph':
        return [new Paragraph({ ...quoted, children: this.inlines(block.content) })]
      case 'heading':
        return [
          new Paragraph({
            ...quoted,
            heading: HEADINGS[block.level - 1],
            children: this.inlines(block.content),
          }),
        ]
      case 'bulletList':
        return block.items.flatMap((item) =>
          this.listItem(item.blocks, listLevel, { reference: 'bullets', level: listLevel }),
        )
      case 'orderedList': {
        this.orderedStarts.add(block.start)
        const instance = ++this.orderedInstance
        const reference = orderedReference(block.start)
        return block.items.flatMap((item) =>
          this.listItem(item.blocks, listLevel, { reference, level: listLevel, instance }),
        )
      }
      case 'blockquote':
        return this.blocks(block.blocks, listLevel, quoteDepth + 1)
      case 'codeBlock':
        return block.text.split('\n').map(
          (line) =>
            new Paragraph({
              style: STYLE.code,
              children: [new TextRun(xmlSafe(stripMarks(line)) || ' ')],
            }),
        )
      case 'horizontalRule':
        return [
          new Paragraph({
            border: { bottom: { style: 'single', size: 6, color: 'C9CFD6', space: 4 } },
          }),
        ]
      case 'table':
        return [this.table(block.rows)]
      case 'quote':
        return this.quote(block)
      case 'sourcesList':
        return this.sourcesList()
    }
  }

  /** A Word table across the text width; the header row repeats on each page it spans. */
  private table(rows: ModelTableCell[][]): Table {
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: rows.map(
        (cells) =>
          new TableRow({
            tableHeader: cells.length > 0 && cells.every((cell) => cell.header),
            cantSplit: true,
            children: cells.map(
              (cell) =>
                new TableCell({
                  columnSpan: cell.colspan > 1 ? cell.colspan : undefined,
                  rowSpan: cell.rowspan > 1 ? cell.rowspan : undefined,
                  shading: cell.header ? { fill: COLORS.headerFill } : undefined,
                  margins: { top: 60, bottom: 60, left: 100, right: 100 },
                  children: this.cellParagraphs(cell),
                }),
            ),
          }),
      ),
    })
  }

  /** A cell's paragraphs; Word needs at least one, and header cells are bold. */
  private cellParagraphs(cell: ModelTableCell): Paragraph[] {
    const paragraphs = cell.blocks.flatMap((block) =>
      block.type === 'paragraph'
        ? [
            new Paragraph({
              children: this.inlines(
                cell.header
                  ? block.content.map((item) =>
                      item.type === 'text' ? { ...item, bold: true as const } : item,
                    )
                  : block.content,
              ),
            }),
          ]
        : [],
    )
    return paragraphs.length > 0 ? paragraphs : [new Paragraph({})]
  }

  private listItem(
    blocks: Block[],
    level: number,
    numbering: { reference: string; level: number; instance?: number },
  ): BodyChild[] {
    const out: BodyChild[] = []
    blocks.forEach((block, i) => {
      if (i === 0 && block.type === 'paragraph') {
        out.push(new Paragraph({ numbering, children: this.inlines(block.content) }))
      } else if (block.type === 'bulletList' || block.type === 'orderedList') {
        out.push(...this.block(block, Math.min(level + 1, 5)))
      } else {
        out.push(...this.block(block, level))
      }
    })
    if (out.length === 0) out.push(new Paragraph({ numbering, children: [] }))
    return out
  }

  private quote(block: Extract<Block, { type: 'quote' }>): Paragraph[] {
    const verified = block.status === 'verified'
    const out: Paragraph[] = []
    if (!verified) {
      out.push(
        new Paragraph({
          style: STYLE.unverified,
          spacing: { after: 0 },
          children: [
            new TextRun({
              text: 'UNVERIFIED',
              bold: true,
              color: COLORS.alert,
              font: FONTS.heading,
              size: 16,
            }),
            new TextRun({
              text: xmlSafe(` — ${block.problem ?? ''}`),
              color: COLORS.alert,
              font: FONTS.heading,
              size: 16,
            }),
          ],
        }),
      )
    }
    out.push(
      new Paragraph({
        style: verified ? STYLE.quote : STYLE.unverified,
        children: [new TextRun(xmlSafe(`“${block.text}”`))],
      }),
    )
    out.push(
      new Paragraph({
        style: STYLE.attribution,
        children: [
          new TextRun(xmlSafe(`— ${quoteByline(block)}`)),
          ...(block.note ? this.noteMarker(block.note.number) : []),
        ],
      }),
    )
    return out
  }

  sourcesList(): Paragraph[] {
    const out = [
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Sources')] }),
    ]
    if (this.model.sources.length === 0) out.push(new Paragraph('This briefing cites no sources.'))
    for (const source of this.model.sources) {
      out.push(
        new Paragraph({
          indent: { left: 440, hanging: 440 },
          spacing: { after: 120 },
          children: [
            new TextRun({ text: `${source.number}.\t`, bold: true }),
            ...this.rich(source.text),
          ],
        }),
      )
    }
    return out
  }

  footnotes(): Record<string, { children: Paragraph[] }> {
    const notes: Record<string, { children: Paragraph[] }> = {}
    for (const note of this.model.notes) {
      notes[String(note.number)] = { children: [new Paragraph({ children: this.rich(note.text) })] }
    }
    return notes
  }

  endnotes(): Paragraph[] {
    const out = [
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Notes')] }),
    ]
    for (const note of this.model.notes) {
      out.push(
        new Paragraph({
          indent: { left: 440, hanging: 440 },
          spacing: { after: 100 },
          children: [
            new Bookmark({
              id: endnoteAnchor(note.number),
              children: [new TextRun(`${note.number}.\t`)],
            }),
            ...this.rich(note.text),
          ],
        }),
      )
    }
    return out
  }

  marking(): Paragraph[] {
    const { marking } = this.model.meta
    return marking
      ? [new Paragraph({ style: STYLE.marking, children: [new TextRun(xmlSafe(marking))] })]
      : []
  }

  pageNumbers(): Paragraph {
    return new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [
        new TextRun({
          children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
          size: 16,
          color: COLORS.muted,
          font: FONTS.heading,
        }),
      ],
    })
  }

  private inlines(items: Inline[]): ParagraphChild[] {
    return items.flatMap((item): ParagraphChild[] => {
      if (item.type === 'noteRef') return this.noteMarker(item.number)
      if (item.type === 'break') return [new TextRun({ text: '', break: 1 })]
      return this.marked(item)
    })
  }

  private rich(runs: RichText): ParagraphChild[] {
    return runs.flatMap((run) => this.marked(run))
  }

  /**
   * A run, with the Word comment ranges marked in its text. In a link the ranges go around
   * the whole link: a hyperlink holds only text runs.
   */
  private marked(run: ModelRun): ParagraphChild[] {
    const pieces = splitMarks(run.text)
    if (pieces.length === 1 && pieces[0]!.kind === 'text') return [this.run(run)]
    const text = pieces.flatMap((piece) => (piece.kind === 'text' ? [piece.text] : []))
    if (run.link) {
      const marks = pieces.filter((piece) => piece.kind !== 'text')
      return [
        ...marks.flatMap((m) => (m.kind === 'start' ? [new CommentRangeStart(m.id)] : [])),
        this.run({ ...run, text: text.join('') }),
        ...marks.flatMap((m) => (m.kind === 'end' ? commentEnd(m.id) : [])),
      ]
    }
    return pieces.flatMap((piece): ParagraphChild[] => {
      if (piece.kind === 'start') return [new CommentRangeStart(piece.id)]
      if (piece.kind === 'end') return commentEnd(piece.id)
      return [this.run({ ...run, text: piece.text })]
    })
  }

  private noteMarker(number: number): ParagraphChild[] {
    if (this.model.meta.notes === 'endnotes') {
      return [
        new InternalHyperlink({
          anchor: endnoteAnchor(number),
          children: [new TextRun({ text: String(number), superScript: true })],
        }),
      ]
    }
    return [new FootnoteReferenceRun(number)]
  }

  private run(run: ModelRun): ParagraphChild {
    const text = new TextRun({
      text: xmlSafe(run.text),
      bold: run.bold,
      italics: run.italic,
      strike: run.strike,
      underline: run.underline ? {} : undefined,
      highlight: run.highlight ? 'yellow' : undefined,
      font: run.code ? FONTS.mono : undefined,
      style: run.link ? 'Hyperlink' : undefined,
    })
    return run.link ? new ExternalHyperlink({ link: run.link, children: [text] }) : text
  }
}

/** What a Word body holds: paragraphs and tables. */
type BodyChild = Paragraph | Table

/** The end of a Word comment's range and the reference Word shows its balloon at. */
function commentEnd(id: number): ParagraphChild[] {
  return [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })]
}

function wordComments(comments: readonly WordComment[]) {
  return {
    children: comments.map((comment) => ({
      id: comment.id,
      author: xmlSafe(comment.author),
      date: comment.date,
      children: comment.paragraphs.map(
        (text) => new Paragraph({ children: [new TextRun(xmlSafe(text))] }),
      ),
    })),
  }
}

function endnoteAnchor(number: number): string {
  return `endnote_${number}`
}
