/**
 * Which edits to a quote's text are legitimate without looking at the source: leaving words
 * out (marked `…` where they were inside the quote) and adding or replacing `[bracketed]`
 * clarifications. Checked against the previous text with the same matcher verification
 * uses, so an edit accepted here never turns a verified quote into an altered one.
 */
import { findNeedle, type Haystack, type Needle } from './match'
import { isWordChar, normalizedString } from './normalize'
import { parseQuoteText, quoteSegments, quoteTextProblems } from './parse'

/** Why an edit was refused. */
export interface QuoteEditProblem {
  reason: 'malformed' | 'not-in-original' | 'out-of-order' | 'mid-word'
  /** The run of words concerned, or the structural problem for 'malformed'. */
  segment: string
}

/** The verdict on an edit: ok, or every reason it is not. */
export type QuoteEditCheck = { ok: true } | { ok: false; problems: QuoteEditProblem[] }

interface Block extends Haystack {
  readonly text: string
}

/**
 * Checks that `newText` only removes words from `oldText` (each removal inside the quote
 * marked by an elision) and adds or replaces bracketed clarifications. Every run of words in
 * the new text must lie inside one run of the old text, in order; a run may not be stitched
 * across an old elision or bracket, and an old clarification cannot be promoted to quoted
 * words by dropping its brackets.
 */
export function checkQuoteEdit(oldText: string, newText: string): QuoteEditCheck {
  const malformed = quoteTextProblems(newText)
  if (malformed.length > 0) {
    return { ok: false, problems: malformed.map((segment) => ({ reason: 'malformed', segment })) }
  }
  const blocks: Block[] = quoteSegments(oldText).map((s) => ({
    text: normalizedString(s.text),
    // What a bracket replaced is unknown, so it may have been the rest of a word.
    openStart: s.left === 'clarification',
    openEnd: s.right === 'clarification',
  }))
  const problems: QuoteEditProblem[] = []
  let block = 0
  let cursor = 0
  for (const segment of quoteSegments(newText)) {
    const needle: Needle = {
      text: normalizedString(segment.text),
      freeLeft: segment.left === 'clarification',
      freeRight: segment.right === 'clarification',
    }
    if (needle.text === '') continue
    const found = findInBlocks(blocks, needle, block, cursor)
    if (found) {
      block = found.block
      cursor = found.at + needle.text.length
      continue
    }
    problems.push({ reason: classifyMiss(blocks, needle), segment: segment.text.trim() })
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems }
}

function findInBlocks(
  blocks: readonly Block[],
  needle: Needle,
  fromBlock: number,
  fromOffset: number,
  ignoreBoundaries = false,
): { block: number; at: number } | null {
  for (let b = fromBlock; b < blocks.length; b++) {
    const hay = blocks[b]!
    const at = findNeedle(
      hay,
      needle,
      b === fromBlock ? fromOffset : 0,
      hay.text.length,
      ignoreBoundaries,
    )
    if (at !== -1) return { block: b, at }
  }
  return null
}

function classifyMiss(blocks: readonly Block[], needle: Needle): QuoteEditProblem['reason'] {
  if (findInBlocks(blocks, needle, 0, 0)) return 'out-of-order'
  if (findInBlocks(blocks, needle, 0, 0, true)) return 'mid-word'
  return 'not-in-original'
}

/** A character range in a quote's text. */
export interface TextRange {
  from: number
  to: number
}

/**
 * The text with `range` replaced by `[clarification]`. An empty range inserts one, with a
 * space on a side where it would otherwise touch a word. A range
 * that touches an existing clarification is widened to cover it, so clarifying inside a
 * bracket replaces that bracket instead of nesting a second one. Throws a RangeError for a
 * range outside the text or a clarification that is empty or holds brackets.
 */
export function applyClarification(text: string, range: TextRange, clarification: string): string {
  const { from, to } = range
  if (
    !Number.isInteger(from) ||
    !Number.isInteger(to) ||
    from < 0 ||
    to < from ||
    to > text.length
  ) {
    throw new RangeError(
      `Invalid clarification range ${from}..${to} for a text of length ${text.length}`,
    )
  }
  const words = clarification.trim()
  if (words === '' || /[[\]]/.test(words)) {
    throw new RangeError(
      `Invalid clarification ${JSON.stringify(clarification)}: must be non-empty and hold no brackets`,
    )
  }
  let start = from
  let end = to
  for (const part of parseQuoteText(text)) {
    if (part.type !== 'clarification') continue
    const touches =
      from === to ? part.from < from && from < part.to : part.from < to && from < part.to
    if (touches) {
      start = Math.min(start, part.from)
      end = Math.max(end, part.to)
    }
  }
  // An inserted clarification must not glue itself to a neighbouring word.
  const inserting = start === end
  const before = inserting && isWordChar(text[start - 1]) ? ' ' : ''
  const after = inserting && isWordChar(text[end]) ? ' ' : ''
  return `${text.slice(0, start)}${before}[${words}]${after}${text.slice(end)}`
}
