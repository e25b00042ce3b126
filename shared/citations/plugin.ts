/**
 * Live citation numbers in the editor. A ProseMirror plugin keeps the numbering for the
 * current document and exposes it as decorations that only set attributes (no DOM is
 * built here, so the shared code stays free of UI): each quote block, and the last text
 * node of each cited passage, get `data-citation-number`. The client styles them, e.g.
 * `[data-citation-number]::after { content: ' [' attr(data-citation-number) ']' }`, or
 * reads the number from the decorations its node view receives.
 */
import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { CITE } from '../schema/marks/cite'
import { SOURCE_QUOTE } from '../schema/nodes/sourceQuoteAttrs'
import { type CitationNumbering, numberCitations } from './numbering'

/** The attribute the decorations set. */
export const CITATION_NUMBER_ATTRIBUTE = 'data-citation-number'

interface NumberingState {
  numbering: CitationNumbering
  decorations: DecorationSet
}

/** Identifies the plugin's state; a key is an immutable handle, not shared mutable state. */
export const citationNumberingKey = new PluginKey<NumberingState>('citationNumbering')

function decorate(doc: ProseMirrorNode, numbering: CitationNumbering): DecorationSet {
  const decorations: Decoration[] = []
  const numberOf = (sourceId: unknown) =>
    typeof sourceId === 'string' ? numbering.bySource.get(sourceId) : undefined
  doc.descendants((node, pos) => {
    if (node.type.name === SOURCE_QUOTE) {
      const n = numberOf(node.attrs.sourceId)
      if (n)
        decorations.push(
          Decoration.node(pos, pos + node.nodeSize, { [CITATION_NUMBER_ATTRIBUTE]: String(n) }),
        )
      return false
    }
    if (!node.isTextblock) return true
    // Number the last text node of each run of one citation, so the number shows once, at its end.
    let runEnd: { from: number; to: number; citationId: unknown; n: number } | null = null
    const flush = () => {
      if (runEnd) {
        decorations.push(
          Decoration.inline(runEnd.from, runEnd.to, {
            [CITATION_NUMBER_ATTRIBUTE]: String(runEnd.n),
          }),
        )
      }
      runEnd = null
    }
    node.forEach((child, offset) => {
      const cite = child.marks.find((m) => m.type.name === CITE)
      const n = cite && numberOf(cite.attrs.sourceId)
      if (!cite || !n) {
        flush()
        return
      }
      if (runEnd && runEnd.citationId !== cite.attrs.citationId) flush()
      const from = pos + 1 + offset
      runEnd = { from, to: from + child.nodeSize, citationId: cite.attrs.citationId, n }
    })
    flush()
    return false
  })
  return DecorationSet.create(doc, decorations)
}

function computeState(doc: ProseMirrorNode): NumberingState {
  const numbering = numberCitations(doc)
  return { numbering, decorations: decorate(doc, numbering) }
}

/** The numbering for the editor's current document, or undefined without the extension. */
export function citationNumbers(state: EditorState): CitationNumbering | undefined {
  return citationNumberingKey.getState(state)?.numbering
}

/** The plugin behind `CitationNumbers`, for code that builds an EditorState directly. */
export function citationNumberingPlugin(): Plugin<NumberingState> {
  return new Plugin<NumberingState>({
    key: citationNumberingKey,
    state: {
      init: (_, state) => computeState(state.doc),
      // Recomputed in full on each change: one walk of the document, cheaper than
      // reasoning about how an edit far away shifts numbers.
      apply: (tr, value) => (tr.docChanged ? computeState(tr.doc) : value),
    },
    props: {
      decorations: (state) => citationNumberingKey.getState(state)?.decorations,
    },
  })
}

/** Adds live citation numbers to an editor (client-side; not part of the schema). */
export const CitationNumbers = Extension.create({
  name: 'citationNumbers',

  addProseMirrorPlugins() {
    return [citationNumberingPlugin()]
  },
})
