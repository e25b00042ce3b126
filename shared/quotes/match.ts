/**
 * Finding a quote's runs of words, in order, in normalised text. Shared by verification
 * (runs against a source body) and edit checks (runs against a quote's previous text), so
 * both apply the same idea of a match: the normalised words occur verbatim, and start and
 * end on word boundaries unless an editor's bracket sits on that side.
 */
import { isWordChar } from './normalize'

/** Normalised text to search, and what lies beyond its ends. */
export interface Haystack {
  readonly text: string
  /** True when the text before offset 0 is unknown and may continue a word. */
  readonly openStart?: boolean
  /** True when the text after the end is unknown and may continue a word. */
  readonly openEnd?: boolean
}

/** A normalised run of words to find, and whether each side must be a word boundary. */
export interface Needle {
  readonly text: string
  readonly freeLeft: boolean
  readonly freeRight: boolean
}

/** Stands in for an unknown character beyond an open end. */
const UNKNOWN_WORD_CHAR = 'x'

function charAt(hay: Haystack, pos: number): string | undefined {
  if (pos < 0) return hay.openStart ? UNKNOWN_WORD_CHAR : undefined
  if (pos >= hay.text.length) return hay.openEnd ? UNKNOWN_WORD_CHAR : undefined
  return hay.text[pos]
}

// An apostrophe between letters is inside a word ("don't"), not a boundary.
function isWordy(hay: Haystack, pos: number): boolean {
  const char = charAt(hay, pos)
  if (char === "'") return isWordChar(charAt(hay, pos - 1)) && isWordChar(charAt(hay, pos + 1))
  return isWordChar(char)
}

/** True when offset `pos` does not fall between two characters of one word. */
export function isWordBoundary(hay: Haystack, pos: number): boolean {
  return !(isWordy(hay, pos - 1) && isWordy(hay, pos))
}

/**
 * Offset of the first occurrence of `needle` in `hay` within [from, to) that satisfies its
 * boundary rules, or -1. With `ignoreBoundaries`, any verbatim occurrence counts.
 */
export function findNeedle(
  hay: Haystack,
  needle: Needle,
  from: number,
  to: number,
  ignoreBoundaries = false,
): number {
  const last = to - needle.text.length
  for (let at = hay.text.indexOf(needle.text, from); at !== -1 && at <= last; ) {
    const leftOk = ignoreBoundaries || needle.freeLeft || isWordBoundary(hay, at)
    const end = at + needle.text.length
    const rightOk = ignoreBoundaries || needle.freeRight || isWordBoundary(hay, end)
    if (leftOk && rightOk) return at
    at = hay.text.indexOf(needle.text, at + 1)
  }
  return -1
}

/**
 * Offset in [from, to) where the longest prefix of `needle` occurs, with that length; used
 * to show what the source says where a quote departs from it. Gives up (length 0) on
 * regions too large to scan, since the hint is a courtesy, not part of the verdict.
 */
export function closestPrefix(
  text: string,
  needle: string,
  from: number,
  to: number,
): { at: number; length: number } {
  const best = { at: from, length: 0 }
  if ((to - from) * needle.length > 4_000_000) return best
  for (let at = from; at < to; at++) {
    let n = 0
    while (n < needle.length && at + n < to && text[at + n] === needle[n]) n++
    if (n > best.length) {
      best.at = at
      best.length = n
    }
  }
  return best
}
