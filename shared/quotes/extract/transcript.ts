/**
 * Transcripts: paragraphs that open with a speaker label ("MS. LAHTI:", "Q:", "QUESTION (Meridian
 * Wire):", "Mira Lahti:"). In a transcript the quotable passages are the named speakers' turns,
 * whether or not they carry quotation marks. Questions from the floor and a moderator's
 * procedural lines are nobody's quotable statement.
 */

import { HONORIFICS, NOT_NAME_WORDS, TITLE_WORDS } from './lexicon'
import { titleCase } from './names'

/** Who a labelled turn belongs to. */
export type TurnKind = 'speaker' | 'question' | 'procedural'

/** A speaker label at the start of a paragraph. */
export interface SpeakerLabel {
  /** The label as written, without affiliation or colon ("MS. LAHTI"). */
  label: string
  /** A parenthesised affiliation ("Meridian Wire"), if any. */
  affiliation: string | null
  /** A description after a comma, as broadcast transcripts write it ("HOST", "BYLINE"). */
  description: string | null
  /** Index in the paragraph where the turn's words start. */
  end: number
  kind: TurnKind
  /** Whether the label is in capitals, the usual convention of official transcripts. */
  upperCase: boolean
}

// A label may stand alone on its line ("STEVE INSKEEP, HOST:"), the turn following it.
const UPPER_LABEL =
  /^((?:[\p{Lu}][\p{Lu}\p{M}.'’-]*)(?:[ \t]+[\p{Lu}][\p{Lu}\p{M}.'’-]*){0,4})(?:,[ \t]*(\p{Lu}[\p{Lu}\p{M} .'’-]{1,40}?))?(?:\s*\(([^)]{1,80})\))?[ \t]*:(?:\s+|$)/u
const MIXED_LABEL =
  /^((?:[\p{Lu}][\p{L}\p{M}.'’-]*)(?:[ \t]+[\p{Lu}][\p{L}\p{M}.'’-]*){0,3})()(?:\s*\(([^)]{1,80})\))?:(?:\s+|$)/u

const QUESTION_LABEL =
  /^(?:Q\.?|QUESTIONS?|REPORTERS?|JOURNALISTS?|AUDIENCE(?: MEMBER)?|PARTICIPANT|CORRESPONDENT|INTERVIEWER|PRESS|MEDIA)$/i
const QUESTION_WORD = /\b(?:REPORTER|JOURNALIST|QUESTION|CORRESPONDENT)\b/i
const ANSWER_LABEL = /^(?:A\.?|ANSWER)$/i
const PROCEDURAL_LABEL = /^(?:MODERATOR|OPERATOR|CHAIR(?:MAN|PERSON)?|HOST)$/i

/** Words that end in a colon at a paragraph start without being anyone speaking. */
const NOT_LABELS = new Set(
  [
    "note|update|updated|correction|editor’s note|editor's note|source|sources|photo|video|watch",
    'read|related|see also|warning|disclaimer|summary|background|context|analysis|opinion',
    'breaking|exclusive|live|contact|media contact|tags|topics|share|email|tel|phone|fax|web',
    'website|follow|subscribe|advertisement|date|time|location|venue|subject|re|attachment',
    'keywords|dateline|byline|headline|caption|credit|credits|transcript|also|and|but|so',
  ]
    .join('|')
    .split('|'),
)

/** The speaker label a paragraph opens with, if any. */
export function parseSpeakerLabel(paragraph: string): SpeakerLabel | null {
  const upper = UPPER_LABEL.exec(paragraph)
  const match = upper ?? MIXED_LABEL.exec(paragraph)
  if (!match) return null
  const label = (match[1] ?? '').trim()
  if (NOT_LABELS.has(label.toLowerCase())) return null
  if (label.replace(/[^\p{L}]/gu, '').length < 2 && !/^[QA]\.?$/.test(label)) return null
  const description = match[2]?.trim() || null
  const affiliation = match[3]?.trim() ?? null
  let kind: TurnKind = 'speaker'
  if (QUESTION_LABEL.test(label) || QUESTION_WORD.test(label)) kind = 'question'
  else if (PROCEDURAL_LABEL.test(label)) kind = 'procedural'
  return { label, affiliation, description, end: match[0].length, kind, upperCase: upper !== null }
}

/**
 * Whether the paragraphs read as a transcript: several open with speaker labels, and either a
 * label recurs or questions alternate with answers.
 */
export function looksLikeTranscript(paragraphs: readonly string[]): boolean {
  const labels = paragraphs.map(parseSpeakerLabel).filter((l): l is SpeakerLabel => l !== null)
  if (labels.length < 2 || labels.length < paragraphs.length * 0.25) return false
  const counts = new Map<string, number>()
  // "STEVE INSKEEP, HOST:" and later "INSKEEP:" are one speaker: labels recur by surname.
  for (const l of labels) {
    const key = l.label.toUpperCase().split(/\s+/).at(-1) ?? ''
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const recurs = [...counts.values()].some((n) => n > 1)
  const hasQuestions = labels.some((l) => l.kind === 'question')
  return recurs || (hasQuestions && labels.length >= 2)
}

/** The name and role a speaker label gives: "MS. LAHTI" -> Lahti; "SECRETARY BLINKEN" -> Blinken, Secretary. */
export function nameFromLabel(label: string): { name: string | null; role: string | null } {
  // "A:" answers in a Q&A; who answers is for the reader of the introduction to tell.
  if (ANSWER_LABEL.test(label)) return { name: null, role: null }
  const words = label.split(/\s+/).map(titleCase)
  const named = words.filter((w) => !HONORIFICS.has(w) && !HONORIFICS.has(`${w}.`))
  const role = named.filter((w) => TITLE_WORDS.has(w) || TITLE_WORDS.has(`${w}.`))
  const name = named.filter((w) => !role.includes(w) && !NOT_NAME_WORDS.has(w))
  if (name.length > 0)
    return { name: name.join(' '), role: role.length > 0 ? role.join(' ') : null }
  // "THE PRESIDENT:" names an office holder; the label is the best name the text gives.
  return { name: named.length > 0 ? named.join(' ') : null, role: null }
}
