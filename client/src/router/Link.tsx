/** An in-app link: a real `<a href>` (so open-in-new-tab works) that navigates without a reload. */
import type { AnchorHTMLAttributes, MouseEvent } from 'react'
import { navigate } from './navigation'
import { type Route, routePath } from './route'

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: Route
}

export function Link({ to, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event)
    // Modified clicks mean "new tab/window"; leave those to the browser.
    if (event.defaultPrevented || event.button !== 0) return
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(to)
  }
  return <a href={routePath(to)} onClick={handleClick} {...rest} />
}
