/**
 * Whether a briefing uses portion marks yet: a block carries one, or the settings name a
 * scheme or a default. Until then the editor loads no scheme code and shows no banner (the
 * editor page's script budget); from then on, for the rest of the session, it does.
 */
import type { Editor } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { settingsMap } from '../../../../shared/briefing/settings'
import {
  MARKING_ATTR,
  PORTION_DEFAULT_KEY,
  SCHEME_KEY,
} from '../../../../shared/markings/portionShape'

function hasMark(doc: PMNode): boolean {
  let found = false
  doc.descendants((node) => {
    if (found) return false
    if (node.attrs[MARKING_ATTR]) found = true
    // A textblock's children are inline: none carries a mark.
    return !node.isTextblock
  })
  return found
}

export function useMarkingsInUse(editor: Editor, ydoc: Y.Doc): boolean {
  const [inUse, setInUse] = useState(false)
  useEffect(() => {
    if (inUse) return
    const map = settingsMap(ydoc)
    const check = () => {
      if (map.has(SCHEME_KEY) || map.has(PORTION_DEFAULT_KEY) || hasMark(editor.state.doc)) {
        setInUse(true)
      }
    }
    check()
    editor.on('update', check)
    map.observe(check)
    return () => {
      editor.off('update', check)
      map.unobserve(check)
    }
  }, [editor, ydoc, inUse])
  return inUse
}
