/**
 * Plain text into paragraphs. Blank lines separate paragraphs; the lines inside one are joined
 * (hard-wrapped text). Text with no blank lines at all is either one paragraph per line (copied
 * from a web page) or hard-wrapped prose, told apart by whether lines end sentences.
 */

import { parseSpeakerLabel } from '../../shared/quotes/extract'

const SENTENCE_END = /[.!?:"”’)\]]$/
const BULLET = /^(?:[-•*▪◦–]\s+|\d{1,3}[.)]\s+)/

/** Collapses whitespace inside a paragraph and drops invisible characters. */
export function normaliseParagraph(text: string): string {
  return text
    .replace(/[\u200b\u200c\ufeff\u00ad\u2060]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The text's blocks, each a list of its (trimmed, non-empty) lines. */
export function textBlocks(text: string): string[][] {
  const normalised = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n')
  const lines = (block: string) =>
    block
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')
  if (/\n[ \t\u00a0]*\n/.test(normalised.trim())) {
    return normalised
      .split(/\n[ \t\u00a0]*\n/)
      .map(lines)
      .filter((b) => b.length > 0)
  }
  return unwrapSingleSpaced(lines(normalised))
}

/** Lines of text without blank lines: one block per line, or re-joined wrapped prose. */
function unwrapSingleSpaced(lines: string[]): string[][] {
  const ending = lines.filter((l) => SENTENCE_END.test(l)).length
  if (lines.length < 3 || ending >= lines.length * 0.5) return lines.map((l) => [l])
  const width = Math.max(...lines.map((l) => l.length))
  const blocks: string[][] = []
  let current: string[] = []
  for (const line of lines) {
    current.push(line)
    // A short line that ends a sentence is the last line of a wrapped paragraph.
    if (SENTENCE_END.test(line) && line.length < width * 0.8) {
      blocks.push(current)
      current = []
    }
  }
  if (current.length > 0) blocks.push(current)
  return blocks
}

/**
 * A block's paragraphs: its lines joined, except that a line opening with a speaker label or a
 * list bullet starts a paragraph of its own.
 */
export function blockParagraphs(lines: readonly string[]): string[] {
  const paragraphs: string[][] = []
  for (const line of lines) {
    const startsOwn = parseSpeakerLabel(line)?.upperCase === true || BULLET.test(line)
    const last = paragraphs.at(-1)
    if (!last || startsOwn) paragraphs.push([line])
    else last.push(line)
  }
  return paragraphs.map((p) => normaliseParagraph(joinLines(p))).filter((p) => p !== '')
}

/** Joins wrapped lines, closing up a word hyphenated across the break. */
function joinLines(lines: readonly string[]): string {
  return lines.reduce((text, line) => {
    if (text === '') return line
    return /\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line) ? text + line : `${text} ${line}`
  }, '')
}
