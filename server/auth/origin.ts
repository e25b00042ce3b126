/**
 * Same-origin checks against cross-site request forgery and cross-site WebSocket hijacking.
 * Browsers name the page that made a request in `Origin` (and `Sec-Fetch-Site`); a request
 * carrying our session cookie must come from our own pages.
 */
import type { IncomingMessage } from 'node:http'

/**
 * Whether the request comes from our own origin. A request with neither header is not from
 * a browser page (curl, a script), so there is no forgery to stop: it is allowed, and still
 * needs a valid credential.
 */
export function isSameOrigin(
  req: IncomingMessage,
  trustedOrigins: readonly string[] = [],
): boolean {
  const site = req.headers['sec-fetch-site']
  if (site === 'cross-site' || site === 'same-site') return false
  const origin = req.headers.origin
  if (origin === undefined) return site === undefined || site === 'same-origin' || site === 'none'
  if (trustedOrigins.includes(origin)) return true
  let originHost: string
  try {
    originHost = new URL(origin).host
  } catch {
    return false
  }
  const forwardedHost = req.headers['x-forwarded-host']
  const host =
    typeof forwardedHost === 'string' ? forwardedHost.split(',')[0]!.trim() : req.headers.host
  return !!host && originHost === host
}
