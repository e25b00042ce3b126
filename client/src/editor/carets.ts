/**
 * Other people's carets and selections, drawn from awareness by y-tiptap's cursor plugin.
 *
 * This replaces @tiptap/extension-collaboration-caret for one defect: y-tiptap keys each
 * caret widget by the client id, and ProseMirror keeps a widget's DOM while its key is the
 * same, so a caret drawn once kept its first colour and name for good. When two people meet
 * with one usual colour and one of them gives way (identity/roomColor.ts), their avatar and
 * selection took the new colour but their caret and its label kept the old one, which is
 * the other person's: a reader saw Grace's caret in Ada's colour. Here each caret carries its
 * client id, and an awareness change repaints the carets already on screen.
 */
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { defaultSelectionBuilder, yCursorPlugin } from '@tiptap/y-tiptap'
import type { Awareness } from 'y-protocols/awareness'

/** What a caret shows of a person: awareness's `user` field. */
interface CaretUser {
  name?: unknown
  color?: unknown
}

/** A colour the caret may use: `#rrggbb` only, so no awareness field can inject CSS. */
function caretColor(color: unknown): string {
  return typeof color === 'string' && /^#[0-9a-fA-F]{6}$/.test(color) ? color : 'transparent'
}

function caretName(name: unknown): string {
  return typeof name === 'string' ? name : ''
}

/** Paints `caret` (and its label) in the user's colour and name; CSSOM, allowed by the CSP. */
function paint(caret: HTMLElement, user: CaretUser): void {
  const color = caretColor(user.color)
  caret.style.borderColor = color
  const label = caret.querySelector<HTMLElement>('.collaboration-carets__label')
  if (!label) return
  label.style.backgroundColor = color
  if (label.textContent !== caretName(user.name)) label.textContent = caretName(user.name)
}

export function renderCaret(user: CaretUser, clientId: number): HTMLElement {
  const caret = document.createElement('span')
  caret.classList.add('collaboration-carets__caret')
  caret.dataset.clientId = String(clientId)
  const label = document.createElement('div')
  label.classList.add('collaboration-carets__label')
  caret.append(label)
  paint(caret, user)
  return caret
}

/** Repaints the carets in `root` whose client's awareness changed. */
export function repaintCarets(root: ParentNode, awareness: Awareness, clientIds: number[]): void {
  for (const clientId of clientIds) {
    const user = (awareness.getStates().get(clientId) as { user?: CaretUser } | undefined)?.user
    if (!user) continue
    for (const caret of root.querySelectorAll<HTMLElement>(
      `.collaboration-carets__caret[data-client-id="${clientId}"]`,
    )) {
      paint(caret, user)
    }
  }
}

export interface CaretsOptions {
  awareness: Awareness | null
  /** How the local user appears to others. */
  user: { name: string; color: string }
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    carets: {
      /** Sets how the local user appears to others (awareness `user`). */
      updateUser: (user: { name: string; color: string }) => ReturnType
    }
  }
}

export const Carets = Extension.create<CaretsOptions>({
  name: 'carets',
  priority: 999,

  addOptions() {
    return { awareness: null, user: { name: '', color: '' } }
  },

  addCommands() {
    return {
      updateUser: (user) => () => {
        this.options.awareness?.setLocalStateField('user', user)
        return true
      },
    }
  },

  addProseMirrorPlugins() {
    const { awareness, user } = this.options
    if (!awareness) throw new Error('the carets extension needs an awareness')
    return [
      new Plugin({
        key: new PluginKey('caretRepaint'),
        view: (view) => {
          awareness.setLocalStateField('user', user)
          const onChange = ({ updated }: { updated: number[] }) =>
            repaintCarets(view.dom, awareness, updated)
          awareness.on('change', onChange)
          return { destroy: () => awareness.off('change', onChange) }
        },
      }),
      yCursorPlugin(awareness, {
        cursorBuilder: (remote: CaretUser, clientId: number) => renderCaret(remote, clientId),
        selectionBuilder: (remote: CaretUser) =>
          caretColor(remote.color) === 'transparent'
            ? {}
            : defaultSelectionBuilder(remote as { color: string }),
      }),
    ]
  },
})
