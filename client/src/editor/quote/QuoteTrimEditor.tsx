/**
 * Trim: pick the words to leave out of a quote. Words can be clicked one by one or painted
 * by dragging across them. The result is previewed and checked as you go; applying runs
 * `trimSourceQuote`, which refuses anything that would no longer match the source.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { checkQuoteEdit } from '../../../../shared/quotes/edit'
import { QuoteEditorForm, type QuoteEditorProps } from './QuoteEditorForm'
import { quoteTokens, trimmedText } from './quoteTokens'

export function QuoteTrimEditor({ editor, quoteId, text, onDone }: QuoteEditorProps) {
  const tokens = useMemo(() => quoteTokens(text), [text])
  const [cut, setCut] = useState<ReadonlySet<number>>(new Set())
  const [error, setError] = useState<string | null>(null)
  // While the pointer is down, entering a word gives it the state the first word was given.
  const painting = useRef<boolean | null>(null)

  useEffect(() => {
    const stop = () => {
      painting.current = null
    }
    window.addEventListener('pointerup', stop)
    return () => window.removeEventListener('pointerup', stop)
  }, [])

  const setWord = (index: number, isCut: boolean) => {
    setError(null)
    setCut((previous) => {
      if (previous.has(index) === isCut) return previous
      const next = new Set(previous)
      if (isCut) next.add(index)
      else next.delete(index)
      return next
    })
  }

  const result = trimmedText(text, tokens, cut)
  const check = result === '' ? null : checkQuoteEdit(text, result)
  const problem =
    result === ''
      ? 'A quote needs at least one word.'
      : check && !check.ok
        ? 'Cutting these words would change what the quote says.'
        : null

  const apply = () => {
    if (problem || cut.size === 0) return
    if (editor.commands.trimSourceQuote(quoteId, result)) onDone()
    else setError('The trimmed quote no longer matches the source, so it was not changed.')
  }

  return (
    <QuoteEditorForm
      label="Trim quote"
      hint="Click or drag across the words to leave out. Cuts inside the quote are marked “…”."
      tokens={tokens}
      pickedClass="cut"
      tokenButton={(token) => ({
        picked: cut.has(token.index),
        onPointerDown: (event) => {
          event.preventDefault()
          const isCut = !cut.has(token.index)
          painting.current = isCut
          setWord(token.index, isCut)
        },
        onPointerEnter: () => {
          if (painting.current !== null) setWord(token.index, painting.current)
        },
        onKeyDown: (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault()
            setWord(token.index, !cut.has(token.index))
          }
        },
      })}
      result={result}
      problem={cut.size > 0 ? (error ?? problem) : null}
      applyLabel="Apply trim"
      canApply={cut.size > 0 && problem === null}
      onApply={apply}
      onCancel={onDone}
    />
  )
}
