/** The toolbar's switch for the sources panel, with the number of sources on it. */
import { LibraryIcon } from '../../sources/icons'

interface SourcesToggleProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  count: number
}

export function SourcesToggle({ open, onOpenChange, count }: SourcesToggleProps) {
  return (
    <button
      type="button"
      className={`toolbar__toggle${open ? ' toolbar__toggle--active' : ''}`}
      aria-pressed={open}
      aria-label="Sources panel"
      title={open ? 'Hide sources' : 'Show sources'}
      onClick={() => onOpenChange(!open)}
    >
      <LibraryIcon />
      <span>Sources</span>
      {count > 0 && <span className="toolbar__badge">{count}</span>}
    </button>
  )
}
