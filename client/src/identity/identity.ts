/**
 * How a person appears to others while editing: their account name and a colour derived from
 * their account id, so everyone sees the same person in the same colour on every device and
 * in every briefing. Other people see both through awareness (`user: {name, color}`).
 */

/** The local user as shown next to their caret and in the presence row. */
export interface Identity {
  name: string
  /** `#rrggbb`, the only form the caret extension renders. */
  color: string
}

/** Longest name shown in caret labels and the presence row; labels must stay short. */
export const MAX_NAME_LENGTH = 40

/**
 * Eight colours spread around the hue circle at one middle lightness, so each carries white
 * initials and caret labels at WCAG AA and no two look alike, to ordinary vision or with
 * deuteranopia (tests/client/identityColors.test.ts measures both in OKLab). Colour is never
 * the only sign: avatars carry initials and carets the name. Sorted by hue.
 */
export const IDENTITY_COLORS = [
  '#be4e03', // orange
  '#745c0c', // olive brown
  '#108354', // green
  '#07659b', // steel blue
  '#0e47eb', // royal blue
  '#7352fd', // violet
  '#b833db', // purple
  '#a50371', // berry
] as const

/**
 * The palette colour for a user id. FNV-1a spreads similar ids (UUIDs differing in one
 * character) across the palette; the same id always gives the same colour.
 */
export function colorForUser(userId: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return IDENTITY_COLORS[(hash >>> 0) % IDENTITY_COLORS.length] ?? IDENTITY_COLORS[0]
}

/** The identity of an account: its name (shortened for labels) and its colour. */
export function identityOf(account: { id: string; name: string }): Identity {
  const name = account.name.trim().replace(/\s+/g, ' ')
  const short =
    name.length > MAX_NAME_LENGTH ? `${name.slice(0, MAX_NAME_LENGTH - 1).trimEnd()}…` : name
  return { name: short || '?', color: colorForUser(account.id) }
}

/** One or two letters for an avatar: initials of the first and last word. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  // Array.from splits by code point, so an emoji or accented initial is not cut in half.
  const firstLetter = (word: string | undefined) => (word ? (Array.from(word)[0] ?? '') : '')
  const first = firstLetter(words[0]) || '?'
  const last = words.length > 1 ? firstLetter(words[words.length - 1]) : ''
  return (first + last).toUpperCase()
}
