/**
 * The transaction meta that marks an accept or a reject. Its own module, with no imports, so
 * the editor's always-loaded code (undo steps) can read it without loading the library.
 */

/**
 * Set (to true) on a transaction that accepts or rejects suggestions: suggesting mode lets it
 * through unconverted, and undo makes it a step of its own.
 */
export const SUGGESTION_DECISION = 'briefingSuggestionDecision'
