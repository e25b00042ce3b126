/**
 * Sentence breaks in narrative text. Callers pass paragraphs with quotations masked out, so
 * the full stops inside quoted speech never split the narrative around it.
 */

import { ABBREVIATIONS } from './lexicon'

const BREAK = /[.!?]+["”’)\]]*\s+(?=[\p{Lu}\p{N}“"‘'(«])/gu

/** Whether the full stop at `dot` ends an abbreviation ("Gen.", "Nov.", an initial) rather than a sentence. */
function endsAbbreviation(text: string, dot: number): boolean {
  if (text[dot] !== '.') return false
  const word = /[\p{L}.]+$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[0] ?? ''
  if (ABBREVIATIONS.has(word)) return true
  // Initials ("J. Smith") and dotted acronyms ("U.S.") carry a stop after a single capital.
  return /(^|\.)\p{Lu}$/u.test(word)
}

/** Indices where sentences start in `text` (always including 0). */
export function sentenceStarts(text: string): number[] {
  const starts = [0]
  for (const match of text.matchAll(BREAK)) {
    if (endsAbbreviation(text, match.index)) continue
    starts.push(match.index + match[0].length)
  }
  return starts
}

/** Start of the sentence containing `position`, given the text's `starts`. */
export function sentenceStartBefore(starts: readonly number[], position: number): number {
  const i = firstAfter(starts, position)
  return i > 0 ? (starts[i - 1] ?? 0) : 0
}

/** Index of the first start greater than `position` (binary search: starts are sorted). */
function firstAfter(starts: readonly number[], position: number): number {
  let lo = 0
  let hi = starts.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((starts[mid] ?? 0) <= position) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** End (exclusive, before trailing space) of the sentence of `text` containing `position`. */
export function sentenceEndAfter(
  text: string,
  starts: readonly number[],
  position: number,
): number {
  const next = starts[firstAfter(starts, position)]
  if (next === undefined) return text.length
  let end = next
  while (end > 0 && /\s/.test(text[end - 1] ?? '')) end--
  return end
}
