/**
 * A toolbar button that opens a popover under itself (the link and cite editors). It shows as
 * pressed while the popover is open or the selection already has what the popover edits.
 */
import type { ReactNode } from 'react'
import { ToolbarButton } from './ToolbarButton'

interface PopoverButtonProps {
  label: string
  shortcut?: string
  /** Whether the selection already carries what the popover edits (a link, a citation). */
  marked: boolean
  disabled: boolean
  open: boolean
  onOpenChange: (open: boolean) => void
  popover: (close: () => void) => ReactNode
  children: ReactNode
}

export function PopoverButton({
  label,
  shortcut,
  marked,
  disabled,
  open,
  onOpenChange,
  popover,
  children,
}: PopoverButtonProps) {
  return (
    <div className="toolbar__anchor">
      <ToolbarButton
        label={label}
        shortcut={shortcut}
        active={marked || open}
        disabled={disabled}
        onClick={() => onOpenChange(!open)}
      >
        {children}
      </ToolbarButton>
      {open && popover(() => onOpenChange(false))}
    </div>
  )
}
