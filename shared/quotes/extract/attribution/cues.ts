/**
 * Attribution cues: where, around a quotation, the narrative says who spoke.
 *
 * After the closing mark: `, said X`, `, X said`, `? X asked` (after a comma, question or
 * exclamation mark any verb reports: "remembers", "instructed", "pressed"), `... in that law, X
 * said.` at the end of the sentence, `according to X`. Before the opening mark: `X said (that)`,
 * `X told reporters:`, `X, 68, who has lived here for years, said:`, `X called it`, `In X's
 * words,`, `According to X,`, and any clause ending in a colon ("X summed it up:"). A sentence
 * ending in a colon introduces the quotation that opens the next one.
 *
 * Cues read tokens of the masked narrative, so nothing inside a quotation is taken for one.
 */

import type { Mention } from '../entities/collect'
import { SPEECH_LEMMAS } from '../lexicon'
import type { TaggedBody } from '../text/tagger'
import { readSpeakerPhrase, type SpeakerPhrase } from './speakerPhrase'

/** How a cue relates to its quotation. */
export type CueMethod = 'after' | 'before' | 'introducer' | 'according-to'

/** A cue: the phrase naming the speaker and the tokens of the whole cue. */
export interface Cue {
  /** Null when the cue names nobody the text identifies ("one asked"). */
  phrase: SpeakerPhrase | null
  method: CueMethod
  /** The cue's verb reports speech ("said", "asked"), not just any act ("remembers"). */
  speech: boolean
  /** Token range of the cue (verb and phrase). */
  first: number
  last: number
}

const SENTENCE_END = new Set(['.', '!', '?'])
const NP_START = new Set(['PROPN', 'PRON', 'DET', 'NOUN', 'ADJ', 'NUM'])
const VERB_MODIFIERS = new Set(['ADV', 'AUX', 'PART'])
const NOT_INVERTED_OBJECT = new Set(['that', 'it', 'to', 'this', 'so', 'nothing', 'something'])

/** What cue finding needs of the body. */
export interface CueContext {
  tagged: TaggedBody
  mentionAt: Map<number, Mention>
}

function isSpeech(ctx: CueContext, k: number): boolean {
  const token = ctx.tagged.tokens[k]
  if (token === undefined || token.pos !== 'VERB' || !SPEECH_LEMMAS.has(token.lemma)) return false
  // A passive ("the participants were asked") reports what was said to its subject.
  let aux = k - 1
  while (ctx.tagged.tokens[aux]?.pos === 'ADV') aux--
  const auxiliary = ctx.tagged.tokens[aux]
  return !(
    auxiliary?.pos === 'AUX' &&
    auxiliary.lemma === 'be' &&
    /(?:ed|en|wn|ld|id)$/.test(token.lower)
  )
}

function isVerb(ctx: CueContext, k: number): boolean {
  return ctx.tagged.tokens[k]?.pos === 'VERB'
}

/** The index past a relative clause opened at `k` (", who ... ,"), or k if none opens there. */
function skipRelative(ctx: CueContext, k: number, end: number): number {
  const { tokens } = ctx.tagged
  if (tokens[k]?.text !== ',' || !/^(?:who|whose|which)$/i.test(tokens[k + 1]?.text ?? '')) return k
  for (let j = k + 2; j < end; j++) if (tokens[j]?.text === ',') return j
  return k
}

/**
 * The first verb after a subject starting at `from`, skipping appositions and relative clauses
 * between commas; -1 if another clause starts first.
 */
function verbAfterSubject(ctx: CueContext, from: number, end: number): number {
  const { tokens } = ctx.tagged
  let commas = 0
  for (let k = from; k < end; k++) {
    const skipped = skipRelative(ctx, k, end)
    if (skipped !== k) {
      k = skipped
      continue
    }
    const token = tokens[k]
    if (!token) return -1
    if (token.text === ',') {
      if (++commas > 6) return -1
      continue
    }
    if (token.pos === 'VERB' && !hyphenPiece(ctx, k)) return k
    if (SENTENCE_END.has(token.text) || token.text === ';' || token.text === ':') return -1
    if (token.pos === 'SCONJ' || (token.pos === 'PRON' && /^(?:that|which)$/i.test(token.text)))
      return -1
  }
  return -1
}

/** Trims auxiliaries, adverbs and commas off the end of a subject range. */
function trimSubject(ctx: CueContext, from: number, to: number): number {
  let end = to
  while (end >= from) {
    const token = ctx.tagged.tokens[end]
    if (!token || !(VERB_MODIFIERS.has(token.pos) || token.text === ',')) break
    end--
  }
  return end
}

/** Where the clause after a closing mark ends (exclusive): its sentence end or the next quotation. */
function clauseEnd(ctx: CueContext, from: number, limit: number): number {
  const { tokens } = ctx.tagged
  const paragraph = tokens[from]?.paragraph
  let k = from
  while (k < limit && tokens[k]?.paragraph === paragraph) {
    if (SENTENCE_END.has(tokens[k]?.text ?? '')) return k
    k++
  }
  return k
}

function phrase(ctx: CueContext, from: number, to: number): SpeakerPhrase | null {
  return to >= from ? readSpeakerPhrase(ctx.tagged, ctx.mentionAt, from, to) : null
}

/** "according to X" in tokens from..end, with the phrase after it. */
function accordingTo(ctx: CueContext, from: number, end: number): Cue | null {
  const { tokens } = ctx.tagged
  for (let k = from; k + 1 < end; k++) {
    if (tokens[k]?.lower !== 'according' || tokens[k + 1]?.lower !== 'to') continue
    let stop = k + 2
    while (stop < end && tokens[stop]?.text !== ',' && !SENTENCE_END.has(tokens[stop]?.text ?? ''))
      stop++
    const found = phrase(ctx, k + 2, stop - 1)
    if (found)
      return { phrase: found, method: 'according-to', speech: true, first: k, last: stop - 1 }
  }
  return null
}

/**
 * The cue after a quotation whose closing mark is token `close`. `anyVerb`: the quotation ended
 * in a comma, question or exclamation mark, so any verb in the cue slot reports it. `limit` is
 * the token index where the next quotation opens.
 */
export function cueAfter(
  ctx: CueContext,
  close: number,
  anyVerb: boolean,
  limit: number,
): Cue | null {
  const { tokens } = ctx.tagged
  let i = close + 1
  if (tokens[i]?.paragraph !== tokens[close]?.paragraph) return null
  const end = clauseEnd(ctx, i, limit)
  // "…” Smith agreed: “…”": a clause ending in a colon introduces the next quotation.
  if (tokens[end - 1]?.text === ':') return null
  if (tokens[i]?.text === ',') i++
  // Inverted: ", said Anna Berg", ", instructed Milton Velez".
  let v = i
  while (tokens[v]?.pos === 'ADV') v++
  // The tagger reads some verbs of saying as nouns ("…,” comments Johnston in a statement).
  const nounVerb = v === i && tokens[v]?.pos === 'NOUN' && SPEECH_LEMMAS.has(tokens[v]?.lemma ?? '')
  if (
    (isVerb(ctx, v) || nounVerb) &&
    (isSpeech(ctx, v) || nounVerb || anyVerb) &&
    !NOT_INVERTED_OBJECT.has(tokens[v + 1]?.lower ?? '')
  ) {
    const found = phrase(ctx, v + 1, end - 1)
    if (found && found.first === v + 1)
      return {
        phrase: found,
        method: 'after',
        speech: isSpeech(ctx, v) || nounVerb,
        first: v,
        last: found.last,
      }
  }
  // Subject first: ", Anna Berg said", "? Rothman recalls thinking".
  if (NP_START.has(tokens[i]?.pos ?? '') || /^\p{Lu}/u.test(tokens[i]?.text ?? '')) {
    const verb = verbAfterSubject(ctx, i, end)
    if (verb >= 0 && (isSpeech(ctx, verb) || anyVerb)) {
      const found = phrase(ctx, i, trimSubject(ctx, i, verb - 1))
      if (found)
        return { phrase: found, method: 'after', speech: isSpeech(ctx, verb), first: i, last: verb }
    }
  }
  const according = accordingTo(ctx, i, end)
  if (according) return according
  // At the sentence's end: "…” in that law, Azzouz said." / "…” announced in October, said
  // Derek Scissors, a China scholar."
  for (let c = end - 1; c > i; c--) {
    if (tokens[c]?.text !== ',') continue
    if (isSpeech(ctx, c + 1) && !NOT_INVERTED_OBJECT.has(tokens[c + 2]?.lower ?? '')) {
      const inverted = phrase(ctx, c + 2, end - 1)
      if (inverted && inverted.first === c + 2)
        return {
          phrase: inverted,
          method: 'after',
          speech: true,
          first: c + 1,
          last: inverted.last,
        }
    }
    const verb = verbAfterSubject(ctx, c + 1, end)
    if (verb < 0 || !isSpeech(ctx, verb)) continue
    // Only the phrase right before the verb: in "in Munich, Germany, and co-author of the
    // study, said" nothing after the last comma names anyone, and "Germany" is not the subject.
    if (tokens.slice(c + 1, verb).some((t) => t.text === ',')) continue
    const found = phrase(ctx, c + 1, trimSubject(ctx, c + 1, verb - 1))
    if (found) return { phrase: found, method: 'after', speech: true, first: c + 1, last: verb }
  }
  return null
}

/**
 * A verb of saying the tagger read as a noun ("and whispers, “…”"): the last word before the
 * mark, with only a comma or colon between.
 */
function speechNounBeforeMark(ctx: CueContext, k: number, open: number): boolean {
  const token = ctx.tagged.tokens[k]
  if (token?.pos !== 'NOUN' || !SPEECH_LEMMAS.has(token.lemma)) return false
  const between = ctx.tagged.tokens.slice(k + 1, open).map((t) => t.text)
  return between.length === 1 && (between[0] === ',' || between[0] === ':')
}

/** Segments of tokens from..to split at commas. */
function commaSegments(ctx: CueContext, from: number, to: number): [number, number][] {
  const out: [number, number][] = []
  let start = from
  for (let k = from; k <= to + 1; k++) {
    if (k > to || ctx.tagged.tokens[k]?.text === ',') {
      if (k - 1 >= start) out.push([start, k - 1])
      start = k + 1
    }
  }
  return out
}

const LEADING_ADVERBIAL = new Set(['ADP', 'SCONJ', 'VERB', 'ADV', 'NUM', 'CCONJ'])
const CLAUSAL = new Set(['VERB', 'AUX', 'SCONJ'])

function hasClause(ctx: CueContext, from: number, to: number): boolean {
  for (let k = from; k <= to; k++)
    if (CLAUSAL.has(ctx.tagged.tokens[k]?.pos ?? '') && !hyphenPiece(ctx, k)) return true
  return false
}

/** A word glued to a hyphen before it: "ranked" in "the 14th-ranked Schwartzman". */
function hyphenPiece(ctx: CueContext, k: number): boolean {
  const previous = ctx.tagged.tokens[k - 1]
  return previous?.text === '-' && previous.end === ctx.tagged.tokens[k]?.start
}

/** The last name mentioned in tokens from..to, as a phrase. */
function lastName(ctx: CueContext, from: number, to: number): SpeakerPhrase | null {
  for (let k = to; k >= from; k--) {
    const mention = ctx.mentionAt.get(k)
    if (mention && mention.entity.kind !== 'organisation')
      return { kind: 'name', mention, first: mention.first, last: mention.last }
  }
  return null
}

/**
 * The subject of the clause starting at `from`: introductory adverbials ("Speaking at the
 * press conference,") skipped, up to its first verb.
 */
function clauseSubject(ctx: CueContext, from: number, to: number): SpeakerPhrase | null {
  const parts = commaSegments(ctx, from, to)
  let start = 0
  while (start < parts.length - 1) {
    const first = ctx.tagged.tokens[parts[start]?.[0] ?? 0]
    if (!first || !LEADING_ADVERBIAL.has(first.pos)) break
    start++
  }
  const head = parts[start]
  if (!head) return null
  const verb = verbAfterSubject(ctx, head[0], to + 2)
  const end = verb >= 0 ? trimSubject(ctx, head[0], verb - 1) : head[1]
  return phrase(ctx, head[0], end)
}

/**
 * The subject of a verb at `verb` whose clause starts at `from`. The noun phrase right before
 * the verb, past appositions ("Parata, 75,"), relative clauses ("X, who has lived here for
 * years,") and roles ("Lee, the party's leader,"); else, for a verb coordinated with another
 * ("He places it on the table and whispers,"), the clause's own subject.
 */
function subjectOf(ctx: CueContext, from: number, verb: number): SpeakerPhrase | null {
  const { tokens } = ctx.tagged
  const end = trimSubject(ctx, from, verb - 1)
  if (end < from) return null
  const parts = commaSegments(ctx, from, end)
  // The noun phrases in apposition before the verb, nearest first, back to a clause.
  const candidates: SpeakerPhrase[] = []
  for (let i = parts.length - 1; i >= 0; i--) {
    const [a, b] = parts[i] as [number, number]
    const first = tokens[a]
    if (/^(?:who|whose)$/i.test(first?.text ?? '')) {
      if (candidates.length > 0) break
      // The relative clause's antecedent, past an age: "Priya Shah, 67, whose home flooded".
      let j = i - 1
      while (j > 0 && parts[j]?.[0] === parts[j]?.[1] && tokens[parts[j]?.[0] ?? 0]?.pos === 'NUM')
        j--
      const antecedent = parts[j]
      if (!antecedent) return null
      // "Prime Minister Ilse Varga of Talvonia, whose ...": the phrase's head if it names
      // someone; else, as in "welcomed by spokesperson Maria Lund, who said", its last name.
      return (
        phrase(ctx, antecedent[0], antecedent[1]) ?? lastName(ctx, antecedent[0], antecedent[1])
      )
    }
    // An age between commas ("Parata, 75,") belongs to the name before it.
    if (a === b && first?.pos === 'NUM') continue
    if (hasClause(ctx, a, b)) break
    const found = phrase(ctx, a, b)
    if (found) candidates.push(found)
  }
  if (candidates.length === 0) return clauseSubject(ctx, from, end)
  // The head comes first and its appositions after it ("Steve Menet, Senior Vice President of
  // Sales for Dräger, Inc., says"): the leftmost person named; else the leftmost role.
  const leftmost = [...candidates].reverse()
  return (
    leftmost.find((c) => c.kind === 'name' && c.mention.entity.kind !== 'organisation') ??
    leftmost.find((c) => c.kind === 'role' || c.kind === 'pronoun') ??
    leftmost[0] ??
    null
  )
}

/**
 * The cue before a quotation whose opening mark is token `open`, in the clause from `from`
 * (its sentence start, or the end of the previous quotation).
 */
export function cueBefore(ctx: CueContext, from: number, open: number): Cue | null {
  const { tokens } = ctx.tagged
  if (open <= from) return null
  const according = accordingTo(ctx, from, open)
  if (according) return according
  // "In Dr. Shadlen's words,"
  for (let k = from; k + 2 < open; k++) {
    const mention = ctx.mentionAt.get(k)
    if (!mention || tokens[mention.last]?.text.match(/^['’]s?$/) === null) continue
    if (tokens[mention.last + 1]?.lower === 'words' && tokens[mention.first - 1]?.lower === 'in')
      return {
        phrase: { kind: 'name', mention, first: mention.first, last: mention.last },
        method: 'before',
        speech: true,
        first: k - 1,
        last: mention.last + 1,
      }
  }
  let verb = -1
  for (let k = open - 1; k >= from; k--) {
    if (isSpeech(ctx, k) || speechNounBeforeMark(ctx, k, open)) {
      verb = k
      break
    }
  }
  if (verb >= 0) {
    // "..., saying the plan was": a participle's subject is its sentence's subject.
    const found = subjectOf(ctx, from, verb)
    if (found)
      return { phrase: found, method: 'before', speech: true, first: found.first, last: verb }
  }
  // A clause ending in a colon introduces what follows: "Schultze summed it up:".
  let last = open - 1
  while (last >= from && tokens[last]?.text === '') last--
  if (tokens[last]?.text === ':') {
    const firstVerb = verbAfterSubject(ctx, from, last)
    const found = firstVerb > from ? subjectOf(ctx, from, firstVerb) : phrase(ctx, from, last - 1)
    if (found)
      return { phrase: found, method: 'introducer', speech: false, first: found.first, last }
  }
  return null
}

/** The cue of a sentence that ends in a colon, introducing a quotation that follows it. */
export function cueOfIntroducer(ctx: CueContext, sentence: number): Cue | null {
  const s = ctx.tagged.sentences[sentence]
  if (!s) return null
  const { tokens } = ctx.tagged
  let last = s.last
  while (last > s.first && ['“', '"', '‘'].includes(tokens[last]?.text ?? '')) last--
  if (tokens[last]?.text !== ':') return null
  const cue = cueBefore(ctx, s.first, last + 1)
  return cue ? { ...cue, method: 'introducer' } : null
}
