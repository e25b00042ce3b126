/**
 * A search snippet as plain text with the matched words given as offsets, so the client
 * renders it as text with marks and never as HTML, whatever the indexed text holds.
 */

/** A range of UTF-16 offsets into the snippet's text: [start, end). */
export type Highlight = [start: number, end: number]

export interface Snippet {
  text: string
  highlights: Highlight[]
}

/**
 * Reads text in which each match is wrapped in `open` … `close` (the index's marks) into
 * plain text and highlight ranges. A mark without its partner is dropped.
 */
export function readMarkedSnippet(marked: string, open: string, close: string): Snippet {
  let text = ''
  const highlights: Highlight[] = []
  let start: number | null = null
  for (const char of marked) {
    if (char === open) start = text.length
    else if (char === close) {
      if (start !== null && text.length > start) highlights.push([start, text.length])
      start = null
    } else text += char
  }
  return { text, highlights }
}
