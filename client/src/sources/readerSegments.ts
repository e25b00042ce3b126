/**
 * How the source reader cuts each paragraph into runs of text for highlighting: extracted
 * quotes, and the passage a quote block was opened from ("focus"). Offsets are into the
 * source body (`paragraphs.join('\n\n')`), the same ones quotes and selectors use.
 */
import { PARAGRAPH_SEPARATOR } from '../../../shared/sources'

/** A body range to highlight. */
export interface BodyRange {
  start: number
  end: number
}

/** One run of a paragraph's text. */
export interface ParagraphSegment {
  text: string
  /** Body offsets of the run. */
  start: number
  end: number
  /** Index in `source.quotes` of the extracted quote this run belongs to, if any. */
  quoteIndex: number | null
  /** Whether the run is inside the focused passage. */
  focus: boolean
}

/** The body offset at which each paragraph starts. */
export function paragraphStarts(paragraphs: readonly string[]): number[] {
  const starts: number[] = []
  let offset = 0
  for (const paragraph of paragraphs) {
    starts.push(offset)
    offset += paragraph.length + PARAGRAPH_SEPARATOR.length
  }
  return starts
}

/**
 * Splits a paragraph starting at body offset `paragraphStart` into runs, breaking wherever a
 * quote or the focus starts or ends. Where extracted quotes overlap, the earlier one wins.
 */
export function paragraphSegments(
  paragraph: string,
  paragraphStart: number,
  quotes: readonly BodyRange[],
  focus: BodyRange | null,
): ParagraphSegment[] {
  const paragraphEnd = paragraphStart + paragraph.length
  const cuts = new Set([paragraphStart, paragraphEnd])
  const ranges = focus ? [...quotes, focus] : quotes
  for (const { start, end } of ranges) {
    if (start > paragraphStart && start < paragraphEnd) cuts.add(start)
    if (end > paragraphStart && end < paragraphEnd) cuts.add(end)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const segments: ParagraphSegment[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!
    const end = points[i + 1]!
    const quoteIndex = quotes.findIndex((q) => q.start <= start && end <= q.end)
    segments.push({
      text: paragraph.slice(start - paragraphStart, end - paragraphStart),
      start,
      end,
      quoteIndex: quoteIndex === -1 ? null : quoteIndex,
      focus: focus !== null && focus.start <= start && end <= focus.end,
    })
  }
  return segments
}
