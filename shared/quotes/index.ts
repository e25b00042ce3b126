export { type SourceLookup, verifyDocumentQuotes } from './document'
export {
  applyClarification,
  checkQuoteEdit,
  type QuoteEditCheck,
  type QuoteEditProblem,
  type TextRange,
} from './edit'
export { randomId } from './ids'
export { type NormalizedText, normalizeForMatch } from './normalize'
export {
  parseQuoteText,
  type QuotePart,
  type QuoteSegment,
  quoteSegments,
  quoteTextProblems,
} from './parse'
export {
  type QuoteAnchor,
  SELECTOR_CONTEXT,
  selectorsForRange,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './selectors'
export {
  isTrusted,
  QUOTE_STATUSES,
  type QuoteStatus,
  type QuoteStatusName,
  quoteStatus,
  type SpeakerCheck,
  speakerCheckOf,
  speakerProblem,
  speakerStatus,
} from './status'
export {
  createQuoteVerifier,
  type QuoteDifference,
  type QuoteDifferenceReason,
  type QuoteToVerify,
  type QuoteVerification,
  verifyQuote,
} from './verify'
