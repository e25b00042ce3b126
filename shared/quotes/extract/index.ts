/** Quote extraction with speaker attribution; pure, so client and server share it. */
export { type ExtractionInput, extractQuotes } from './extractQuotes'
export { looksLikeTranscript, parseSpeakerLabel, type SpeakerLabel } from './transcript'
