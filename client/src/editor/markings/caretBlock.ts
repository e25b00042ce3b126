/**
 * The block the portion-mark control and menu act on. Its own module, importing no editor
 * code, so the lazily loaded menu shares nothing else with the editor page's chunk.
 */
import type { EditorState } from '@tiptap/pm/state'
import { MARKED_BLOCKS, MARKING_ATTR } from '../../../../shared/markings/portionShape'

/** The innermost block around the selection's start that carries a portion mark. */
export function markedBlockAt(state: EditorState): { pos: number; mark: string | null } | null {
  const { $from } = state.selection
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth)
    if (MARKED_BLOCKS.includes(node.type.name)) {
      return { pos: $from.before(depth), mark: node.attrs[MARKING_ATTR] ?? null }
    }
  }
  return null
}
