/**
 * Tokens, parts of speech and sentences of a body's narrative, from wink-nlp's English model.
 *
 * The tagger reads the masked body (quotations blanked, see quoteSpans), so what it tags is the
 * reporter's narrative: the clauses that say who spoke. It runs once per extraction over the
 * whole body; tokens carry body offsets, their paragraph and their sentence.
 */

import model from 'wink-eng-lite-web-model'
import winkNLP from 'wink-nlp'
import { foldForTagger } from './fold'

/** One word or punctuation token of the narrative. */
export interface Token {
  /** The text as written in the body (not folded). */
  text: string
  lower: string
  lemma: string
  /** Universal POS tag (PROPN, NOUN, VERB, AUX, PRON, DET, ADP, PUNCT, ...). */
  pos: string
  /** Body offsets. */
  start: number
  end: number
  paragraph: number
  /** Index into TaggedBody.sentences. */
  sentence: number
}

/** A sentence of the narrative: its tokens are `tokens[first..last]` (inclusive). */
export interface Sentence {
  paragraph: number
  first: number
  last: number
}

/** The tagged narrative of a body. */
export interface TaggedBody {
  tokens: Token[]
  sentences: Sentence[]
  /** Per paragraph: index of its first token (its tokens run up to the next paragraph's first). */
  paragraphStart: number[]
}

// Only sentence breaking and tagging: wink's other stages (entities, sentiment, negation) cost
// time and are not used. The model is read once per process and never changed.
const nlp = winkNLP(model, ['sbd', 'pos'])
const its = nlp.its

/**
 * Tags `masked` (the body's paragraphs with quotations blanked; `offsets[i]` is where
 * paragraph i starts in the body, `separator` what joins paragraphs).
 */
export function tagBody(
  masked: readonly string[],
  offsets: readonly number[],
  separator: string,
): TaggedBody {
  const original = masked.join(separator)
  const text = foldForTagger(original)
  // Folding changes letters one for one; where it changed none, wink's words are the body's.
  const folded = text !== original
  const doc = nlp.readDoc(text)
  const words = doc.tokens().out() as string[]
  const spaces = doc.tokens().out(its.precedingSpaces) as string[]
  const tags = doc.tokens().out(its.pos) as string[]
  // wink's typings declare `its.lemma` for one token only; on a collection it maps every token.
  const lemmas = doc
    .tokens()
    .out(its.lemma as Parameters<ReturnType<typeof doc.tokens>['out']>[0]) as string[]
  const spans = doc.sentences().out(its.span) as unknown as [number, number][]

  const tokens: Token[] = []
  const sentences: Sentence[] = []
  const paragraphStart = new Array<number>(masked.length).fill(-1)
  let paragraph = 0
  let offset = 0
  let span = 0
  let sentenceOpen = false
  const closeSentence = () => {
    const last = sentences.at(-1)
    if (sentenceOpen && last) last.last = tokens.length - 1
    sentenceOpen = false
  }
  for (let i = 0; i < words.length; i++) {
    offset += (spaces[i] ?? '').length
    const word = words[i] ?? ''
    const start = offset
    offset += word.length
    while (span < spans.length && (spans[span]?.[1] ?? 0) < i) span++
    const startsSentence = spans[span]?.[0] === i
    const tag = tags[i] ?? 'X'
    if (tag === 'SPACE' || word.trim() === '') continue
    while (paragraph + 1 < offsets.length && start >= (offsets[paragraph + 1] ?? 0)) {
      paragraph++
      closeSentence()
    }
    if (startsSentence) closeSentence()
    if (!sentenceOpen) {
      sentences.push({ paragraph, first: tokens.length, last: tokens.length })
      sentenceOpen = true
    }
    if (paragraphStart[paragraph] === -1) paragraphStart[paragraph] = tokens.length
    const written = folded ? original.slice(start, start + word.length) : word
    const lower = written.toLowerCase()
    tokens.push({
      text: written,
      lower,
      lemma: lemmas[i] ?? word.toLowerCase(),
      pos: tag,
      start,
      end: start + word.length,
      paragraph,
      sentence: sentences.length - 1,
    })
  }
  closeSentence()
  // A paragraph without tokens (all quotation) starts where the next one does.
  for (let p = paragraphStart.length - 1; p >= 0; p--) {
    if (paragraphStart[p] === -1) paragraphStart[p] = paragraphStart[p + 1] ?? tokens.length
  }
  return { tokens, sentences, paragraphStart }
}
