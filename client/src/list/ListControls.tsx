/**
 * Which briefings the list shows and how it orders them: the current team's (with those
 * shared from elsewhere below), only the user's own, or only those shared with them; by last
 * edit, title or creation. The rules are shared/briefing/listView.ts, as the server's.
 */
import { useId } from 'react'
import type { BriefingSort } from '../../../shared/briefing/listView'

/** `team`: the current team's briefings, then those shared with the user from elsewhere. */
export type ListFilter = 'team' | 'mine' | 'shared'

export interface ListChoice {
  filter: ListFilter
  sort: BriefingSort
}

const FILTERS: ReadonlyArray<[ListFilter, string]> = [
  ['team', 'This team'],
  ['mine', 'Created by me'],
  ['shared', 'Shared with me'],
]

const SORTS: ReadonlyArray<[BriefingSort, string]> = [
  ['updated', 'Last edited'],
  ['title', 'Title'],
  ['created', 'Date created'],
]

export function ListControls({
  choice,
  onChange,
}: {
  choice: ListChoice
  onChange: (choice: ListChoice) => void
}) {
  const ids = { filter: useId(), sort: useId() }
  return (
    <div className="list-controls">
      <label className="list-controls__field" htmlFor={ids.filter}>
        <span className="list-controls__label">Show</span>
        <select
          id={ids.filter}
          className="input select list-controls__select"
          value={choice.filter}
          onChange={(event) => onChange({ ...choice, filter: event.target.value as ListFilter })}
        >
          {FILTERS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="list-controls__field" htmlFor={ids.sort}>
        <span className="list-controls__label">Sort by</span>
        <select
          id={ids.sort}
          className="input select list-controls__select"
          value={choice.sort}
          onChange={(event) => onChange({ ...choice, sort: event.target.value as BriefingSort })}
        >
          {SORTS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}
