/**
 * Collab tokens of briefings created by `createBriefing`, looked up by `connectClient`.
 * Test-only shared state: a convenience so sync tests need not thread tokens around; a
 * briefing id is a random UUID, so entries from different tests never collide.
 */
const tokens = new Map<string, string>()

export function rememberToken(briefingId: string, token: string): void {
  tokens.set(briefingId, token)
}

export function tokenFor(briefingId: string): string | undefined {
  return tokens.get(briefingId)
}
