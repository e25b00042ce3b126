/**
 * The words the editor's own state has selected, read from Tiptap's editor on the page.
 *
 * Keys the browser handles itself (End, Shift+Home) move the DOM selection, and the editor
 * reads it a moment later, on selectionchange. A key the editor handles (a shortcut, an arrow
 * in a table) acts on the editor's state, so a test waits for that state before pressing it.
 */
import type { Page } from 'playwright-core'

export function editorSelection(page: Page): Promise<string> {
  return page.evaluate(() => {
    type Dom = Element & {
      editor: {
        state: {
          selection: { from: number; to: number }
          doc: { textBetween(from: number, to: number): string }
        }
      }
    }
    const { state } = (document.querySelector('.ProseMirror') as Dom).editor
    return state.doc.textBetween(state.selection.from, state.selection.to)
  })
}
