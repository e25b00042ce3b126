/** One toolbar button. Toggles report their state with aria-pressed. */
import type { ReactNode } from 'react'
import { shortcutLabel } from '../shortcuts'

interface ToolbarButtonProps {
  label: string
  shortcut?: string
  /** Omit for plain actions (undo); a boolean makes this a toggle. */
  active?: boolean
  disabled?: boolean
  onClick: () => void
  children: ReactNode
}

export function ToolbarButton({
  label,
  shortcut,
  active,
  disabled = false,
  onClick,
  children,
}: ToolbarButtonProps) {
  const title = shortcut ? `${label} (${shortcutLabel(shortcut)})` : label
  return (
    <button
      type="button"
      className={`toolbar__button${active ? ' toolbar__button--active' : ''}`}
      aria-label={label}
      aria-pressed={active}
      title={title}
      disabled={disabled}
      // Keep the editor's selection: a click on the toolbar must not move focus out of the text.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  )
}
