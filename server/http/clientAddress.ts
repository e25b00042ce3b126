/**
 * The client's address for a request that Express does not see (the WebSocket upgrade),
 * decided by the same `TRUST_PROXY` rules and library Express uses for `req.ip`, so a socket
 * and an API call from one client count against the same address.
 */
import type { IncomingMessage } from 'node:http'
import proxyAddr from 'proxy-addr'
import type { TrustProxy } from '../auth/origin'

/** A function giving a request's client address, believing only proxies `trustProxy` trusts. */
export function clientAddressOf(trustProxy: TrustProxy): (req: IncomingMessage) => string {
  return (req) => proxyAddr(req, trustProxy)
}
