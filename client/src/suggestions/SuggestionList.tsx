/**
 * The review panel's suggested edits: each suggestion with who proposed it and when, what
 * it adds and removes, and Accept / Reject; Accept all and Reject all above. A decision is
 * an ordinary edit (undoable with Undo, one step each, synced to everyone); it skips suggesting mode, or
 * accepting would itself be recorded as a suggestion.
 */
import type { Editor } from '@tiptap/core'
import type { Transaction } from '@tiptap/pm/state'
import { SUGGESTION_DECISION } from '../../../shared/suggestions/decision'
import type { SuggestionSummary } from '../../../shared/suggestions/list'
import {
  acceptAllSuggestions,
  acceptSuggestion,
  rejectAllSuggestions,
  rejectSuggestion,
} from '../../../shared/suggestions/review'
import { useSuggestions } from './useSuggestions'

interface SuggestionListProps {
  editor: Editor
  /** The caller may accept and reject (editors and owners; the server decides). */
  mayDecide: boolean
}

export function SuggestionList({ editor, mayDecide }: SuggestionListProps) {
  const suggestions = useSuggestions(editor)
  if (suggestions.length === 0) return null

  const decide = (make: (state: Editor['state']) => Transaction | null) => {
    const tr = make(editor.state)
    // The meta makes it an undo step of its own (editor/undoBursts.ts).
    if (tr) editor.view.dispatch(tr.setMeta(SUGGESTION_DECISION, true))
  }
  const show = (suggestion: SuggestionSummary) => {
    const pos = Math.min(suggestion.from + 1, editor.state.doc.content.size)
    editor.chain().focus().setTextSelection(pos).scrollIntoView().run()
  }

  return (
    <section className="suggestion-list" aria-label="Suggested edits">
      <header className="suggestion-list__header">
        <h3 className="suggestion-list__title">Suggested edits ({suggestions.length})</h3>
        {mayDecide && (
          <div className="suggestion-list__all">
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={() => decide(acceptAllSuggestions)}
            >
              Accept all
            </button>
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={() => decide(rejectAllSuggestions)}
            >
              Reject all
            </button>
          </div>
        )}
      </header>
      <ol className="suggestion-list__items">
        {suggestions.map((suggestion) => (
          <li key={String(suggestion.id)} className="suggestion-card">
            <button
              type="button"
              className="suggestion-card__show"
              onClick={() => show(suggestion)}
            >
              <span className="suggestion-card__meta">
                <strong>{suggestion.byName ?? 'Someone'}</strong>
                {suggestion.at && (
                  <time dateTime={suggestion.at}>{new Date(suggestion.at).toLocaleString()}</time>
                )}
              </span>
              {suggestion.inserted && (
                <span className="suggestion-card__change">
                  Add <ins className="suggestion-insertion">{suggestion.inserted}</ins>
                </span>
              )}
              {suggestion.deleted && (
                <span className="suggestion-card__change">
                  Delete <del className="suggestion-deletion">{suggestion.deleted}</del>
                </span>
              )}
              {!suggestion.inserted && !suggestion.deleted && (
                <span className="suggestion-card__change">
                  {suggestion.modified ? 'Formatting change' : 'New line'}
                </span>
              )}
            </button>
            {mayDecide && (
              <div className="suggestion-card__actions">
                <button
                  type="button"
                  className="button button--small button--primary"
                  aria-label={`Accept suggestion by ${suggestion.byName ?? 'someone'}`}
                  onClick={() => decide((state) => acceptSuggestion(state, suggestion.id))}
                >
                  Accept
                </button>
                <button
                  type="button"
                  className="button button--small button--ghost"
                  aria-label={`Reject suggestion by ${suggestion.byName ?? 'someone'}`}
                  onClick={() => decide((state) => rejectSuggestion(state, suggestion.id))}
                >
                  Reject
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}
