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
 *
 * Typing is merged into one step, but a quote block inserted or deleted is a step of its own,
 * as a block is in Google Docs or Word, and so is each accept or reject of a suggestion:
 * without that, Ctrl+Z after deleting a selected quote
 * block also took back everything typed in the half second before it.
 */
import { Extension } from '@tiptap/core'
import type { Fragment } from '@tiptap/pm/model'
import {
  type EditorState,
  NodeSelection,
  Plugin,
  PluginKey,
  type Transaction,
} from '@tiptap/pm/state'
import { ReplaceAroundStep, ReplaceStep } from '@tiptap/pm/transform'
import { ySyncPluginKey, yUndoPluginKey } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { SOURCE_QUOTE } from '../../../shared/schema/nodes/sourceQuoteAttrs'
import { SUGGESTION_DECISION } from '../../../shared/suggestions/decision'
import { rangeHoldsQuote } from './quote/quoteGuard'

function fragmentHoldsQuote(fragment: Fragment): boolean {
  let found = false
  fragment.descendants((node) => {
    if (node.type.name === SOURCE_QUOTE) found = true
    return !found
  })
  return found
}

/**
 * Whether a local edit is an undo step of its own: it replaces a selected node, removes or
 * adds a quote block, or accepts or rejects suggestions. Read from the steps and meta, so
 * typing costs no walk over the document.
 */
export function isOwnUndoStep(tr: Transaction, before: EditorState): boolean {
  if (!tr.docChanged) return false
  if (before.selection instanceof NodeSelection) return true
  if (tr.getMeta(SUGGESTION_DECISION)) return true
  return tr.steps.some((step, i) => {
    if (!(step instanceof ReplaceStep || step instanceof ReplaceAroundStep)) return false
    const doc = tr.docs[i] ?? before.doc
    return rangeHoldsQuote(doc, step.from, step.to) || fragmentHoldsQuote(step.slice.content)
  })
}

/** What the last transaction applied was, for the undo manager's steps. */
interface LastChange {
  /** A change made here, not a co-author's arriving. */
  local: boolean
  /** A local edit kept out of history (y-tiptap's own reason to end a step). */
  outOfHistory: boolean
  /** A local edit that is a step of its own (isOwnUndoStep). */
  ownStep: boolean
}

const undoBurstsKey = new PluginKey<LastChange>('undoBursts')

export const UndoBursts = Extension.create({
  name: 'undoBursts',
  // Above Collaboration (1000): this plugin's view updates before y-tiptap's, which writes the
  // change to the Y.Doc, so a step ended here ends before that change is captured.
  priority: 1001,
  addProseMirrorPlugins() {
    return [
      new Plugin<LastChange>({
        key: undoBurstsKey,
        state: {
          init: () => ({ local: false, outOfHistory: false, ownStep: false }),
          apply(tr, _value, before) {
            const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined
            const local = tr.docChanged && !sync?.isChangeOrigin
            return {
              local,
              outOfHistory: local && tr.getMeta('addToHistory') === false,
              ownStep: local && isOwnUndoStep(tr, before),
            }
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
            if (
              undoBurstsKey.getState(view.state)?.outOfHistory ||
              manager.undoing ||
              manager.redoing
            )
              stop()
          }
          // Whether the change before this one was a step of its own, so this one starts anew.
          let afterOwnStep = false
          return {
            update(view, previous) {
              if (view.state.doc === previous.doc) return
              const change = undoBurstsKey.getState(view.state)
              if (!change?.local) return
              if ((change.ownStep || afterOwnStep) && !manager.undoing && !manager.redoing) stop()
              afterOwnStep = change.ownStep
            },
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
