/**
 * Personal names in narrative text: runs of capitalised words, split into a role written
 * before the name ("Foreign Minister Anna Berg") and the name itself, and the roles written
 * around a name ("Anna Berg, the foreign minister", "the group's negotiator, Anna Berg,").
 */

import {
  HONORIFICS,
  NAME_PARTICLES,
  NOT_NAME_WORDS,
  ORGANISATION_WORDS,
  ROLE_NOUNS,
  TITLE_WORDS,
} from './lexicon'

/** A run of capitalised words in a text, e.g. "Veskarian Foreign Minister Anton Reyes". */
export interface NameRun {
  start: number
  end: number
  tokens: string[]
}

/** What a run of capitalised words says about a person: a name, a role, or both. */
export interface NamedRole {
  name: string | null
  role: string | null
}

const TOKEN = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu
const POSSESSIVE = /['’]s?$/u

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word)
}

/** A word's trailing full stop is part of it only for abbreviations and initials. */
function keepsStop(word: string): boolean {
  return TITLE_WORDS.has(word) || HONORIFICS.has(word) || /^\p{Lu}\.$/u.test(word)
}

/** Runs of capitalised words (with name particles and title "of" inside) in `text`. */
export function capitalisedRuns(text: string): NameRun[] {
  const runs: NameRun[] = []
  let tokens: string[] = []
  let joiners: string[] = []
  let start = 0
  let end = 0
  let lastEnd = 0
  const finish = () => {
    if (tokens.length > 0) runs.push({ start, end, tokens })
    tokens = []
    joiners = []
  }
  for (const match of text.matchAll(TOKEN)) {
    const at = match.index
    if (tokens.length > 0 && !/^ +$/.test(text.slice(lastEnd, at))) finish()
    let word = match[0]
    let endsRun = false
    if (word.endsWith('.') && !keepsStop(word)) {
      word = word.replace(/\.+$/, '')
      endsRun = true
    }
    if (POSSESSIVE.test(word) && word.length > 2) {
      word = word.replace(POSSESSIVE, '')
      endsRun = true
    }
    if (!isCapitalised(word)) {
      const previous = tokens.at(-1)
      const joins =
        previous !== undefined &&
        !endsRun &&
        (NAME_PARTICLES.has(word) || (word === 'of' && isTitleOrOrganisation(previous)))
      if (!joins) {
        finish()
        continue
      }
      joiners.push(word)
      lastEnd = at + match[0].length
      continue
    }
    if (tokens.length === 0) start = at
    tokens.push(...joiners, word)
    joiners = []
    end = at + word.length
    lastEnd = at + match[0].length
    if (endsRun) finish()
  }
  finish()
  // Sentence-initial capitals ("The", "According") are not part of a name.
  return runs.flatMap((run) => {
    const first = run.tokens.findIndex((t) => !NOT_NAME_WORDS.has(t))
    if (first <= 0) return first === 0 ? [run] : []
    const tokens = run.tokens.slice(first)
    return [{ start: text.indexOf(tokens[0] ?? '', run.start), end: run.end, tokens }]
  })
}

function isTitleOrOrganisation(word: string): boolean {
  return TITLE_WORDS.has(word) || ORGANISATION_WORDS.has(word.toLowerCase())
}

/** Whether the words look like an organisation rather than a person (acronyms included). */
export function isOrganisation(tokens: readonly string[]): boolean {
  return tokens.some(
    (t) =>
      ORGANISATION_WORDS.has(t.toLowerCase()) ||
      // An acronym, unless it is a title ("CEO Tim Cook", "MP Jo Cox").
      (/^\p{Lu}{2,}$/u.test(t) && !TITLE_WORDS.has(t) && !HONORIFICS.has(t)),
  )
}

/**
 * Splits a run into the role written before the name and the name: the last title word and
 * everything before it form the role ("Veskarian Foreign Minister" + "Anton Reyes"). After a
 * title's "of", all but the last two words still belong to the role ("Secretary of State
 * Jane Doe").
 */
function isRoleWord(word: string): boolean {
  const lower = word.toLowerCase()
  const singular = lower.endsWith('s') ? lower.slice(0, -1) : lower
  return ROLE_NOUNS.has(lower) || ROLE_NOUNS.has(singular)
}

export function splitRoleAndName(tokens: readonly string[]): NamedRole {
  let lastTitle = -1
  tokens.forEach((token, i) => {
    // A capitalised role noun before a name is a title too ("Google Stadia Founder Jade
    // Raymond", "Singer-guitarist Tom Johnston").
    const roleWord = i < tokens.length - 1 && token.split('-').some((part) => isRoleWord(part))
    if (TITLE_WORDS.has(token) || HONORIFICS.has(token) || roleWord) lastTitle = i
  })
  let nameStart = lastTitle + 1
  // Four or more words and no known title: an unknown title ("Harbor Master Ida Falk") or an
  // employer ("Nordhavn Shipping analyst") leads; the name is the last two words.
  const particles = tokens.some((t) => NAME_PARTICLES.has(t))
  if (lastTitle < 0 && tokens.length >= 4 && !particles) nameStart = tokens.length - 2
  if (tokens[nameStart] === 'of') {
    // "Minister of Defence" names a portfolio; a name follows only in longer runs.
    if (tokens.length - nameStart <= 3) return { name: null, role: tokens.join(' ') }
    nameStart = tokens.length - 2
  }
  const roleTokens = tokens.slice(0, nameStart).filter((t) => !HONORIFICS.has(t))
  const nameTokens = tokens.slice(nameStart)
  const role = roleTokens.length > 0 ? roleTokens.join(' ') : null
  if (nameTokens.length === 0 || nameTokens.length > 5) return { name: null, role }
  if (isOrganisation(nameTokens) || nameTokens.every((t) => NOT_NAME_WORDS.has(t))) {
    return { name: null, role }
  }
  if (!isCapitalised(nameTokens[0] ?? '')) return { name: null, role }
  return { name: nameTokens.join(' '), role }
}

const ROLE_STOPS = new Set(
  'the a an by of to for with said says told and or in on at from that as but according his her their its'.split(
    ' ',
  ),
)

/** A lower-case role written straight before a name ("spokesperson Mira Lahti"). */
export function roleBefore(text: string, runStart: number): string | null {
  // Only words and spaces may stand between the role and the name: "chief engineer, Ole" is an
  // apposition (roleBeforeComma), not a title.
  const lead = /(?:[\p{L}'’-]+\s+){1,5}$/u.exec(text.slice(Math.max(0, runStart - 80), runStart))
  const words = lead?.[0].trim().split(/\s+/)
  if (!words) return null
  const last = words.at(-1) ?? ''
  if (!ROLE_NOUNS.has(last)) return null
  const role = [last]
  for (let i = words.length - 2; i >= 0 && role.length < 4; i--) {
    const word = words[i] ?? ''
    // "Opposition leader", "EU foreign policy chief": a capitalised qualifier belongs too.
    if (ROLE_STOPS.has(word.toLowerCase()) || NOT_NAME_WORDS.has(word)) break
    role.unshift(word)
  }
  return role.join(' ')
}

function stripArticle(phrase: string): string {
  return phrase.replace(/^(?:a|an|the|one|another|his|her|their|its)\s+/i, '').trim()
}

function hasRoleNoun(phrase: string): boolean {
  return phrase
    .toLowerCase()
    .split(/[\s-]+/)
    .some((w) => ROLE_NOUNS.has(w.replace(/['’]s?$/, '')))
}

/** A role in apposition after a name: "Anna Berg, the foreign minister, said". */
export function appositiveRole(text: string, runEnd: number): string | null {
  const match = /^,\s+([^,;:!?“”"]{2,140}?)(?=,|;|\.(?:\s|$)|$)/u.exec(text.slice(runEnd))
  const phrase = match?.[1]?.trim()
  if (!phrase || phrase.split(/\s+/).length > 16) return null
  const first = phrase.split(/\s+/)[0] ?? ''
  if (/^(?:who|which|whose|whom|that|said|says|told|adding|saying)$/i.test(first)) return null
  if (/ing$/.test(first) && !/^(?:a|an|the)$/i.test(first)) return null
  if (!hasRoleNoun(phrase)) return null
  return stripArticle(phrase)
}

/** A role in apposition before a name: "The centre's director, Aylin Demir, said". */
export function roleBeforeComma(text: string, runStart: number, runEnd: number): string | null {
  if (!/^\s*,/.test(text.slice(runEnd))) return null
  const before = text.slice(0, runStart)
  const match =
    /(?:^|[.;:!?]\s+|,\s+)((?:the|a|an)\s+[^,.;:!?]{1,80}?|\p{Lu}[^,.;:!?]{1,80}?),\s*$/iu.exec(
      before,
    )
  const phrase = match?.[1]?.trim()
  if (!phrase) return null
  const last = phrase.split(/\s+/).at(-1)?.toLowerCase() ?? ''
  if (!ROLE_NOUNS.has(last)) return null
  if (/^(?:in|on|at|to|for|with|from|after|before|during)\s/i.test(phrase)) return null
  const words = phrase.split(/\s+/)
  while (words.length > 1 && NOT_NAME_WORDS.has(words[0] ?? '')) words.shift()
  return stripArticle(words.join(' '))
}

/** Title-cases a label word written in capitals ("LAHTI" -> "Lahti", "O'BRIEN" -> "O'Brien"). */
export function titleCase(word: string): string {
  return word.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep, ch) => sep + ch.toUpperCase())
}
