/** Quote extraction with speaker attribution; pure, so client and server share it. */
export {
  CONFIDENT_SPEAKER,
  type Extraction,
  type ExtractionInput,
  extractQuotations,
  extractQuotes,
} from './extractQuotes'
export { looksLikeTranscript, parseSpeakerLabel, type SpeakerLabel } from './transcript'
