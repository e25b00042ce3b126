/** The app's pages and the URLs that lead to them. No router library: there are two pages. */

export type Route =
  | { page: 'list' }
  | { page: 'editor'; briefingId: string }
  | { page: 'not-found'; path: string }

/** Which page a pathname shows. */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'list' }
  const match = /^\/b\/([^/]+)\/?$/.exec(pathname)
  if (match?.[1]) {
    try {
      return { page: 'editor', briefingId: decodeURIComponent(match[1]) }
    } catch {
      // A malformed percent-escape cannot name a briefing.
    }
  }
  return { page: 'not-found', path: pathname }
}

/** The URL of a page. */
export function routePath(route: Route): string {
  switch (route.page) {
    case 'list':
      return '/'
    case 'editor':
      return `/b/${encodeURIComponent(route.briefingId)}`
    case 'not-found':
      return route.path
  }
}
