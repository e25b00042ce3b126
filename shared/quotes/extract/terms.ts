/**
 * Quoted spans that are nobody's words: scare quotes and terms ("so-called “metadata”",
 * "“freeze-thaw” cycles"), epithets in apposition ("Lorenz, “the father of chaos,” started"),
 * glosses ("“mkono wa damu,” or “the man with the bloody hand,”") and imagined speech ("as if
 * to say “…”"). They may be listed as terms, never offered as someone's quotation.
 *
 * Each rule reads the narrative around the span (masked text), never the span's own words,
 * except for its length: a term is short.
 */

import { SPEECH_VERBS } from './lexicon'

/** Terms are this short; a longer span is read as speech whatever stands around it. */
export const MAX_TERM_WORDS = 6

/** The narrative around a span, as extraction sees it. */
export interface SpanSurroundings {
  /** The span's words. */
  text: string
  /** The clause before the opening mark (masked). */
  pre: string
  /** The rest of the sentence after the closing mark (masked). */
  post: string
  /** The span directly before this one in the sentence was a term or a title. */
  afterTerm: boolean
  /** The tagger's part of speech for the word right after the closing mark, if one follows. */
  nextPos: string | null
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
}

/** Words that announce a term rather than a quotation. */
const TERM_INTRODUCER =
  /\b(?:so-called|so called|self-styled|self-proclaimed|supposed|alleged|the words?|the terms?|the phrase|the expression|the label|the nickname|the slogan|the motto|the hashtag|the moniker|known as|referred to as|also called|what (?:some|many|others|they|he|she|we|critics|experts) (?:call|calls|called|dub|dubbed|term|termed))\s*$/i
/** Imagined or hypothetical speech: nobody said it ("as if to say", "as Sherlock would say"). */
const IMAGINED =
  /(?:\b(?:as if|as though|almost as if)\s+(?:to say|saying|(?:he|she|they|it) (?:were|was) saying)|\b(?:would|might|could)\s+(?:have\s+)?(?:say|said|put it|ask|asked)\b[^.;]{0,40}?)\s*[,:]?\s*$/i
/** A name given to something: "dubbed Sondland's role “the Gordon problem”". */
const NAMING =
  // "the technique called “X”": a name given by the writer, after a noun.
  /(?:\b(?:the|a|an)\s+[\p{L}-]+\s+(?:called|known as)\s*$)|\b(?:dub|dubs|dubbed|nicknamed?|christened|branded|label(?:l?ed)?|termed|named|coined)\b(?:\s+[^,.;:!?]{0,60}?)?(?:\s+as)?\s*,?\s*$/iu
/** Words carried on signs or chanted by a crowd: slogans, not anybody's statement. */
const SLOGAN =
  /\b(?:chant(?:s|ed|ing)?|sang|sing(?:s|ing)?|signs?|banners?|placards?|posters?|t-shirts?|shirts?|slogans?|hats?|stickers?)\b[^.;:!?]{0,40}?(?:\b(?:reading|read|that read|saying|with the words?|emblazoned with|bearing))?\s*[,:]?\s*$/i

/** Whether a quoted span is a term, a gloss, an epithet or imagined speech. */
export function isTerm(s: SpanSurroundings): boolean {
  const words = wordCount(s.text)
  if (IMAGINED.test(s.pre)) return true
  if (words > MAX_TERM_WORDS) return false
  if (TERM_INTRODUCER.test(s.pre) || NAMING.test(s.pre) || SLOGAN.test(s.pre)) return true
  // A quoted word or two used as a modifier: "“freeze-thaw” cycles", "the ‘A-ha’ moment".
  // An exclamation stays a term ("“eureka!” moments"); a comma or stop ends an utterance.
  const punctuated = /[.,;:…]$/.test(s.text.trimEnd())
  if (words <= 3 && !punctuated && s.nextPos === 'NOUN' && /^\s*\p{Ll}/u.test(s.post)) return true
  // An epithet between commas after a name: "Lorenz, “the father of chaos,” started".
  const reported = s.pre.split(/[^\p{L}]+/u).some((w) => SPEECH_VERBS.has(w.toLowerCase()))
  if (
    !reported &&
    /\p{Lu}[\p{L}'’-]*,\s*$/u.test(s.pre) &&
    /^\s*,?\s*\p{Ll}/u.test(s.post) &&
    /^\p{Ll}/u.test(s.text)
  ) {
    return true
  }
  // A gloss after a term: "“mkono wa damu,” or “the man with the bloody hand,”".
  if (s.afterTerm && /\b(?:or|meaning|i\.e\.)\s*,?\s*$/i.test(s.pre)) return true
  return false
}
