/**
 * A person's colour in one briefing. Everyone has a usual colour (`colorForUser`), but with
 * eight colours two people in a room share one often enough to matter, and then carets and
 * avatars cannot tell them apart. So when someone else in the room shows my colour, one of us
 * takes the free palette colour that differs most from every colour in use.
 *
 * Every client decides for itself from the same awareness states, and only the one with the
 * higher awareness client id gives way (each client compares itself with those below it),
 * so two people who meet never both move, and a crowd settles in client id order.
 * The choice is sent as the awareness colour, so avatar, caret and selection agree on every
 * screen. Tabs showing the same name are one person and never push each other away.
 */
import { colorDistance } from './colorDistance'
import { IDENTITY_COLORS } from './identity'

/** The colour `self` shows in a room with these awareness states (its own may be among them). */
export function roomColor(
  self: { clientId: number; name: string; usual: string },
  states: ReadonlyMap<number, unknown>,
): string {
  const taken = new Set<string>()
  for (const [clientId, state] of states) {
    if (clientId >= self.clientId) continue
    const user = (state as { user?: { name?: unknown; color?: unknown } } | null)?.user
    if (typeof user?.color !== 'string' || user.name === self.name) continue
    taken.add(user.color.toLowerCase())
  }
  if (!taken.has(self.usual.toLowerCase())) return self.usual
  const free = IDENTITY_COLORS.filter((color) => !taken.has(color))
  if (free.length === 0) return self.usual
  const farthest = (color: string) =>
    Math.min(...[...taken].map((other) => colorDistance(color, other)))
  // The first of equals wins, so every client computes the same answer.
  return free.reduce((best, color) => (farthest(color) > farthest(best) ? color : best))
}
