/** What the toolbar shows, read from the editor; the toolbar re-renders only when it changes. */
import { type Editor, useEditorState } from '@tiptap/react'
import { SOURCES_LIST } from '../../../../shared/schema/nodes/sourcesList'
import { activeFormats } from './formats'

export function useToolbarState(editor: Editor) {
  return useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      editable: e.isEditable,
      formats: activeFormats(e),
      link: e.isActive('link'),
      cite: e.isActive('cite'),
      hasSelection: !e.state.selection.empty,
      hasSourcesList: hasNode(e, SOURCES_LIST),
      canUndo: e.isEditable && e.can().undo(),
      canRedo: e.isEditable && e.can().redo(),
    }),
  })
}

/** Whether the document holds a node of type `name` anywhere. */
function hasNode(editor: Editor, name: string): boolean {
  let found = false
  editor.state.doc.descendants((node) => {
    if (node.type.name === name) found = true
    return !found
  })
  return found
}
