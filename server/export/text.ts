/** Small text helpers the text-based renderers share. */
import { quoteAttribution } from '../../shared/schema/nodes/sourceQuoteAttrs'
import type { QuoteBlock } from './model'

const XML_INVALID =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML forbids
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** `text` without the characters XML 1.0 cannot carry (DOCX and HTML are XML-ish). */
export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '\uFFFD')
}

/** Who a quote is attributed to: "Speaker, Role", else the source's title, else "Unattributed". */
export function quoteByline(quote: QuoteBlock): string {
  return (
    quoteAttribution({ speaker: quote.speaker, speakerRole: quote.role }) ||
    quote.sourceTitle ||
    'Unattributed'
  )
}

/** The sentence printed under the title when quotes failed verification. */
export function unverifiedNotice(count: number): string {
  return count === 1
    ? '1 quote in this briefing could not be verified against its source and is marked UNVERIFIED.'
    : `${count} quotes in this briefing could not be verified against their sources and are marked UNVERIFIED.`
}
