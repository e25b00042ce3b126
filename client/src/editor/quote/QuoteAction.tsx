/** A small labelled button in a quote block's footer or notice. */
import type { ReactNode } from 'react'

export function QuoteAction({
  label,
  onClick,
  active = false,
  danger = false,
  children,
}: {
  label: string
  onClick: () => void
  active?: boolean
  danger?: boolean
  children?: ReactNode
}) {
  return (
    <button
      type="button"
      className={`quote-action${active ? ' quote-action--active' : ''}${danger ? ' quote-action--danger' : ''}`}
      onClick={onClick}
    >
      {children}
      <span>{label}</span>
    </button>
  )
}
