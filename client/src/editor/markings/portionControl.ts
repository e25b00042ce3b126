/**
 * The portion-mark control: a small button at the start of the block holding the caret,
 * showing the block's mark, and Mod-Alt-M; both open the mark menu (loaded on first use, see
 * PortionMenu.tsx). Other blocks show their mark from CSS (`[data-marking]::before`), so only
 * the caret's block is decorated, and no scheme code loads with the editor.
 */
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { markedBlockAt } from './caretBlock'

export interface PortionControlOptions {
  /** Opens the mark menu for the caret's block. */
  onOpen: () => void
}

function controlButton(mark: string | null, onOpen: () => void): HTMLElement {
  const button = document.createElement('button')
  button.type = 'button'
  button.contentEditable = 'false'
  button.className = `portion-control${mark ? '' : ' portion-control--unset'}`
  // Drawn by CSS from data-label, so the block's text (innerText, a copy) never includes it.
  button.dataset.label = mark ? `(${mark})` : 'Mark'
  button.title = 'Portion mark (Ctrl+Alt+M)'
  button.setAttribute(
    'aria-label',
    mark ? `Portion mark ${mark}: change` : 'Portion mark: default, change',
  )
  // On mousedown, before the editor moves the caret out of the block the button is for.
  button.addEventListener('mousedown', (event) => {
    event.preventDefault()
    onOpen()
  })
  return button
}

export const PortionControl = Extension.create<PortionControlOptions>({
  name: 'portionControl',

  addOptions() {
    return { onOpen: () => {} }
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Alt-m': () => {
        if (!this.editor.isEditable || !markedBlockAt(this.editor.state)) return false
        this.options.onOpen()
        return true
      },
    }
  },

  addProseMirrorPlugins() {
    const { onOpen } = this.options
    const editor = this.editor
    return [
      new Plugin({
        key: new PluginKey('portionControl'),
        props: {
          decorations(state) {
            const block = editor.isEditable ? markedBlockAt(state) : null
            if (!block) return null
            const node = state.doc.nodeAt(block.pos)
            // A quote block is an atom with its own view: the shortcut marks it, no button.
            if (!node || node.isAtom) return null
            return DecorationSet.create(state.doc, [
              Decoration.node(block.pos, block.pos + node.nodeSize, { class: 'portion-current' }),
              Decoration.widget(block.pos + 1, () => controlButton(block.mark, onOpen), {
                side: -1,
                key: `portion-${block.mark ?? ''}`,
                ignoreSelection: true,
                stopEvent: () => true,
              }),
            ])
          },
        },
      }),
    ]
  },
})
