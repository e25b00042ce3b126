/**
 * History-based navigation. The current location lives in `window.location` only, so there is
 * no router state to keep in sync; components re-render via `useRoute` when it changes.
 */
import { useSyncExternalStore } from 'react'
import { parseRoute, type Route, routePath } from './route'

// pushState does not fire popstate; a custom event tells subscribers that we navigated.
const NAVIGATE_EVENT = 'briefing:navigate'

/** Goes to `route`, adding a history entry (or replacing the current one). */
export function navigate(route: Route, { replace = false } = {}): void {
  const path = routePath(route)
  if (path === currentUrl()) return
  if (replace) window.history.replaceState(null, '', path)
  else window.history.pushState(null, '', path)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
  window.scrollTo(0, 0)
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(NAVIGATE_EVENT, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(NAVIGATE_EVENT, onChange)
  }
}

/** The path and query of the page, e.g. `/signin?next=%2Fb%2F1`. */
export const currentUrl = () => window.location.pathname + window.location.search

/** The route for the current URL, updating on navigation and back/forward. */
export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, currentUrl))
}
