/** A button that shows only an icon, so its label is what assistive technology reads. */
import type { ReactNode } from 'react'

interface IconButtonProps {
  label: string
  /** The tooltip, when it should say less than the label ("Rename" for "Rename Q3 outlook"). */
  title?: string
  /** Removes or deletes something. */
  danger?: boolean
  className?: string
  onClick: () => void
  children: ReactNode
}

export function IconButton({
  label,
  title = label,
  danger = false,
  className,
  onClick,
  children,
}: IconButtonProps) {
  const classes = ['icon-button', danger && 'icon-button--danger', className].filter(Boolean)
  return (
    <button
      type="button"
      className={classes.join(' ')}
      aria-label={label}
      title={title}
      onClick={onClick}
    >
      {children}
    </button>
  )
}
