/** The editor's open suggestions, kept current as the document changes. */
import type { Editor } from '@tiptap/core'
import { useEffect, useState } from 'react'
import { listSuggestions, type SuggestionSummary } from '../../../shared/suggestions/list'

export function useSuggestions(editor: Editor): SuggestionSummary[] {
  const [list, setList] = useState(() => listSuggestions(editor.state.doc))
  useEffect(() => {
    const update = () => setList(listSuggestions(editor.state.doc))
    update()
    editor.on('update', update)
    return () => {
      editor.off('update', update)
    }
  }, [editor])
  return list
}
