/**
 * Who the local user is until accounts exist: a display name they chose and a colour picked
 * for them, kept in localStorage so they stay the same person across visits. Other people
 * see both through awareness (`user: {name, color}`).
 */

/** The local user's identity. */
export interface Identity {
  name: string
  /** `#rrggbb`, the only form the caret extension renders. */
  color: string
}

/** Longest display name; labels above carets must stay short. */
export const MAX_NAME_LENGTH = 40

const STORAGE_KEY = 'briefing.identity'

/**
 * Colours that stay readable as white-on-colour caret labels and distinct from one another,
 * with no reds that could read as an error.
 */
export const IDENTITY_COLORS = [
  '#2563eb', // blue
  '#7c3aed', // violet
  '#0f766e', // teal
  '#c2410c', // orange
  '#be185d', // pink
  '#15803d', // green
  '#4f46e5', // indigo
  '#a16207', // ochre
  '#0e7490', // cyan
  '#9333ea', // purple
] as const

const HEX_COLOR = /^#[0-9a-f]{6}$/i

/** Trims a proposed name; returns an error message when it cannot be used. */
export function validateName(raw: string): { name: string } | { error: string } {
  const name = raw.trim().replace(/\s+/g, ' ')
  if (name.length === 0) return { error: 'Please enter a name.' }
  if (name.length > MAX_NAME_LENGTH) {
    return { error: `Names can be at most ${MAX_NAME_LENGTH} characters.` }
  }
  return { name }
}

/** A colour from the palette; `random` is injectable so tests are deterministic. */
export function pickColor(random: () => number = Math.random): string {
  const index = Math.floor(random() * IDENTITY_COLORS.length) % IDENTITY_COLORS.length
  return IDENTITY_COLORS[index] ?? IDENTITY_COLORS[0]
}

/** The stored identity, or null when there is none or it was tampered into an unusable shape. */
export function loadIdentity(storage: Pick<Storage, 'getItem'>): Identity | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null')
  } catch {
    return null
  }
  if (typeof parsed !== 'object' || parsed === null) return null
  const { name, color } = parsed as Record<string, unknown>
  if (typeof name !== 'string' || typeof color !== 'string' || !HEX_COLOR.test(color)) return null
  const checked = validateName(name)
  return 'name' in checked ? { name: checked.name, color } : null
}

/** Stores the identity. Storage can be full or disabled; the session then just forgets it. */
export function saveIdentity(storage: Pick<Storage, 'setItem'>, identity: Identity): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(identity))
  } catch {
    // Private browsing or a full quota: the name still works for this tab.
  }
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
