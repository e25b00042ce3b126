/**
 * Live citation numbers in the editor. A ProseMirror plugin keeps the numbering for the
 * current document and exposes it as decorations that only set attributes (no DOM is
 * built here, so the shared code stays free of UI): each quote block, and the last text
 * node of each cited passage, get `data-citation-number`: its note number, as the export
 * numbers notes (one per citation, in document order; server/export/build/noteTracker.ts),
 * so the number beside a quote in the editor is the footnote it gets in the PDF and DOCX. The client styles them, e.g.
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
  /** Each numbered quote block's note number, by the block's position. */
  notesAt: Map<number, number>
}

/** Identifies the plugin's state; a key is an immutable handle, not shared mutable state. */
export const citationNumberingKey = new PluginKey<NumberingState>('citationNumbering')

function decorate(
  doc: ProseMirrorNode,
  numbering: CitationNumbering,
): Pick<NumberingState, 'decorations' | 'notesAt'> {
  const decorations: Decoration[] = []
  const notesAt = new Map<number, number>()
  let notes = 0
  // A citation of a source the numbering knows is a note; the next note number, or none.
  const noteFor = (sourceId: unknown) =>
    typeof sourceId === 'string' && numbering.bySource.has(sourceId) ? ++notes : undefined
  doc.descendants((node, pos) => {
    if (node.type.name === SOURCE_QUOTE) {
      const n = noteFor(node.attrs.sourceId)
      if (n) {
        notesAt.set(pos, n)
        decorations.push(
          Decoration.node(pos, pos + node.nodeSize, { [CITATION_NUMBER_ATTRIBUTE]: String(n) }),
        )
      }
      return false
    }
    if (!node.isTextblock) return true
    // Number the last text node of each run of one citation, so the number shows once, at its end.
    let runEnd: { from: number; to: number; citationId: unknown; sourceId: unknown } | null = null
    const flush = () => {
      const n = runEnd && noteFor(runEnd.sourceId)
      if (runEnd && n) {
        decorations.push(
          Decoration.inline(runEnd.from, runEnd.to, { [CITATION_NUMBER_ATTRIBUTE]: String(n) }),
        )
      }
      runEnd = null
    }
    node.forEach((child, offset) => {
      const cite = child.marks.find((m) => m.type.name === CITE)
      if (!cite) {
        flush()
        return
      }
      if (runEnd && runEnd.citationId !== cite.attrs.citationId) flush()
      const from = pos + 1 + offset
      runEnd = {
        from,
        to: from + child.nodeSize,
        citationId: cite.attrs.citationId,
        sourceId: cite.attrs.sourceId,
      }
    })
    flush()
    return false
  })
  return { decorations: DecorationSet.create(doc, decorations), notesAt }
}

function computeState(doc: ProseMirrorNode): NumberingState {
  const numbering = numberCitations(doc)
  return { numbering, ...decorate(doc, numbering) }
}

/** The note number of the quote block at `pos`, or null. */
export function quoteNoteNumber(state: EditorState, pos: number): number | null {
  return citationNumberingKey.getState(state)?.notesAt.get(pos) ?? null
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
