/**
 * The bar across the top of every signed-in page: product name and team switcher on the left,
 * the page's own controls in the middle, the account menu on the right.
 */
import type { ReactNode } from 'react'
import { AccountMenu } from '../auth/AccountMenu'
import { useAuth } from '../auth/AuthProvider'
import { accountOf } from '../auth/authState'
import { Link } from '../router/Link'
import { SearchLauncher } from '../search/SearchLauncher'
import { TeamSwitcher } from '../teams/TeamSwitcher'
import { ArrowLeftIcon, BriefingMark } from './icons'

interface AppHeaderProps {
  /** Page-specific controls (back link, presence, connection status, sharing). */
  children?: ReactNode
}

export function AppHeader({ children }: AppHeaderProps) {
  const me = accountOf(useAuth().state)
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
      {me && <TeamSwitcher />}
      <div className="app-header__middle">{children}</div>
      {me && <SearchLauncher />}
      {me && <AccountMenu me={me} />}
    </header>
  )
}

/** The header's way back to the briefing list, for pages below it. */
export function BackToBriefings() {
  return (
    <Link to={{ page: 'list' }} className="back-link">
      <ArrowLeftIcon />
      <span>Briefings</span>
    </Link>
  )
}
