/**
 * A button that opens a menu under it (the team switcher, the account menu). Follows the
 * WAI-ARIA menu button pattern: arrow keys move between items, Escape closes and returns
 * focus to the button, a click outside closes it.
 */
import {
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react'

interface MenuProps {
  /** What the button says to screen readers when its content is not enough. */
  label: string
  /** The button's visible content. */
  button: ReactNode
  buttonClassName: string
  align?: 'start' | 'end'
  /** The items; `close` closes the menu (items call it after acting). */
  children: (close: () => void) => ReactNode
}

const ITEM_SELECTOR = '[role^="menuitem"]:not([aria-disabled="true"])'

export function Menu({ label, button, buttonClassName, align = 'start', children }: MenuProps) {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const trigger = useRef<HTMLButtonElement>(null)
  const menuId = useId()

  const close = useCallback(() => {
    setOpen(false)
    trigger.current?.focus()
  }, [])

  useEffect(() => {
    if (!open) return
    root.current?.querySelector<HTMLElement>(ITEM_SELECTOR)?.focus()
    const onPointerDown = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open])

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      close()
      return
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    event.preventDefault()
    const items = Array.from(root.current?.querySelectorAll<HTMLElement>(ITEM_SELECTOR) ?? [])
    const at = items.indexOf(document.activeElement as HTMLElement)
    const step = event.key === 'ArrowDown' ? 1 : -1
    items[(at + step + items.length) % items.length]?.focus()
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the keys belong to the menu inside.
    <div className="menu" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={trigger}
        type="button"
        className={buttonClassName}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        {button}
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label={label}
          className={`menu__popup menu__popup--${align}`}
        >
          {children(close)}
        </div>
      )}
    </div>
  )
}

interface MenuItemProps {
  onSelect: () => void
  children: ReactNode
}

export function MenuItem({ onSelect, children }: MenuItemProps) {
  return (
    <button type="button" role="menuitem" tabIndex={-1} className="menu__item" onClick={onSelect}>
      {children}
    </button>
  )
}

/** One of a set of choices (the current team); the chosen one is checked. */
export function MenuItemRadio({
  onSelect,
  children,
  checked,
}: MenuItemProps & { checked: boolean }) {
  return (
    <button
      type="button"
      role="menuitemradio"
      aria-checked={checked}
      tabIndex={-1}
      className="menu__item"
      onClick={onSelect}
    >
      {children}
    </button>
  )
}

/** A heading or a line of text inside a menu; not focusable. */
export function MenuSection({ children }: { children: ReactNode }) {
  return (
    <div className="menu__section" role="presentation">
      {children}
    </div>
  )
}

export function MenuSeparator() {
  return <hr className="menu__separator" />
}
