/**
 * What the words of a capitalised run say: a role written before a name ("Foreign Minister
 * Anna Berg") and the name itself, or an organisation's name; and a label word written in
 * capitals, title-cased.
 */

import {
  HONORIFICS,
  NAME_PARTICLES,
  NOT_NAME_WORDS,
  ORGANISATION_WORDS,
  ROLE_NOUNS,
  TITLE_WORDS,
} from './lexicon'

/** What a run of capitalised words says about a person: a name, a role, or both. */
export interface NamedRole {
  name: string | null
  role: string | null
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word)
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

/** Title-cases a label word written in capitals ("LAHTI" -> "Lahti", "O'BRIEN" -> "O'Brien"). */
export function titleCase(word: string): string {
  return word.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_m, sep, ch) => sep + ch.toUpperCase())
}
