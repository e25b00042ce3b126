/** Builders for sources and quotes shared by the quote and schema tests. */
import { selectorsForRange } from '../../shared/quotes/selectors'
import type { QuoteToVerify } from '../../shared/quotes/verify'
import type { SourceQuoteAttrs } from '../../shared/schema/nodes/sourceQuoteAttrs'
import { sourceBody } from '../../shared/sources/body'
import { computeContentHash } from '../../shared/sources/hash'
import type { Source } from '../../shared/sources/types'

/** A well-formed source with a correct hash. */
export function makeSource(paragraphs: string[], id = 'src-1'): Source {
  return {
    id,
    kind: 'article',
    title: `Title of ${id}`,
    byline: null,
    publisher: 'The Daily Record',
    publishedAt: '2024-03-01T09:00:00Z',
    url: `https://example.com/${id}`,
    retrievedAt: '2024-03-02T10:00:00Z',
    addedBy: 'ada',
    paragraphs,
    contentHash: computeContentHash(paragraphs),
    quotes: [],
  }
}

/** A quote of the first occurrence of `exact` in the source, with its selectors. */
export function quoteOf(source: Source, exact: string, text = exact): QuoteToVerify & SelectorsOf {
  const start = sourceBody(source.paragraphs).indexOf(exact)
  if (start === -1) throw new Error(`fixture: ${JSON.stringify(exact)} is not in the source`)
  return { text, ...selectorsForRange(source.paragraphs, start, start + exact.length) }
}

type SelectorsOf = Pick<SourceQuoteAttrs, 'selector' | 'position'>

/** Full sourceQuote attrs for the first occurrence of `exact` in the source. */
export function quoteAttrs(
  source: Source,
  exact: string,
  overrides: Partial<SourceQuoteAttrs> = {},
): SourceQuoteAttrs {
  const { text, selector, position } = quoteOf(source, exact)
  return {
    quoteId: `q-${position.start}`,
    sourceId: source.id,
    text,
    selector,
    position,
    speaker: 'Jane Doe',
    speakerRole: 'Finance Minister',
    // These sources list no quotations, so only a person can vouch for the speaker.
    attributedSpeaker: null,
    speakerCheckedBy: 'ada',
    speakerCheckedAt: '2024-03-02T11:00:00.000Z',
    kind: 'full',
    insertedBy: 'ada',
    insertedAt: '2024-03-02T11:00:00.000Z',
    ...overrides,
  }
}

/** A short article with repeated wording, typographic quotes and dashes. */
export const ARTICLE = [
  'The finance minister spoke on Tuesday. “We will not raise taxes this year — not one penny,” she said.',
  'Asked about spending, she added: “We will not cut hospitals. We will not cut schools.”',
  'Critics said the plan doesn’t add up.',
]
