/**
 * The passwords people pick most, refused when a password is set. The list is the one
 * zxcvbn-ts ships (@zxcvbn-ts/language-common, MIT): about 49,000 passwords, lower-cased,
 * each seen more than ten times in Mark Burnett's corpus of ten million leaked passwords,
 * most frequent first. It is compared lower-cased, as it was built.
 */
import { dictionary } from '@zxcvbn-ts/language-common'

const COMMON: ReadonlySet<string> = new Set(dictionary['passwords-common'])

/** How many passwords the list holds, for messages and tests. */
export const COMMON_PASSWORD_COUNT = COMMON.size

/** Whether `password` is on the list, in any capitalisation. */
export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.normalize('NFKC').toLowerCase())
}
