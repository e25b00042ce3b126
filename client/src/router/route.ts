/** The app's pages and the URLs that lead to them. No router library: a handful of pages. */

export type Route =
  | { page: 'list' }
  | { page: 'editor'; briefingId: string }
  /** `next` is the in-app path to go to after signing in. */
  | { page: 'signin'; next?: string }
  /** `invite` is an invite link's token: the account joins that team. */
  | { page: 'signup'; next?: string; invite?: string }
  | { page: 'invite'; token: string }
  | { page: 'team'; teamId: string }
  | { page: 'settings' }
  | { page: 'not-found'; path: string }

/** Which page a URL shows. `url` is a path with an optional query (`/signin?next=%2F`). */
export function parseRoute(url: string): Route {
  const queryStart = url.indexOf('?')
  const pathname = (queryStart === -1 ? url : url.slice(0, queryStart)) || '/'
  const query = new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1))
  const path = pathname.replace(/(.)\/$/, '$1')

  if (path === '/') return { page: 'list' }
  if (path === '/settings') return { page: 'settings' }
  if (path === '/signin') return withOptional({ page: 'signin' }, { next: safeNext(query) })
  if (path === '/signup') {
    return withOptional(
      { page: 'signup' },
      { next: safeNext(query), invite: query.get('invite') || undefined },
    )
  }
  const [, section, param, ...rest] = path.split('/')
  const id = rest.length === 0 && param ? decodeParam(param) : null
  if (id !== null) {
    if (section === 'b') return { page: 'editor', briefingId: id }
    if (section === 'invite') return { page: 'invite', token: id }
    if (section === 'teams') return { page: 'team', teamId: id }
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
    case 'signin':
      return withQuery('/signin', { next: route.next })
    case 'signup':
      return withQuery('/signup', { invite: route.invite, next: route.next })
    case 'invite':
      return `/invite/${encodeURIComponent(route.token)}`
    case 'team':
      return `/teams/${encodeURIComponent(route.teamId)}`
    case 'settings':
      return '/settings'
    case 'not-found':
      return route.path
  }
}

/**
 * The `next` parameter if it is a path inside this app. Anything else (`//evil.example`,
 * `https://...`, `/\\evil`) is dropped: after signing in we never send anyone off-site.
 */
function safeNext(query: URLSearchParams): string | undefined {
  const next = query.get('next')
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) {
    return undefined
  }
  return next
}

function decodeParam(param: string): string | null {
  try {
    return decodeURIComponent(param)
  } catch {
    // A malformed percent-escape cannot name anything.
    return null
  }
}

function withOptional<T extends object>(route: T, extra: Record<string, string | undefined>): T {
  const defined = Object.entries(extra).filter(([, value]) => value !== undefined)
  return { ...route, ...Object.fromEntries(defined) }
}

function withQuery(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value)
  const text = query.toString()
  return text ? `${path}?${text}` : path
}
