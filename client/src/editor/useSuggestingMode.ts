/**
 * Editing or Suggesting, for one editor. Switching to Suggesting loads the suggestion filter
 * (client/src/suggestions/suggestMode.ts, in the review panel's lazy chunk) and plugs it into the editor's dispatch; switching
 * back unplugs it. Which mode is on is the user's own choice and is not shared.
 */
import type { Editor } from '@tiptap/core'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { SuggestionAuthor } from '../../../shared/suggestions/stamp'
import { setTransactionFilter } from './suggesting'

export interface SuggestingMode {
  suggesting: boolean
  /** Switches mode; Suggesting may take a moment the first time (its code loads). */
  choose: (suggesting: boolean) => void
  /** Why the last edit was not made, while suggesting; null otherwise. */
  notice: string | null
}

export function useSuggestingMode(editor: Editor, author: SuggestionAuthor): SuggestingMode {
  const [suggesting, setSuggesting] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const authorRef = useRef(author)
  authorRef.current = author

  const choose = useCallback(
    (on: boolean) => {
      setNotice(null)
      if (!on) {
        setTransactionFilter(editor, null)
        setSuggesting(false)
        return
      }
      import('../comments/CommentsPanel').then(
        ({ suggestingFilter }) => {
          if (editor.isDestroyed) return
          setTransactionFilter(
            editor,
            suggestingFilter(editor, () => authorRef.current, setNotice),
          )
          setSuggesting(true)
        },
        () => setNotice('Suggesting mode could not load. Check the connection and try again.'),
      )
    },
    [editor],
  )

  useEffect(() => () => setTransactionFilter(editor, null), [editor])

  return { suggesting, choose, notice }
}
