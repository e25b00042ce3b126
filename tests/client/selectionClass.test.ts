import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { colorClass, selectionAttrs } from '../../client/src/editor/selectionClass'
import { IDENTITY_COLORS } from '../../client/src/identity/identity'

const css = readFileSync(new URL('../../client/src/styles/carets.css', import.meta.url), 'utf8')

describe('remote selections under the page CSP', () => {
  it('[SEL1] a remote selection is drawn by class, never by an inline style the CSP blocks', () => {
    for (const [index, color] of IDENTITY_COLORS.entries()) {
      const attrs = selectionAttrs({ color })
      expect(attrs.style).toBeUndefined()
      expect(attrs.class).toBe(`ProseMirror-yjs-selection collab-color-${index}`)
      // Each palette colour has its rule, in that colour.
      const rule = new RegExp(
        `\\.ProseMirror-yjs-selection\\.collab-color-${index} \\{\\s*background-color: ${color}70;`,
      )
      expect(css).toMatch(rule)
    }
    expect(colorClass(IDENTITY_COLORS[2].toUpperCase())).toBe('collab-color-2')
    expect(selectionAttrs({ color: '#123456' })).toEqual({ class: 'ProseMirror-yjs-selection' })
    expect(selectionAttrs({})).toEqual({ class: 'ProseMirror-yjs-selection' })
  })
})
