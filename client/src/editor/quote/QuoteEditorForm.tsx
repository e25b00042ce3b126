/**
 * What the Trim and Clarify editors of a quote block have in common: the quote's words as
 * buttons to pick, a preview of the result, what stands in the way of applying it, and the
 * Cancel and Apply buttons. Each editor decides what a pick means and what applying does.
 */
import type { Editor } from '@tiptap/core'
import type { ButtonHTMLAttributes, FormEvent, ReactNode } from 'react'
import { QuoteText } from './QuoteText'
import type { QuoteToken } from './quoteTokens'

/** What a quote editor is given by its quote block. */
export interface QuoteEditorProps {
  editor: Editor
  quoteId: string
  text: string
  /** Called when the edit was applied or cancelled. */
  onDone: () => void
}

/** How one word button shows and answers. */
export type TokenButton = { picked: boolean } & Pick<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'onClick' | 'onPointerDown' | 'onPointerEnter' | 'onKeyDown'
>

interface QuoteEditorFormProps {
  /** The form's accessible name. */
  label: string
  hint: ReactNode
  tokens: readonly QuoteToken[]
  tokenButton: (token: QuoteToken) => TokenButton
  /** The modifier class of a picked word (`quote-token--<pickedClass>`). */
  pickedClass: string
  /** The quote as it would read; '' shows a dash, undefined leaves the preview out. */
  result: string | undefined
  /** Why the edit cannot be applied, if it cannot. */
  problem: string | null
  applyLabel: string
  canApply: boolean
  onApply: () => void
  onCancel: () => void
  /** Further controls, between the words and the preview. */
  children?: ReactNode
}

export function QuoteEditorForm({
  label,
  hint,
  tokens,
  tokenButton,
  pickedClass,
  result,
  problem,
  applyLabel,
  canApply,
  onApply,
  onCancel,
  children,
}: QuoteEditorFormProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onApply()
  }

  return (
    <form className="quote-editor" aria-label={label} onSubmit={submit}>
      <p className="quote-editor__hint">{hint}</p>
      <div className="quote-tokens">
        {tokens.map((token) => {
          const { picked, ...handlers } = tokenButton(token)
          return (
            <button
              key={token.index}
              type="button"
              className={`quote-token quote-token--${token.type}${picked ? ` quote-token--${pickedClass}` : ''}`}
              aria-pressed={picked}
              {...handlers}
            >
              {token.text}
            </button>
          )
        })}
      </div>
      {children}
      {result !== undefined && (
        <div className="quote-editor__preview">
          <span className="quote-editor__label">Result</span>
          <span className="quote-editor__result">{result ? <QuoteText text={result} /> : '—'}</span>
        </div>
      )}
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
      <div className="quote-editor__actions">
        <button type="button" className="button button--ghost button--small" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary button--small" disabled={!canApply}>
          {applyLabel}
        </button>
      </div>
    </form>
  )
}
