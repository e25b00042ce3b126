/**
 * The `marking` attribute (a portion mark, shared/markings/portionShape.ts) on every block
 * that carries one, and the command that sets it. Declared once here, so the editor, the
 * server's checks and export share it; in HTML it is `data-marking`.
 */
import { Extension } from '@tiptap/core'
import { MARKED_BLOCKS, MARKING_ATTR, validatePortionShape } from '../markings/portionShape'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    portionMarking: {
      /**
       * Sets the portion mark (a stored key, or null for the briefing's default) of the
       * innermost marked block around the selection's start. False if there is none.
       */
      setPortionMarking: (key: string | null) => ReturnType
    }
  }
}

export const PortionMarking = Extension.create({
  name: 'portionMarking',

  addGlobalAttributes() {
    return [
      {
        types: [...MARKED_BLOCKS],
        attributes: {
          [MARKING_ATTR]: {
            default: null,
            validate: validatePortionShape,
            parseHTML: (element) => element.getAttribute('data-marking'),
            renderHTML: (attrs) =>
              attrs[MARKING_ATTR] ? { 'data-marking': attrs[MARKING_ATTR] } : {},
          },
        },
      },
    ]
  },

  addCommands() {
    return {
      setPortionMarking:
        (key) =>
        ({ state, tr, dispatch }) => {
          validatePortionShape(key)
          const { $from } = state.selection
          for (let depth = $from.depth; depth > 0; depth--) {
            const node = $from.node(depth)
            if (!MARKED_BLOCKS.includes(node.type.name)) continue
            if (dispatch) tr.setNodeAttribute($from.before(depth), MARKING_ATTR, key)
            return true
          }
          const after = $from.nodeAfter
          if (after && MARKED_BLOCKS.includes(after.type.name)) {
            // A selected atom block (a quote block) has the selection before it, not in it.
            if (dispatch) tr.setNodeAttribute($from.pos, MARKING_ATTR, key)
            return true
          }
          return false
        },
    }
  },
})
