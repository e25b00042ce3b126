/**
 * The HTTP upgrade handler for `/collab/<briefingId>`. Every decision about a socket is made
 * here, before it is accepted: an unknown path, an unknown briefing, a caller without access
 * or one past its socket cap gets a plain HTTP error response and never a WebSocket.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import { errorField, type Logger } from '../log/logger'
import { DEFAULT_SEND_LIMITS, type SendLimits } from './backpressure'
import { type AccessMode, type ConnectionIdentity, ConnectionIds } from './connection'
import { DEFAULT_BEAT_MS, watchLiveness } from './liveness'
import type { RoomRegistry } from './roomRegistry'
import { DEFAULT_SOCKET_LIMITS, SocketCounts, type SocketLimits } from './socketLimits'
import { CollabWebSocket } from './wsAdapter'

/** y-websocket's path: the provider appends `/<roomname>` to its server URL. */
export const COLLAB_PATH_PREFIX = '/collab/'

/** Largest frame accepted; `ws` closes bigger ones with 1009. */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024

/** Who may open a socket and how; decided by the access layer before the socket exists. */
export type AuthorizeUpgrade = (
  req: IncomingMessage,
  briefingId: string,
) => Promise<
  | { ok: true; access: AccessMode; identity: ConnectionIdentity }
  | { ok: false; status: number; message: string }
>

export interface UpgradeDeps {
  registry: RoomRegistry
  log: Logger
  authorize: AuthorizeUpgrade
  /** The client's address (behind a trusted proxy, the one it forwards); for the caps. */
  clientAddress?: (req: IncomingMessage) => string
  sockets?: SocketLimits
  send?: SendLimits
  /** The server closed a connection with `code` (for the metrics). */
  onServerClose?(code: number): void
  /** Liveness beat (liveness.ts); tests shorten it. */
  beatMs?: number
}

/**
 * The handler, the WebSocketServer that tracks its sockets so shutdown can close them, and
 * the stop of the liveness check over them.
 * Nothing an accepted socket keeps refers to the upgrade request: the request (with the
 * token in its URL, and all its headers) is garbage once the socket is open.
 */
export function createUpgradeHandler(deps: UpgradeDeps) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    WebSocket: CollabWebSocket,
  })
  const ids = new ConnectionIds()
  const counts = new SocketCounts(deps.sockets ?? DEFAULT_SOCKET_LIMITS)
  const addressOf = deps.clientAddress ?? remoteAddress
  const sendLimits = deps.send ?? DEFAULT_SEND_LIMITS
  const hooks = { onServerClose: deps.onServerClose }

  const handler = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // A shared function, not a closure: a closure here would share this call's scope, which
    // holds `req`, and keep the request alive for as long as the socket is open.
    socket.on('error', destroySocket)
    // Before any work on the request: a flood from one address costs no store lookups.
    const slot = counts.open(addressOf(req))
    if (!slot) {
      rejectUpgrade(socket, 429, 'too many open connections from this address')
      return
    }
    // Given back however the upgrade ends: refused, or a handshake `ws` aborts. An accepted
    // socket takes the slot over and gives it back when it closes (see attach): a listener
    // left on every open socket cost 0.6 KiB of heap each (the idle benchmark).
    const release = slot.release.bind(slot)
    socket.once('close', release)
    void decide(req)
      .then((decision) => {
        if (!decision.ok) {
          rejectUpgrade(socket, decision.status, decision.message)
          return
        }
        const { userId } = decision.identity
        if (userId !== null && !slot.forUser(userId)) {
          rejectUpgrade(socket, 429, 'too many open connections for this user')
          return
        }
        wss.handleUpgrade(req, socket, head, (ws) => {
          socket.off('error', destroySocket) // ws handles the socket's errors from here on
          socket.off('close', release)
          ws.attach(deps.registry, deps.log, {
            id: ids.next(),
            briefingId: decision.briefingId,
            access: decision.access,
            identity: decision.identity,
            maxBufferedBytes: MAX_MESSAGE_BYTES,
            sendLimits,
            hooks,
            slot,
            commentEvents: wantsCommentEvents(req.url),
          })
        })
      })
      .catch((err) => {
        deps.log.error('upgrade failed', { path: req.url?.split('?')[0], error: errorField(err) })
        rejectUpgrade(socket, 500, 'internal server error')
      })
  }

  async function decide(req: IncomingMessage) {
    const briefingId = parseBriefingId(req.url)
    if (!briefingId) return { ok: false as const, status: 404, message: 'unknown path' }
    const auth = await deps.authorize(req, briefingId)
    if (!auth.ok) return auth
    return { ...auth, briefingId }
  }

  const stopLiveness = watchLiveness(wss.clients, deps.beatMs ?? DEFAULT_BEAT_MS)

  return { handler, wss, stopLiveness }
}

/** The briefing id from `/collab/<id>` (query ignored), or null for any other path. */
export function parseBriefingId(url: string | undefined): string | null {
  if (!url) return null
  const path = url.split('?')[0]!
  if (!path.startsWith(COLLAB_PATH_PREFIX)) return null
  let id: string
  try {
    id = decodeURIComponent(path.slice(COLLAB_PATH_PREFIX.length))
  } catch {
    return null
  }
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null
}

function destroySocket(this: Duplex): void {
  this.destroy()
}

/** The peer's address, trusting no proxy. */
function remoteAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown'
}

function rejectUpgrade(socket: Duplex, status: number, message: string): void {
  if (!socket.writable) {
    socket.destroy()
    return
  }
  const body = JSON.stringify({
    error: { code: status === 404 ? 'not_found' : 'rejected', message },
  })
  socket.end(
    `HTTP/1.1 ${status} ${statusText(status)}\r\n` +
      'Content-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  )
}

function statusText(status: number): string {
  return (
    {
      400: 'Bad Request',
      401: 'Unauthorized',
      403: 'Forbidden',
      404: 'Not Found',
      429: 'Too Many Requests',
    }[status] ?? 'Error'
  )
}

/** Whether the upgrade's URL asks for "comments changed" frames (`?comments=1`). */
function wantsCommentEvents(url: string | undefined): boolean {
  return new URL(url ?? '/', 'http://local').searchParams.get('comments') === '1'
}
