/**
 * Same-origin checks against cross-site request forgery and cross-site WebSocket hijacking.
 * Browsers name the page that made a request in `Origin` (and `Sec-Fetch-Site`); a request
 * carrying our session cookie must come from our own pages: the same scheme, host and port
 * as the server was addressed by. Behind a proxy that address is in `X-Forwarded-Proto` and
 * `X-Forwarded-Host`, believed only from a peer `TRUST_PROXY` trusts; anyone else could
 * send them to make a foreign origin look like ours.
 */
import type { IncomingMessage } from 'node:http'
import type { TLSSocket } from 'node:tls'
import proxyaddr from 'proxy-addr'

/** Whether the peer at `address`, `hop` proxies from us, is trusted (Express's form). */
export type TrustProxy = (address: string | undefined, hop: number) => boolean

export interface OriginPolicy {
  /** Origins allowed besides the server's own (PUBLIC_URL behind a proxy). */
  trustedOrigins: readonly string[]
  trustProxy: TrustProxy
}

/**
 * The `TRUST_PROXY` setting as a function, read the way Express reads its "trust proxy"
 * setting, so the origin checks believe exactly the proxies Express does.
 */
export function compileTrustProxy(setting: boolean | number | string): TrustProxy {
  if (setting === true) return () => true
  if (setting === false) return () => false
  if (typeof setting === 'number') return (_address, hop) => hop < setting
  const trusted = proxyaddr.compile(setting.split(',').map((part) => part.trim()))
  return (address, hop) => address !== undefined && trusted(address, hop)
}

/** A Host header value: a name or address and an optional port, nothing that reshapes a URL. */
const HOST = /^[\w.-]+(:\d+)?$|^\[[\da-f:.]+\](:\d+)?$/i

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header
  return value?.split(',')[0]?.trim() || undefined
}

/** The origin this request addressed the server by, or null when it cannot be told. */
export function serverOrigin(req: IncomingMessage, trustProxy: TrustProxy): string | null {
  const viaProxy = trustProxy(req.socket.remoteAddress, 0)
  const forwardedProto = viaProxy ? firstValue(req.headers['x-forwarded-proto']) : undefined
  const ownProto = (req.socket as TLSSocket).encrypted ? 'https' : 'http'
  const proto = forwardedProto === 'http' || forwardedProto === 'https' ? forwardedProto : ownProto
  const host = (viaProxy && firstValue(req.headers['x-forwarded-host'])) || req.headers.host
  if (!host || !HOST.test(host)) return null
  try {
    return new URL(`${proto}://${host}`).origin
  } catch {
    return null
  }
}

/**
 * Whether the request comes from our own origin. A request with neither header is not from
 * a browser page (curl, a script), so there is no forgery to stop: it is allowed, and still
 * needs a valid credential.
 */
export function isSameOrigin(req: IncomingMessage, policy: OriginPolicy): boolean {
  const site = req.headers['sec-fetch-site']
  if (site === 'cross-site' || site === 'same-site') return false
  const origin = req.headers.origin
  if (origin === undefined) return site === undefined || site === 'same-origin' || site === 'none'
  if (policy.trustedOrigins.includes(origin)) return true
  let given: string
  try {
    given = new URL(origin).origin
  } catch {
    return false
  }
  // `null` (an opaque origin) parses to the string "null", which no server origin equals.
  return given !== 'null' && given === serverOrigin(req, policy.trustProxy)
}
