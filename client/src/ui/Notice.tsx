/** An inline message box for errors and warnings, announced to screen readers. */
import type { ReactNode } from 'react'

interface NoticeProps {
  tone: 'error' | 'warning' | 'info'
  children: ReactNode
  /** Optional button, e.g. "Try again". */
  action?: { label: string; onClick: () => void }
}

export function Notice({ tone, children, action }: NoticeProps) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <div className="notice__body">{children}</div>
      {action && (
        <button type="button" className="button button--small" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </div>
  )
}
