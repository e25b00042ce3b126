/**
 * A source's body: the one string that offsets, selectors and the content hash refer to.
 * Everything that anchors into a source goes through here, so the separator cannot drift.
 */
import { PARAGRAPH_SEPARATOR } from './types'

/** Joins paragraphs into the body that offsets and hashes are computed over. */
export function sourceBody(paragraphs: readonly string[]): string {
  return paragraphs.join(PARAGRAPH_SEPARATOR)
}

/**
 * The 1-based number of the paragraph that body offset `offset` falls in. An offset inside a
 * separator belongs to the paragraph after it, where the next quoted word would start.
 */
export function paragraphAtOffset(paragraphs: readonly string[], offset: number): number {
  let paragraphEnd = 0
  for (let i = 0; i < paragraphs.length; i++) {
    paragraphEnd += paragraphs[i]!.length
    if (offset < paragraphEnd) return i + 1
    paragraphEnd += PARAGRAPH_SEPARATOR.length
    if (offset < paragraphEnd) return Math.min(i + 2, paragraphs.length)
  }
  return Math.max(paragraphs.length, 1)
}
