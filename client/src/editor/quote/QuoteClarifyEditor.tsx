/**
 * Clarify: add words in brackets, the convention for words that are the briefing's and not
 * the speaker's ("[Solberg] said" for "she said"). Pick the words to replace, or the word to
 * insert after, type the clarification, and apply `setQuoteClarification`.
 */
import type { Editor } from '@tiptap/core'
import { type FormEvent, useMemo, useState } from 'react'
import { applyClarification, checkQuoteEdit } from '../../../../shared/quotes/edit'
import { QuoteText } from './QuoteText'
import { type ClarifyMode, clarificationRange, quoteTokens } from './quoteTokens'

interface QuoteClarifyEditorProps {
  editor: Editor
  quoteId: string
  text: string
  onDone: () => void
}

interface Pick {
  first: number
  last: number
}

export function QuoteClarifyEditor({ editor, quoteId, text, onDone }: QuoteClarifyEditorProps) {
  const tokens = useMemo(() => quoteTokens(text), [text])
  const [pick, setPick] = useState<Pick | null>(null)
  const [mode, setMode] = useState<ClarifyMode>('replace')
  const [words, setWords] = useState('')
  const [error, setError] = useState<string | null>(null)

  const choose = (index: number, extend: boolean) => {
    setError(null)
    setPick((previous) =>
      extend && previous
        ? { first: Math.min(previous.first, index), last: Math.max(previous.last, index) }
        : { first: index, last: index },
    )
  }

  const range = pick ? clarificationRange(tokens, pick.first, pick.last, mode) : null
  let preview: string | null = null
  let problem: string | null = null
  if (range && words.trim()) {
    if (/[[\]]/.test(words)) problem = 'Leave out the brackets; they are added for you.'
    else {
      preview = applyClarification(text, range, words)
      if (!checkQuoteEdit(text, preview).ok) problem = 'This would change the quoted words.'
    }
  }

  const apply = (event: FormEvent) => {
    event.preventDefault()
    if (!range || !preview || problem) return
    if (editor.commands.setQuoteClarification(quoteId, range, words)) onDone()
    else setError('The clarified quote no longer matches the source, so it was not changed.')
  }

  const inPick = (index: number) => pick !== null && index >= pick.first && index <= pick.last

  return (
    <form className="quote-editor" aria-label="Clarify quote" onSubmit={apply}>
      <p className="quote-editor__hint">
        Click the word to clarify (Shift-click to take several), then type the words to show in
        brackets.
      </p>
      <div className="quote-tokens">
        {tokens.map((token) => (
          <button
            key={token.index}
            type="button"
            className={`quote-token quote-token--${token.type}${inPick(token.index) ? ' quote-token--picked' : ''}`}
            aria-pressed={inPick(token.index)}
            onClick={(event) => choose(token.index, event.shiftKey)}
          >
            {token.text}
          </button>
        ))}
      </div>
      <div className="quote-editor__row">
        <fieldset className="segmented" disabled={!pick}>
          <legend className="visually-hidden">Where the clarification goes</legend>
          {(
            [
              ['replace', 'Replace these words'],
              ['after', 'Insert after them'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="segmented__option">
              <input
                type="radio"
                name={`clarify-mode-${quoteId}`}
                value={value}
                checked={mode === value}
                onChange={() => setMode(value)}
              />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
        <label className="field quote-editor__field">
          <span className="visually-hidden">Clarification</span>
          <input
            className="input input--small"
            placeholder={pick ? 'Words to show in [brackets]' : 'Pick a word first'}
            value={words}
            disabled={!pick}
            onChange={(event) => {
              setWords(event.target.value)
              setError(null)
            }}
          />
        </label>
      </div>
      {preview && (
        <div className="quote-editor__preview">
          <span className="quote-editor__label">Result</span>
          <span className="quote-editor__result">
            <QuoteText text={preview} />
          </span>
        </div>
      )}
      {(problem || error) && (
        <p className="field__error" role="alert">
          {error ?? problem}
        </p>
      )}
      <div className="quote-editor__actions">
        <button type="button" className="button button--ghost button--small" onClick={onDone}>
          Cancel
        </button>
        <button
          type="submit"
          className="button button--primary button--small"
          disabled={!preview || problem !== null}
        >
          Apply clarification
        </button>
      </div>
    </form>
  )
}
