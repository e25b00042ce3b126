/**
 * Which briefings the list shows and in what order: sorted by last edit, title or creation,
 * and filtered by team, by "mine" (created by the caller) and by "shared with me" (from a
 * team the caller is not in, so it reached them by a share). One function for the server's
 * `GET /api/briefings?sort=&team=&show=` and the list page, so both agree on every rule.
 */

export const BRIEFING_SORTS = ['updated', 'title', 'created'] as const
export type BriefingSort = (typeof BRIEFING_SORTS)[number]

export const BRIEFING_SHOWS = ['all', 'mine', 'shared'] as const
export type BriefingShow = (typeof BRIEFING_SHOWS)[number]

export interface ListView {
  sort: BriefingSort
  show: BriefingShow
  /** Only this team's briefings, when set. */
  team?: string
}

/** What a listed briefing needs for the view. */
export interface Listable {
  id: string
  title: string
  teamId: string
  createdBy: string
  createdAt: string
  updatedAt: string
}

/** Who is looking: their id, and the teams they are a member of. */
export interface Viewer {
  userId: string
  teamIds: ReadonlySet<string>
}

// Created once: a Collator compares far faster than localeCompare building one per call.
const TITLE_ORDER = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/** Newest first by the given time, then by id, so equal times keep one order everywhere. */
const newestBy =
  (key: 'updatedAt' | 'createdAt') =>
  (a: Listable, b: Listable): number =>
    b[key].localeCompare(a[key]) || compareIds(a, b)

const compareIds = (a: Listable, b: Listable) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const ORDER: Record<BriefingSort, (a: Listable, b: Listable) => number> = {
  updated: newestBy('updatedAt'),
  created: newestBy('createdAt'),
  // A to Z ignoring case and accents, numbers by value ("Week 2" before "Week 10").
  title: (a, b) => TITLE_ORDER.compare(a.title, b.title) || compareIds(a, b),
}

function shown(briefing: Listable, view: ListView, viewer: Viewer): boolean {
  if (view.team !== undefined && briefing.teamId !== view.team) return false
  switch (view.show) {
    case 'all':
      return true
    case 'mine':
      return briefing.createdBy === viewer.userId
    case 'shared':
      return briefing.createdBy !== viewer.userId && !viewer.teamIds.has(briefing.teamId)
  }
}

/** The briefings `view` shows to `viewer`, in its order; `briefings` is left as it was. */
export function briefingListView<T extends Listable>(
  briefings: readonly T[],
  view: ListView,
  viewer: Viewer,
): T[] {
  return briefings.filter((b) => shown(b, view, viewer)).sort(ORDER[view.sort])
}
