/**
 * The bar across the top of every signed-in page: product name and team switcher on the left,
 * the page's own controls in the middle, the account menu on the right.
 *
 * On a narrow screen a page with many controls (the editor) cannot fit them in one bar, so
 * with `fold` they move into a panel under the bar that a menu button opens; `pinned` stays
 * in the bar at every width (the connection state, which must never be out of sight). The
 * panel is hidden with CSS rather than unmounted, so an open dialog or upload belonging to
 * a control inside it survives the panel closing.
 */
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { AccountMenu } from '../auth/AccountMenu'
import { useAuth } from '../auth/AuthProvider'
import { accountOf } from '../auth/authState'
import { Link } from '../router/Link'
import { SearchLauncher } from '../search/SearchLauncher'
import { TeamSwitcher } from '../teams/TeamSwitcher'
import { ArrowLeftIcon, BriefingMark, MenuIcon } from './icons'

interface AppHeaderProps {
  /** Page-specific controls (back link, presence, sharing). */
  children?: ReactNode
  /** Shown in the bar at every width, beside the account menu. */
  pinned?: ReactNode
  /** On narrow screens, put the team switcher and `children` behind a menu button. */
  fold?: boolean
}

export function AppHeader({ children, pinned, fold = false }: AppHeaderProps) {
  const me = accountOf(useAuth().state)
  const [open, setOpen] = useState(false)
  const header = useRef<HTMLElement>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  const foldId = useId()

  useEffect(() => {
    if (!open) return
    // A press anywhere outside the header closes the panel, as it would a menu.
    const onPointerDown = (event: PointerEvent) => {
      if (header.current && !header.current.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open])

  const onKeyDown = (event: KeyboardEvent) => {
    if (!open || event.key !== 'Escape') return
    // Escape in a menu or dialog inside closes that alone: hiding the panel would hide them.
    if (event.defaultPrevented || (event.target as Element).closest('dialog')) return
    setOpen(false)
    toggle.current?.focus()
  }

  const classes = ['app-header', fold && 'app-header--foldable', open && 'app-header--open']
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape closes the panel inside.
    <header ref={header} className={classes.filter(Boolean).join(' ')} onKeyDown={onKeyDown}>
      <Link
        to={{ page: 'list' }}
        className="app-header__brand"
        aria-label="Briefing, all briefings"
      >
        <BriefingMark />
        <span className="app-header__name">Briefing</span>
      </Link>
      <div className="app-header__fold" id={foldId}>
        {me && <TeamSwitcher />}
        <div className="app-header__middle">{children}</div>
        {/* In the fold: on a narrow editor page it goes into the Page menu with the rest. */}
        {me && <SearchLauncher />}
      </div>
      {pinned && <div className="app-header__pinned">{pinned}</div>}
      {fold && (
        <button
          ref={toggle}
          type="button"
          className="app-header__toggle icon-button"
          aria-label="Page menu"
          aria-expanded={open}
          aria-controls={foldId}
          onClick={() => setOpen((was) => !was)}
        >
          <MenuIcon />
        </button>
      )}
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
