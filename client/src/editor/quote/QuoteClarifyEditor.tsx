/**
 * Clarify: add words in brackets, the convention for words that are the briefing's and not
 * the speaker's ("[Solberg] said" for "she said"). Pick the words to replace, or the word to
 * insert after, type the clarification, and apply `setQuoteClarification`.
 */
import { useMemo, useState } from 'react'
import { applyClarification, checkQuoteEdit } from '../../../../shared/quotes/edit'
import { QuoteEditorForm, type QuoteEditorProps } from './QuoteEditorForm'
import { type ClarifyMode, clarificationRange, quoteTokens } from './quoteTokens'

interface Pick {
  first: number
  last: number
}

export function QuoteClarifyEditor({ editor, quoteId, text, onDone }: QuoteEditorProps) {
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

  const apply = () => {
    if (!range || !preview || problem) return
    if (editor.commands.setQuoteClarification(quoteId, range, words)) onDone()
    else setError('The clarified quote no longer matches the source, so it was not changed.')
  }

  const inPick = (index: number) => pick !== null && index >= pick.first && index <= pick.last

  return (
    <QuoteEditorForm
      label="Clarify quote"
      hint="Click the word to clarify (Shift-click to take several), then type the words to show in brackets."
      tokens={tokens}
      pickedClass="picked"
      tokenButton={(token) => ({
        picked: inPick(token.index),
        onClick: (event) => choose(token.index, event.shiftKey),
      })}
      result={preview ?? undefined}
      problem={error ?? problem}
      applyLabel="Apply clarification"
      canApply={preview !== null && problem === null}
      onApply={apply}
      onCancel={onDone}
    >
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
    </QuoteEditorForm>
  )
}
