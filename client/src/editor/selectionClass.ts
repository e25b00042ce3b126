/**
 * How another person's selection is drawn. The caret extension's default gives the selection
 * an inline `style` attribute, which the page's Content Security Policy (`style-src 'self'`)
 * blocks: the selection showed no colour and every render logged a CSP violation. Colours
 * come from a fixed palette, so each gets a class of its own in carets.css instead; a colour
 * outside the palette (an old client) gets the neutral selection class only.
 */
import type { DecorationAttrs } from '@tiptap/pm/view'
import { IDENTITY_COLORS } from '../identity/identity'

/** The class carrying a palette colour, e.g. `collab-color-3`; null for other colours. */
export function colorClass(color: unknown): string | null {
  if (typeof color !== 'string') return null
  const index = (IDENTITY_COLORS as readonly string[]).indexOf(color.toLowerCase())
  return index < 0 ? null : `collab-color-${index}`
}

/** Decoration attributes for a remote selection: classes only, never `style`. */
export function selectionAttrs(user: { color?: unknown }): DecorationAttrs {
  const palette = colorClass(user.color)
  return { class: palette ? `ProseMirror-yjs-selection ${palette}` : 'ProseMirror-yjs-selection' }
}
