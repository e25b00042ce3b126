export { SUGGESTION_DECISION } from './decision'
export { hasSuggestions, listSuggestions, type SuggestionSummary } from './list'
export {
  acceptAllSuggestions,
  acceptSuggestion,
  rejectAllSuggestions,
  rejectSuggestion,
  withSuggestionsRejected,
} from './review'
export { type SuggestionAuthor, stampSuggestions } from './stamp'
export { type SuggestOutcome, suggestTransaction } from './suggest'
