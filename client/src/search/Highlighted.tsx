/** Text with some ranges marked: a search snippet, rendered as text, never as HTML. */
import type { Highlight } from '../../../shared/search/snippet'

export function Highlighted({ text, highlights }: { text: string; highlights: Highlight[] }) {
  const parts: Array<{ text: string; marked: boolean; at: number }> = []
  let at = 0
  for (const [start, end] of [...highlights].sort((a, b) => a[0] - b[0])) {
    if (start < at || end > text.length) continue
    if (start > at) parts.push({ text: text.slice(at, start), marked: false, at })
    parts.push({ text: text.slice(start, end), marked: true, at: start })
    at = end
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false, at })
  return (
    <>
      {parts.map((part) =>
        part.marked ? (
          <mark key={part.at}>{part.text}</mark>
        ) : (
          <span key={part.at}>{part.text}</span>
        ),
      )}
    </>
  )
}
