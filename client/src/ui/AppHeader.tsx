/**
 * The bar across the top of every page: product name on the left, the page's own controls in
 * the middle, and the local user (click to change name) on the right.
 */
import type { ReactNode } from 'react'
import type { Identity } from '../identity/identity'
import { Link } from '../router/Link'
import { Avatar } from './Avatar'
import { BriefingMark } from './icons'

interface AppHeaderProps {
  identity: Identity | null
  onEditName?: () => void
  /** Page-specific controls (back link, presence, connection status). */
  children?: ReactNode
}

export function AppHeader({ identity, onEditName, children }: AppHeaderProps) {
  return (
    <header className="app-header">
      <Link
        to={{ page: 'list' }}
        className="app-header__brand"
        aria-label="Briefing, all briefings"
      >
        <BriefingMark />
        <span className="app-header__name">Briefing</span>
      </Link>
      <div className="app-header__middle">{children}</div>
      {identity && (
        <button
          type="button"
          className="user-chip"
          onClick={onEditName}
          title="Change your display name"
        >
          <Avatar name={identity.name} color={identity.color} size="small" />
          <span className="user-chip__name">{identity.name}</span>
        </button>
      )}
    </header>
  )
}
