/**
 * Which automatic versions a briefing keeps. Every named version is kept. An automatic one
 * (made when a burst of editing settles, at an export, before a restore) is kept for a day;
 * after that only the newest of each hour is kept, and after a month only the newest of each
 * day (UTC), so a briefing edited for years holds a few hundred versions, not tens of
 * thousands, and "what it looked like on Tuesday" can still be answered.
 */

export interface RetentionCandidate {
  id: string
  createdAt: string
  name: string | null
}

const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS

export const RETENTION = {
  /** Automatic versions younger than this are all kept. */
  keepAllMs: DAY_MS,
  /** Up to this age one per hour is kept; past it one per day. */
  hourlyUntilMs: 30 * DAY_MS,
} as const

/** The ids of the automatic versions the rule drops at `now`. */
export function versionsToThin(versions: readonly RetentionCandidate[], now: Date): string[] {
  const newestFirst = [...versions].sort((x, y) => y.createdAt.localeCompare(x.createdAt))
  const seen = new Set<string>()
  const drop: string[] = []
  for (const version of newestFirst) {
    if (version.name !== null) continue
    const at = Date.parse(version.createdAt)
    const age = now.getTime() - at
    if (age < RETENTION.keepAllMs) continue
    const bucket =
      age < RETENTION.hourlyUntilMs ? `h${Math.floor(at / HOUR_MS)}` : `d${Math.floor(at / DAY_MS)}`
    // Newest first, so the first version met in a bucket is the one kept.
    if (seen.has(bucket)) drop.push(version.id)
    else seen.add(bucket)
  }
  return drop
}
