/**
 * Who is in the document, from awareness states. Awareness comes from other browsers, so
 * every field is checked before it reaches the page.
 */
import { MAX_NAME_LENGTH } from '../identity/identity'

/** One person shown in the "who is here" row. */
export interface Person {
  /** Stable React key. */
  key: string
  name: string
  color: string
  isSelf: boolean
  /** How many connections (tabs) show as this person. */
  connections: number
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i
const FALLBACK_COLOR = '#64748b'

/**
 * The people present: yourself first, then others by name. Tabs with the same name and
 * colour count as one person; states without a user (a client still starting) are left out.
 */
export function peopleHere(states: ReadonlyMap<number, unknown>, selfClientId: number): Person[] {
  const byIdentity = new Map<string, Person>()
  for (const [clientId, state] of states) {
    const user = awarenessUser(state)
    if (!user) continue
    const isSelf = clientId === selfClientId
    const key = `${user.name}\u0000${user.color}`
    const existing = byIdentity.get(key)
    if (existing) {
      existing.connections++
      existing.isSelf ||= isSelf
    } else {
      byIdentity.set(key, { key, ...user, isSelf, connections: 1 })
    }
  }
  return [...byIdentity.values()].sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name),
  )
}

function awarenessUser(state: unknown): { name: string; color: string } | null {
  if (typeof state !== 'object' || state === null) return null
  const user = (state as { user?: unknown }).user
  if (typeof user !== 'object' || user === null) return null
  const { name, color } = user as Record<string, unknown>
  if (typeof name !== 'string' || name.trim() === '') return null
  return {
    name: name.trim().slice(0, MAX_NAME_LENGTH),
    color: typeof color === 'string' && HEX_COLOR.test(color) ? color : FALLBACK_COLOR,
  }
}
