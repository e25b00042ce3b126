/**
 * A source: a document the team quotes from. Sources live in the briefing's Y.Doc (the Y.Map
 * named SOURCES_MAP, keyed by source id) so they sync live and travel with the document.
 * Each value is a plain object written once: its text is immutable, and `contentHash` lets
 * anyone check that it was not replaced.
 */

/** Name of the Y.Map in the briefing's Y.Doc that holds sources. */
export const SOURCES_MAP = 'sources'

export const SOURCE_KINDS = ['article', 'transcript', 'statement', 'document'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

export type QuoteKind = 'full' | 'partial'

/** How attribution found a quotation's speaker. */
export const ATTRIBUTION_METHODS = [
  /** Words after the quotation: "…," said X; "…?" X asked. */
  'after',
  /** Words before it: X said (that) "…"; X told reporters: "…". */
  'before',
  /** A clause ending in a colon introduces it. */
  'introducer',
  /** "according to X". */
  'according-to',
  /** The second half of a sentence whose first half was attributed. */
  'same-sentence',
  /** An earlier quotation or verb of saying in the same paragraph. */
  'paragraph',
  /** A paragraph that is only a quotation continues the previous paragraph's speaker. */
  'previous-paragraph',
  /** The subject of the sentence before it. */
  'context',
  /** A transcript's speaker label. */
  'label',
  /** The same words are quoted elsewhere in the text and attributed there (a pull quote). */
  'repeated',
  /** Nothing in the text attributes it. */
  'none',
] as const
export type AttributionMethod = (typeof ATTRIBUTION_METHODS)[number]

/** A body range, as UTF-16 offsets into the body. */
export interface BodyRange {
  start: number
  end: number
}

/** The evidence for a quotation's speaker. */
export interface QuoteAttribution {
  /** How sure the attribution is, 0 to 1. Below the importer's threshold `speaker` is null. */
  confidence: number
  method: AttributionMethod
  /** The words that attribute it ("says Parata"); null when the speaker comes from context. */
  cue: BodyRange | null
  /** Where the speaker was first named in the body; null for a description or none. */
  introduced: BodyRange | null
  /** The likeliest speaker when the attribution is not confident enough to name one. */
  suggestion: string | null
}

/**
 * A quotation found in a source body. Offsets are UTF-16 code unit offsets into the body
 * (`paragraphs.join('\n\n')`), so `body.slice(start, end) === text`; `paragraph` is the
 * 1-based number of the paragraph the quotation starts in.
 */
export interface ExtractedQuote {
  text: string
  speaker: string | null
  speakerRole: string | null
  kind: QuoteKind
  start: number
  end: number
  paragraph: number
  /** Why the speaker is who it is. Absent on sources imported before attribution evidence. */
  attribution?: QuoteAttribution
}

/**
 * A quoted span that is nobody's words: the title of a work, or a term or scare quote. Listed so
 * a reader can see why it was not offered as a quotation.
 */
export interface ExtractedTerm {
  text: string
  kind: 'title' | 'term'
  start: number
  end: number
  paragraph: number
}

/** A person (or organisation) a source names, with the role it gives them: the speaker picker's list. */
export interface SourcePerson {
  name: string
  role: string | null
}

/** Metadata an importer recovers from a document; null where the document does not carry it. */
export interface SourceMetadata {
  title: string | null
  byline: string | null
  publisher: string | null
  /** ISO 8601. */
  publishedAt: string | null
  url: string | null
}

/** What an importer produces from one input, before it becomes a stored Source. */
export interface ImportedDocument extends SourceMetadata {
  kind: SourceKind
  /** The article body as plain paragraphs, boilerplate removed. */
  paragraphs: string[]
}

/** A source as stored in the briefing. */
export interface Source extends SourceMetadata {
  id: string
  kind: SourceKind
  /** ISO 8601 time the text was taken in. */
  retrievedAt: string
  /** User id (or name where there are no accounts) of who added it. */
  addedBy: string
  paragraphs: string[]
  /** `sha256:` + hex digest of the body (`paragraphs.join('\n\n')`). */
  contentHash: string
  quotes: ExtractedQuote[]
  /** The people the importer found in the text. Absent on sources imported before. */
  people?: SourcePerson[]
}

/** The paragraph separator used to build a body from paragraphs. */
export const PARAGRAPH_SEPARATOR = '\n\n'
