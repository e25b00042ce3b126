/**
 * Text layout of PDF pages. pdf.js gives positioned text runs, not paragraphs, so lines are
 * rebuilt from the runs and paragraphs from the gaps between lines: a gap clearly wider than
 * the page's usual line spacing, or a change of font size, starts a paragraph. A line that
 * reaches (nearly) the full text width was wrapped and is joined to the next; a shorter one
 * ended on purpose (a header line, a dateline) and keeps its line break. Running heads and feet
 * (the same line at the edge of most pages) and page numbers are dropped.
 */

/** One line of text on a page (PDF coordinates: y grows upwards). */
export interface Line {
  text: string
  y: number
  height: number
  left: number
  right: number
}

interface TextRun {
  str: string
  hasEOL: boolean
  transform: number[]
  width: number
  height: number
}

/** A wider gap than this many usual line spacings separates paragraphs. */
const PARAGRAPH_GAP = 1.3
/** A line at least this share of the text width was wrapped, not ended. */
const FULL_LINE = 0.8
/** Gaps, in line heights: wider than usual single spacing, and typical single spacing. */
const WIDE_SPACING = 1.6
const SINGLE_SPACING = 1.25
const PAGE_NUMBER = /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i

function isTextRun(item: unknown): item is TextRun {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item
}

/** A page's text runs (pdf.js `getTextContent().items`) grouped into lines, top to bottom. */
export function pageLines(items: readonly unknown[]): Line[] {
  const lines: Line[] = []
  let current: Line | null = null
  for (const item of items) {
    if (!isTextRun(item)) continue
    const x = item.transform[4] ?? 0
    const y = item.transform[5] ?? 0
    const moved = current && Math.abs(current.y - y) > Math.max(1, current.height * 0.5)
    if (current && moved && item.str.trim() !== '') {
      lines.push(current)
      current = null
    }
    if (item.str !== '') {
      current ??= { text: '', y, height: 0, left: x, right: x }
      current.text += item.str
      current.height = Math.max(current.height, item.height)
      current.left = Math.min(current.left, x)
      current.right = Math.max(current.right, x + item.width)
    }
    if (item.hasEOL && current) {
      lines.push(current)
      current = null
    }
  }
  if (current) lines.push(current)
  return lines.filter((l) => l.text.trim() !== '')
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

/** Joins a wrapped line to the text before it, closing up a word hyphenated across the break. */
function joinWrapped(text: string, line: string): string {
  return /\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line) ? text + line : `${text} ${line}`
}

/** The gap above `line`, in line heights, so a large heading's leading is not a paragraph break. */
function relativeGap(previous: Line, line: Line): number {
  return (previous.y - line.y) / Math.max(previous.height, line.height, 1)
}

/**
 * The page's ordinary line spacing, in line heights. Usually the median gap; but on a page of
 * one-line paragraphs (a transcript, a list) every gap is a paragraph gap, so when gaps are
 * wide and few lines run full width, typical single spacing is assumed instead.
 */
function lineSpacing(lines: readonly Line[], width: number): number {
  const gaps = lines
    .slice(1)
    .map((line, i) => relativeGap(lines[i] as Line, line))
    .filter((g) => g > 0)
  const spacing = median(gaps)
  const full = lines.filter((l) => l.right - l.left >= width * FULL_LINE).length
  return spacing > WIDE_SPACING && full < lines.length / 2 ? SINGLE_SPACING : spacing
}

/** A page's lines as text: blank lines between paragraphs, newlines after short lines. */
function pageText(lines: readonly Line[]): string {
  const width = Math.max(0, ...lines.map((l) => l.right - l.left))
  const spacing = lineSpacing(lines, width)
  let text = ''
  lines.forEach((line, i) => {
    const words = line.text.trim()
    const previous = lines[i - 1]
    if (!previous) {
      text = words
      return
    }
    const gap = relativeGap(previous, line)
    if (
      gap <= 0 ||
      gap > spacing * PARAGRAPH_GAP ||
      Math.abs(previous.height - line.height) > 0.5
    ) {
      text += `\n\n${words}`
    } else if (previous.right - previous.left >= width * FULL_LINE) {
      text = joinWrapped(text, words)
    } else {
      text += `\n${words}`
    }
  })
  return text
}

/** Running heads and feet: lines at the top or bottom edge of most pages (both, of two). */
function runningLines(pages: readonly Line[][]): Set<string> {
  const counts = new Map<string, number>()
  for (const page of pages) {
    const edges = new Set([...page.slice(0, 2), ...page.slice(-2)].map((l) => l.text.trim()))
    for (const text of edges) counts.set(text, (counts.get(text) ?? 0) + 1)
  }
  const needed = pages.length >= 3 ? pages.length * 0.6 : 2
  return new Set([...counts].filter(([, count]) => count >= needed).map(([text]) => text))
}

/** A paragraph cut by a page break (no closing stop, next page starts lower-case) is rejoined. */
function joinPages(text: string, page: string): string {
  if (text === '') return page
  const continues = !/[.!?:"”’)]\s*$/.test(text) && /^\p{Ll}/u.test(page)
  return text + (continues ? ' ' : '\n\n') + page
}

/** The document's text: paragraphs separated by blank lines, as the text importer reads it. */
export function layoutText(pages: readonly Line[][]): string {
  const running = runningLines(pages)
  const keep = (line: Line) => !running.has(line.text.trim()) && !PAGE_NUMBER.test(line.text.trim())
  return pages.map((lines) => pageText(lines.filter(keep))).reduce(joinPages, '')
}
