/**
 * Keeps the editor's own changes within the schema's nesting limit (MAX_NESTING_DEPTH). The
 * server refuses an update past it and ends the session (4422), so the editor refuses the
 * change first: indenting a list item past the limit, or pasting something nested deeper,
 * does nothing. Changes arriving from others are never filtered; the server has checked them.
 */
import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { MAX_NESTING_DEPTH } from '../../../shared/schema/structure'

export const NestingLimit = Extension.create({
  name: 'nestingLimit',

  addProseMirrorPlugins() {
    return [nestingLimitPlugin()]
  },
})

/** The plugin behind NestingLimit: filters out local changes that nest too deep. */
export function nestingLimitPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('nestingLimit'),
    filterTransaction: (tr) =>
      !tr.docChanged ||
      tr.getMeta(ySyncPluginKey)?.isChangeOrigin === true ||
      deepestChange(tr) <= MAX_NESTING_DEPTH,
  })
}

/**
 * The depth of the deepest element in the top-level blocks the transaction changed (the
 * document's own children are at depth 1, as on the server). Whole blocks, because wrapping
 * (indenting a list item) moves content deeper without changing it; only those blocks,
 * each range mapped to the final document, so typing in a long briefing costs little.
 */
function deepestChange(tr: Transaction): number {
  const blocks = new Set<number>()
  tr.mapping.maps.forEach((map, index) => {
    const rest = tr.mapping.slice(index + 1)
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      const from = tr.doc.resolve(rest.map(newStart, -1))
      const to = tr.doc.resolve(rest.map(newEnd, 1))
      for (let i = from.index(0); i <= Math.min(to.index(0), tr.doc.childCount - 1); i++) {
        blocks.add(i)
      }
    })
  })
  let deepest = 0
  for (const i of blocks) deepest = Math.max(deepest, depthOf(tr.doc.child(i), 1))
  return deepest
}

/** The depth of the deepest element in `node`, which sits at `depth`; without recursion. */
function depthOf(node: PMNode, depth: number): number {
  let deepest = 0
  const stack: Array<[PMNode, number]> = [[node, depth]]
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [current, level] = next
    if (current.isText) continue
    deepest = Math.max(deepest, level)
    current.forEach((child) => {
      stack.push([child, level + 1])
    })
  }
  return deepest
}
