/**
 * The export model: a briefing as plain JSON, neutral between output formats. The PDF,
 * DOCX, Markdown and HTML renderers all read this one structure, so they agree on order,
 * citation numbers and verification verdicts; the PDF template receives it verbatim as
 * JSON (never as Typst markup), which is what keeps user text from being interpreted.
 */
import type { CitationStyle, NotePlacement } from '../../shared/briefing/settings'
import type { QuoteStatusName } from '../../shared/quotes/status'

/** A run of inline text with its marks. */
import type { WordComment } from './wordComments'

export interface TextRun {
  type: 'text'
  text: string
  bold?: true
  italic?: true
  underline?: true
  strike?: true
  highlight?: true
  code?: true
  /** An http(s) or mailto URL; other schemes are dropped when the model is built. */
  link?: string
}

/** A citation marker, placed after the cited words: the number of the citation's own note. */
export interface NoteRef {
  type: 'noteRef'
  number: number
}

export interface LineBreak {
  type: 'break'
}

export type Inline = TextRun | NoteRef | LineBreak

/** Formatted text with no citations (notes and source entries). */
export type RichText = TextRun[]

export type QuoteStatus = QuoteStatusName

/** A sourceQuote block, with its verdict from `verifyQuote`. */
export interface QuoteBlock {
  type: 'quote'
  quoteId: string
  text: string
  speaker: string | null
  role: string | null
  /** The cited source's title, shown when the quote names no speaker. */
  sourceTitle: string | null
  /** The quote's own note, or null when the source id is malformed. */
  note: NoteRef | null
  /** 1-based paragraph of the source the quote comes from, when known. */
  paragraph: number | null
  status: QuoteStatus
  /** Why an unverified quote failed, in words a reader understands; empty when verified. */
  problem: string | null
}

export interface ListItem {
  blocks: Block[]
}

/** One cell of a table: its paragraphs, whether it is a header cell, and what it spans. */
export interface TableCell {
  header: boolean
  colspan: number
  rowspan: number
  blocks: Block[]
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'bulletList'; items: ListItem[] }
  | { type: 'orderedList'; start: number; items: ListItem[] }
  | { type: 'blockquote'; blocks: Block[] }
  | { type: 'codeBlock'; language: string | null; text: string }
  | { type: 'horizontalRule' }
  /** Rows of cells as written; a spanning cell is listed once, in its first row and column. */
  | { type: 'table'; columns: number; rows: TableCell[][] }
  | QuoteBlock
  /** Where the list of sources goes: the author's sourcesList node, or appended at the end. */
  | { type: 'sourcesList' }

/** One note: the formatted citation of one citation, numbered in document order. */
export interface Note {
  number: number
  sourceId: string
  text: RichText
}

/** One entry of the Sources list, numbered by each source's first citation. */
export interface SourceEntry {
  number: number
  sourceId: string
  /** The style's reference-list entry; a plain explanation when the source is missing. */
  text: RichText
  url: string | null
  missing: boolean
}

export interface ExportMeta {
  title: string
  team: string | null
  authors: string[]
  /** ISO 8601 time of export. */
  exportedAt: string
  /** Export date for people, e.g. "6 March 2024". */
  dateLabel: string
  /** ISO 8601 time of the last edit the store knows of. */
  updatedAt: string
  /** The same for people, e.g. "6 March 2024, 14:02 UTC". */
  updatedLabel: string
  /** Short content hash of the document state, so two exports can be told apart. */
  version: string
  marking: string | null
  notes: NotePlacement
  citationStyle: CitationStyle
  /** Human name of the citation style, for the colophon. */
  citationStyleLabel: string
}

export interface ExportModel {
  meta: ExportMeta
  blocks: Block[]
  notes: Note[]
  sources: SourceEntry[]
  /**
   * True when the document has no sourcesList block, so the list goes at the end (after
   * endnotes, where a reader looks for it); otherwise it is rendered where the block is.
   */
  appendSourcesList: boolean
  /** Quote blocks whose status is not 'verified' (words altered, or speaker not confirmed). */
  unverifiedQuotes: number
  /** Problems found while building the model (settings ignored, sources missing, …). */
  warnings: string[]
  /**
   * Comment threads to carry as Word comments (DOCX only, the `comments=1` option); their
   * ranges are marked in the text runs (server/export/wordComments.ts).
   */
  wordComments?: WordComment[]
}
