/**
 * Finding typed words in a source: for turning a plain blockquote someone typed into a quote
 * block linked to its source. The words are matched as verification matches them (./match
 * on ./normalize'd text: typography aside, verbatim, on word boundaries), so a passage found
 * here verifies once it is a quote block.
 */
import { sourceBody } from '../sources/body'
import type { Source } from '../sources/types'
import { findNeedle } from './match'
import { normalizeForMatch } from './normalize'

/** A passage of one source, as body offsets. */
export interface FoundPassage {
  source: Source
  start: number
  end: number
}

/** A typed quotation split into its words and the attribution line typed with it, if any. */
export interface TypedQuotation {
  words: string
  speaker: string | null
  speakerRole: string | null
}

// Quotation marks and spaces around typed words belong to the typing, not to the source.
const EDGE =
  /^[\s"'\u201C\u201D\u201E\u2018\u2019\u00AB\u00BB]+|[\s"\u201C\u201D\u201E\u00AB\u00BB]+$/gu
// "— Name, Role" (or "- Name") closing a quotation: at most a few words after the dash.
const ATTRIBUTION =
  /^(.*?)\s*(?:^|\s|["\u201D\u00BB])[\u2014\u2013\u2015-]{1,2}\s*([^\u2014\u2013\u2015\n]{2,120})$/su

/**
 * Reads a typed quotation: its paragraphs, where a last line starting with a dash (or a
 * dash after the closing quotation mark) names the speaker and, after a comma, the role.
 */
export function readTypedQuotation(paragraphs: readonly string[]): TypedQuotation {
  const lines = paragraphs.map((p) => p.trim()).filter(Boolean)
  const text = lines.join('\n')
  const match = ATTRIBUTION.exec(text)
  if (!match || !match[1]?.replace(EDGE, '')) {
    return { words: text.replace(EDGE, '').replace(/\s+/g, ' '), speaker: null, speakerRole: null }
  }
  const [name, ...role] = match[2]!.split(',')
  return {
    words: match[1].replace(EDGE, '').replace(/\s+/g, ' '),
    speaker: name?.trim() || null,
    speakerRole: role.join(',').trim() || null,
  }
}

/** Where `words` occur in `source`, as body offsets, or null. */
export function locateWords(source: Source, words: string): FoundPassage | null {
  const needle = normalizeForMatch(words.replace(EDGE, '')).text
  if (needle === '') return null
  const body = normalizeForMatch(sourceBody(source.paragraphs))
  const at = findNeedle(
    { text: body.text },
    { text: needle, freeLeft: false, freeRight: false },
    0,
    body.text.length,
  )
  if (at === -1) return null
  return { source, start: body.starts[at]!, end: body.ends[at + needle.length - 1]! }
}

/** The first of `sources` holding `words`, with where; null when none does. */
export function findWordsInSources(sources: readonly Source[], words: string): FoundPassage | null {
  for (const source of sources) {
    const found = locateWords(source, words)
    if (found) return found
  }
  return null
}
