/**
 * Builds the export model (../model.ts) from a briefing's ProseMirror document, its
 * sources and settings. Every block and mark of the shared schema is handled explicitly;
 * one the exporter does not know is an error rather than something silently left out.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { BriefingSettings } from '../../../shared/briefing/settings'
import { numberCitations } from '../../../shared/citations/numbering'
import type { MarkingSetup } from '../../../shared/markings/briefingScheme'
import type { Marking } from '../../../shared/markings/types'
import { createQuoteVerifier } from '../../../shared/quotes/verify'
import { SOURCE_QUOTE } from '../../../shared/schema/nodes/sourceQuoteAttrs'
import { SOURCES_LIST } from '../../../shared/schema/nodes/sourcesList'
import { TABLE, TABLE_HEADER } from '../../../shared/schema/nodes/table'
import type { Source } from '../../../shared/sources/types'
import type { CitationFormatter } from '../citations/formatter'
import type {
  Block,
  ExportMeta,
  ExportModel,
  ListItem,
  Note,
  RichText,
  SourceEntry,
  TableCell,
} from '../model'
import { tableGrid } from '../tableGrid'
import { inlineContent } from './inline'
import { NoteTracker, type TrackedCitation } from './noteTracker'
import { PortionMarks } from './portionMarks'
import { type QuoteContext, quoteBlock } from './quote'

/** Everything the model is built from. */
export interface ModelInput {
  doc: ProseMirrorNode
  getSource(sourceId: string): Source | undefined
  settings: BriefingSettings
  /** The briefing's portion-mark scheme; null when it uses no portion marks (none printed). */
  markings?: MarkingSetup | null
  /** Problems already found (e.g. ignored settings), carried into the model's warnings. */
  warnings: string[]
  /** Metadata from the briefing record and the store. */
  meta: Omit<ExportMeta, 'marking' | 'notes' | 'citationStyle' | 'citationStyleLabel'>
  citations: CitationFormatter
  citationStyleLabel: string
}

export function buildExportModel(input: ModelInput): ExportModel {
  const warnings = [...input.warnings]
  const warn = (message: string) => {
    if (!warnings.includes(message)) warnings.push(message)
  }
  const numbering = numberCitations(input.doc)
  const notes = new NoteTracker(numbering)
  const verifier = createQuoteVerifier()
  const portions = input.markings ? new PortionMarks(input.markings, warn) : null
  const walker = new BlockWalker({
    notes,
    getSource: input.getSource,
    verify: (source, quote) => verifier.verify(source, quote),
    warn,
    portions,
  })
  const blocks = walker.children(input.doc)

  const noteList = formatNotes(notes.citations(), input, warn)
  const sources: SourceEntry[] = numbering.ordered.map((sourceId, index) => {
    const number = index + 1
    const source = input.getSource(sourceId)
    if (source) {
      return {
        number,
        sourceId,
        text: input.citations.entry(source),
        url: source.url,
        missing: false,
      }
    }
    return { number, sourceId, text: missingText(sourceId), url: null, missing: true }
  })

  return {
    meta: {
      ...input.meta,
      marking: portions
        ? portions.banner(input.doc, input.settings.marking)
        : input.settings.marking,
      notes: input.settings.notes,
      citationStyle: input.settings.citationStyle,
      citationStyleLabel: input.citationStyleLabel,
    },
    blocks,
    notes: noteList,
    sources,
    appendSourcesList: !walker.placedSourcesList,
    unverifiedQuotes: walker.unverifiedQuotes,
    warnings,
  }
}

/**
 * Each citation's note, formatted together so the style sees every position; a citation
 * of a source the briefing no longer holds gets a note saying so.
 */
function formatNotes(
  citations: readonly TrackedCitation[],
  input: ModelInput,
  warn: (message: string) => void,
): Note[] {
  const found = citations.flatMap((citation) => {
    const source = input.getSource(citation.sourceId)
    return source ? [{ source, paragraph: citation.paragraph }] : []
  })
  const formatted = input.citations.notes(found)
  let next = 0
  return citations.map((citation, index) => {
    const known = input.getSource(citation.sourceId) !== undefined
    if (!known) {
      warn(
        `citation ${index + 1} refers to source ${JSON.stringify(citation.sourceId)}, which is not in the briefing`,
      )
    }
    const text = known ? (formatted[next++] ?? []) : missingText(citation.sourceId)
    return { number: index + 1, sourceId: citation.sourceId, text }
  })
}

function missingText(sourceId: string): RichText {
  return [{ type: 'text', text: `Source ${sourceId} is missing from this briefing.` }]
}

interface WalkContext extends QuoteContext {
  warn(message: string): void
  portions: PortionMarks | null
}

/** Walks blocks in document order, so note markers come out in numbering order. */
class BlockWalker {
  placedSourcesList = false
  unverifiedQuotes = 0

  constructor(private readonly context: WalkContext) {}

  /** `inherited`: the portion mark of the nearest marked block around `node`'s children. */
  children(node: ProseMirrorNode, inherited: Marking | null = null): Block[] {
    const blocks: Block[] = []
    node.forEach((child) => {
      const block = this.block(child, inherited)
      if (block) blocks.push(block)
    })
    return blocks
  }

  /** The block's text, after its portion mark when the briefing uses them. */
  private marked(node: ProseMirrorNode, inherited: Marking | null) {
    const { notes, warn, portions } = this.context
    const content = inlineContent(node, notes, warn)
    if (!portions || content.length === 0) return content
    // The space outside the bold run: Markdown cannot close emphasis after a space.
    return [
      { type: 'text' as const, text: portions.prefix(node, inherited), bold: true as const },
      { type: 'text' as const, text: ' ' },
      ...content,
    ]
  }

  private block(node: ProseMirrorNode, inherited: Marking | null): Block | null {
    const inside = this.context.portions?.inside(node, inherited) ?? null
    switch (node.type.name) {
      case 'paragraph': {
        const content = this.marked(node, inherited)
        // Empty paragraphs are spacing in the editor; each format spaces blocks itself.
        return content.length === 0 ? null : { type: 'paragraph', content }
      }
      case 'heading': {
        const level = Math.min(Math.max(Number(node.attrs.level) || 1, 1), 6) as
          | 1
          | 2
          | 3
          | 4
          | 5
          | 6
        return { type: 'heading', level, content: this.marked(node, inherited) }
      }
      case 'bulletList':
        return { type: 'bulletList', items: this.items(node, inside) }
      case 'orderedList': {
        const start = Number(node.attrs.start)
        return {
          type: 'orderedList',
          start: Number.isSafeInteger(start) && start >= 0 ? start : 1,
          items: this.items(node, inside),
        }
      }
      case 'blockquote':
        return { type: 'blockquote', blocks: this.children(node, inside) }
      case 'codeBlock': {
        const language = node.attrs.language
        return {
          type: 'codeBlock',
          language: typeof language === 'string' && language !== '' ? language : null,
          text: node.textContent,
        }
      }
      case 'horizontalRule':
        return { type: 'horizontalRule' }
      case TABLE: {
        const rows = this.tableRows(node, inside)
        return { type: 'table', columns: tableGrid(rows)[0]?.length ?? 1, rows }
      }
      case SOURCE_QUOTE: {
        const quote = quoteBlock(node, this.context)
        if (quote.status !== 'verified') this.unverifiedQuotes++
        return quote
      }
      case SOURCES_LIST:
        // The editor allows one list; a second (only possible through a raw update) would repeat it.
        if (this.placedSourcesList) return null
        this.placedSourcesList = true
        return { type: 'sourcesList' }
      default:
        throw new Error(`export does not know block type ${node.type.name}`)
    }
  }

  private tableRows(table: ProseMirrorNode, inherited: Marking | null): TableCell[][] {
    const rows: TableCell[][] = []
    table.forEach((row) => {
      const cells: TableCell[] = []
      row.forEach((cell) => {
        cells.push({
          header: cell.type.name === TABLE_HEADER,
          colspan: Number(cell.attrs.colspan) || 1,
          rowspan: Number(cell.attrs.rowspan) || 1,
          blocks: this.children(cell, inherited),
        })
      })
      rows.push(cells)
    })
    return rows
  }

  private items(list: ProseMirrorNode, inherited: Marking | null): ListItem[] {
    const items: ListItem[] = []
    list.forEach((item) => {
      const inside = this.context.portions?.inside(item, inherited) ?? null
      items.push({ blocks: this.children(item, inside) })
    })
    return items
  }
}
