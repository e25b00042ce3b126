/**
 * Plain blockquotes (the toolbar's, for epigraphs) with a small control under each: a note
 * that the quotation is not linked to a source, and "Link to a source" (./linkBlockquote).
 * A plugin-supplied node view in plain DOM, so the blockquote node itself and the schema
 * stay StarterKit's. Client-only; adds no nodes or marks.
 */
import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorView, NodeView, ViewMutationRecord } from '@tiptap/pm/view'
import type { Source } from '../../../../shared/sources'
import { type LinkResult, linkBlockquote } from './linkBlockquote'

/** Options for BlockquoteLink. */
export interface BlockquoteLinkOptions {
  /** The briefing's sources, read when the button is pressed. */
  sources: () => readonly Source[]
  /** Who links (recorded when their typed speaker is used). */
  userName: () => string
}

class BlockquoteLinkView implements NodeView {
  readonly dom: HTMLElement
  readonly contentDOM: HTMLElement
  private readonly control: HTMLElement
  private readonly message: HTMLElement

  constructor(
    view: EditorView,
    getPos: () => number | undefined,
    link: (pos: number) => LinkResult,
  ) {
    const doc = view.dom.ownerDocument
    this.dom = doc.createElement('div')
    this.dom.className = 'blockquote-view'
    this.contentDOM = doc.createElement('blockquote')
    this.control = doc.createElement('div')
    this.control.className = 'blockquote-link'
    this.control.contentEditable = 'false'
    const label = doc.createElement('span')
    label.textContent = 'Not linked to a source'
    const button = doc.createElement('button')
    button.type = 'button'
    button.className = 'blockquote-link__button'
    button.textContent = 'Link to a source'
    this.message = doc.createElement('span')
    this.message.className = 'blockquote-link__message'
    this.message.setAttribute('role', 'status')
    button.addEventListener('click', () => {
      const pos = getPos()
      if (pos === undefined || !view.editable) return
      const result = link(pos)
      if (!result.ok) this.message.textContent = result.message
    })
    this.control.append(label, button, this.message)
    this.dom.append(this.contentDOM, this.control)
  }

  update(node: ProseMirrorNode): boolean {
    if (node.type.name !== 'blockquote') return false
    // Edited words may now be found; an old "not found" no longer applies.
    this.message.textContent = ''
    return true
  }

  stopEvent(event: Event): boolean {
    return this.control.contains(event.target as Node)
  }

  ignoreMutation(mutation: ViewMutationRecord): boolean {
    if (mutation.type === 'selection') return false
    return this.control.contains(mutation.target)
  }
}

export const BlockquoteLink = Extension.create<BlockquoteLinkOptions>({
  name: 'blockquoteLink',

  addOptions() {
    return { sources: () => [], userName: () => 'unknown' }
  },

  addProseMirrorPlugins() {
    const { editor, options } = this
    const link = (pos: number) => linkBlockquote(editor, pos, options.sources(), options.userName())
    return [
      new Plugin({
        key: new PluginKey('blockquoteLink'),
        props: {
          nodeViews: {
            blockquote: (_node, view, getPos) => new BlockquoteLinkView(view, getPos, link),
          },
        },
      }),
    ]
  },
})
