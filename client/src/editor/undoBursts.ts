/**
 * Undo that takes back a person's last burst of typing while others type too.
 *
 * y-tiptap ends the current undo step (`stopCapturing`) after any local transaction while its
 * sync state says "not for history": meant for a local edit made with `addToHistory: false`.
 * But that state is only refreshed by transactions that change the document, so after a
 * co-author's change (applied with `addToHistory: false`) every caret or selection update
 * (each of their keystrokes moves their caret) still reads "not for history" and ends the step:
 * one Ctrl+Z then took back a single character. This extension lets the undo manager end a step
 * only when the transaction just applied really was a local edit kept out of history; Yjs's own
 * stops (while it undoes or redoes) are untouched.
 */
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { ySyncPluginKey, yUndoPluginKey } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'

/** Per state: whether the last transaction applied was a local edit kept out of history. */
const undoBurstsKey = new PluginKey<boolean>('undoBursts')

export const UndoBursts = Extension.create({
  name: 'undoBursts',
  addProseMirrorPlugins() {
    return [
      new Plugin<boolean>({
        key: undoBurstsKey,
        state: {
          init: () => false,
          apply(tr) {
            const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined
            return tr.docChanged && tr.getMeta('addToHistory') === false && !sync?.isChangeOrigin
          },
        },
        view(view) {
          // y-tiptap creates the manager with the editor state; it is in the undo plugin's state.
          const manager = yUndoPluginKey.getState(view.state)?.undoManager as
            | Y.UndoManager
            | undefined
          if (!manager) return {}
          const stop = manager.stopCapturing.bind(manager)
          manager.stopCapturing = () => {
            if (undoBurstsKey.getState(view.state) || manager.undoing || manager.redoing) stop()
          }
          return {
            destroy() {
              // Back to the prototype's method, for a view created later on the same manager.
              Reflect.deleteProperty(manager, 'stopCapturing')
            },
          }
        },
      }),
    ]
  },
})
