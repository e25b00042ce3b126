/** The toolbar's switch for the comments panel; the panel itself loads when first opened. */
import { CommentIcon } from '../../ui/icons'

interface CommentsToggleProps {
  open: boolean
  onOpenChange: (open: boolean) => void
}

export function CommentsToggle({ open, onOpenChange }: CommentsToggleProps) {
  return (
    <button
      type="button"
      className={`toolbar__toggle${open ? ' toolbar__toggle--active' : ''}`}
      aria-pressed={open}
      aria-label="Comments panel"
      title={open ? 'Hide comments' : 'Show comments'}
      onClick={() => onOpenChange(!open)}
    >
      <CommentIcon />
      <span>Comments</span>
    </button>
  )
}
