/**
 * Normalisation for comparing quoted text with source text. It erases differences that are
 * typography rather than wording: runs of whitespace (including non-breaking and thin
 * spaces), curly versus straight quotes and apostrophes, the many dashes versus `-` (with the
 * spaces around a dash, so `a — b` and `a-b` compare equal), invisible characters (soft
 * hyphens, zero-width spaces) and Unicode composition. Letters, digits, case and
 * punctuation other than these are kept, so any change of wording survives normalisation.
 *
 * Every normalised character remembers the span of original text it came from, so a match
 * in normalised text can be reported as offsets into the original source body.
 */

/** Text after normalisation, with a map back to the original. */
export interface NormalizedText {
  readonly text: string
  /** `starts[i]`: original offset of the text that produced normalised unit `i`. */
  readonly starts: readonly number[]
  /** `ends[i]`: original offset just after the text that produced normalised unit `i`. */
  readonly ends: readonly number[]
}

// One user-perceived character: a code point and the combining marks that follow it.
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu
// Soft hyphen, zero-width characters, BOM, and control characters other than whitespace.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const INVISIBLE = /^[\u00AD\u200B-\u200D\u2060\uFEFF\u0000-\u0008\u000E-\u001F\u007F-\u009F]$/u
const WHITESPACE = /^\s$/u
const DOUBLE_QUOTES = '"\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u301D\u301E\uFF02'
const SINGLE_QUOTES = "'\u2018\u2019\u201A\u201B\u2032\u02BC\u2039\u203A\uFF07"
const DASHES = '-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D'

/** What one cluster becomes: '' (dropped), ' ' (whitespace) or its folded text. */
function foldCluster(cluster: string): string {
  // Invisible first: \s counts U+FEFF as a space, but inside a word it joins, not splits.
  if (INVISIBLE.test(cluster)) return ''
  if (WHITESPACE.test(cluster)) return ' '
  if (cluster.length === 1) {
    if (DOUBLE_QUOTES.includes(cluster)) return '"'
    if (SINGLE_QUOTES.includes(cluster)) return "'"
    if (DASHES.includes(cluster)) return '-'
  }
  return cluster.normalize('NFC')
}

/** Normalises `text` for comparison; see the module comment for what is erased. */
export function normalizeForMatch(text: string): NormalizedText {
  let out = ''
  const starts: number[] = []
  const ends: number[] = []
  // Whitespace is held back until the next visible character decides whether it is kept:
  // dropped at the start and end, and next to a dash.
  let pendingSpace: { start: number; end: number } | null = null
  for (const match of text.matchAll(CLUSTER)) {
    const start = match.index
    const end = start + match[0].length
    const folded = foldCluster(match[0])
    if (folded === '') continue
    if (folded === ' ') {
      pendingSpace = pendingSpace ? { start: pendingSpace.start, end } : { start, end }
      continue
    }
    if (pendingSpace && out !== '' && !out.endsWith('-') && folded !== '-') {
      out += ' '
      starts.push(pendingSpace.start)
      ends.push(pendingSpace.end)
    }
    pendingSpace = null
    out += folded
    for (let i = 0; i < folded.length; i++) {
      starts.push(start)
      ends.push(end)
    }
  }
  return { text: out, starts, ends }
}

/** Normalised text only, for comparisons that do not need offsets. */
export function normalizedString(text: string): string {
  return normalizeForMatch(text).text
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u

/** True for characters that belong to a word, so a match may not start or end beside one. */
export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char)
}
