/**
 * Binds real `ws` sockets to rooms. Everything protocol-level lives in Room; this file only
 * turns a WebSocket into a CollabSocket, buffers frames that arrive while the room loads,
 * and reports socket-level failures with documented close codes.
 *
 * An idle server holds one of these per open tab, so the binding is one object: `ws`
 * constructs this subclass (the server's `WebSocket` option), which is itself the
 * connection's CollabSocket and handles its own events with prototype methods. `ws` calls a
 * listener with the socket as `this`, so no socket needs closures or a wrapper of its own.
 */
import { type RawData, WebSocket } from 'ws'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { encodeQueryAwareness, MalformedMessageError } from '../../shared/protocol/messages'
import { errorField, type Logger } from '../log/logger'
import type { SendLimits } from './backpressure'
import { closeFor } from './closeFor'
import {
  type AccessMode,
  Connection,
  type ConnectionHooks,
  type ConnectionIdentity,
} from './connection'
import type { EarlyClient } from './earlyAnswer'
import { RateLimitExceeded, RoomLoadFailed } from './errors'
import type { LiveSocket } from './liveness'
import { MESSAGE_RATE, MessageRate } from './messageRate'
import type { Room } from './room'
import type { RoomRegistry } from './roomRegistry'
import type { CollabSocket } from './socket'
import type { SocketSlot } from './socketLimits'

export interface AttachOptions {
  /** The connection's id (see ConnectionIds). */
  id: string
  briefingId: string
  access: AccessMode
  identity: ConnectionIdentity
  /** Bytes a client may send before its room has loaded; more is abuse. */
  maxBufferedBytes: number
  /** What the server may queue for the socket (see backpressure.ts). */
  sendLimits: SendLimits
  /** Shared by every connection of the server (one object, not one per socket). */
  hooks: ConnectionHooks
  /** The socket's place under the per-user and per-address caps, given back on close. */
  slot: SocketSlot
  /** The client asked to hear when comment threads change (`?comments=1`). */
  commentEvents?: boolean
}

/**
 * The WebSocket class of the collaboration server. Its own members are `#private` so that
 * they can never collide with the fields and methods `ws` keeps on its sockets.
 */
export class CollabWebSocket extends WebSocket implements CollabSocket, EarlyClient, LiveSocket {
  #connection: Connection | null = null
  #log: Logger | null = null
  #slot: SocketSlot | null = null
  /** Set once the room has loaded; frames go straight to it from then on. */
  #room: Room | null = null
  /** Frames received while the room loads; null once delivered or the socket closed. */
  #early: Uint8Array[] | null = []
  #earlyBytes = 0
  #maxEarlyBytes = 0
  /** Waits for the first frame while the room loads (see firstFrame). */
  #firstFrameWaiter: ((frame: Uint8Array | null) => void) | null = null
  readonly #rate = new MessageRate(MESSAGE_RATE.perSecond, MESSAGE_RATE.burst)
  /** Liveness beats since the client last sent a frame (see liveness.ts). */
  #beatsSinceFrame = 0
  /** Liveness beats since the client last sent a frame or a pong. */
  #beatsSincePong = 0

  get isOpen(): boolean {
    return this.readyState === WebSocket.OPEN
  }

  get connection(): Connection {
    if (!this.#connection) throw new Error('socket not attached')
    return this.#connection
  }

  /** EarlyClient: the first frame, while the room loads; null once it cannot come. */
  firstFrame(): Promise<Uint8Array | null> {
    if (this.#early === null) return Promise.resolve(null)
    if (this.#early.length > 0) return Promise.resolve(this.#early[0]!)
    return new Promise((resolve) => {
      this.#firstFrameWaiter = resolve
    })
  }

  /** EarlyClient: the room answered the first frame before loading; it is not delivered. */
  answerFirstFrame(reply: Uint8Array): Promise<void> {
    this.#early?.shift()
    return new Promise((resolve) => {
      if (!this.isOpen) resolve()
      else this.send(reply, () => resolve())
    })
  }

  /**
   * LiveSocket: beats since the client's last sign of life. A client others see as present
   * owes a frame (the answer to the awareness query); any other, a pong.
   */
  beatsSilent(): number {
    return this.#presentToOthers() ? this.#beatsSinceFrame : this.#beatsSincePong
  }

  /** LiveSocket: counts a beat and asks for a pong, and for a frame from a present client. */
  beat(): void {
    if (!this.isOpen) return
    this.#beatsSinceFrame++
    this.#beatsSincePong++
    this.ping()
    if (this.#presentToOthers()) this.#connection!.send(encodeQueryAwareness())
  }

  #presentToOthers(): boolean {
    return this.#room !== null && (this.#connection?.awarenessClients.size ?? 0) > 0
  }

  /**
   * Joins the briefing's room as a new connection, buffering frames until it has loaded.
   * Called once, right after the handshake. Returns the connection.
   */
  attach(registry: RoomRegistry, log: Logger, options: AttachOptions): Connection {
    if (this.#connection) throw new Error(`socket already attached as ${this.#connection.id}`)
    this.binaryType = 'nodebuffer'
    const connection = new Connection(
      options.id,
      this,
      options.access,
      options.identity,
      options.sendLimits,
      options.hooks,
    )
    if (options.commentEvents) connection.listenToComments()
    this.#connection = connection
    this.#log = log
    this.#slot = options.slot
    this.#maxEarlyBytes = options.maxBufferedBytes
    this.on('message', this.#receive)
    this.on('pong', this.#heard)
    this.on('error', this.#reportError)
    this.on('close', this.#leave)
    registry.join(options.briefingId, connection, this).then(
      (room) => this.#roomReady(room),
      (err) => this.#roomFailed(options.briefingId, err),
    )
    return connection
  }

  #heard(): void {
    this.#beatsSincePong = 0
  }

  /** A frame from the client (`this` is the socket: ws calls listeners on the emitter). */
  #receive(data: RawData, isBinary: boolean): void {
    this.#beatsSinceFrame = 0
    this.#beatsSincePong = 0
    const connection = this.#connection!
    // Frames still arriving after we decided to close are ignored, except at a restart: the
    // client sent them before it learned of it, and they are stored like any other.
    if (!this.isOpen && connection.closedWith !== CloseCode.ServerRestarting) return
    if (!isBinary) {
      this.#log!.warn('malformed message; closing connection', {
        connection: connection.id,
        error: 'text frame',
      })
      connection.close(new MalformedMessageError('text frames are not part of the protocol'))
      return
    }
    if (!this.#rate.take()) {
      this.#log!.warn('message rate exceeded; closing connection', { connection: connection.id })
      connection.close(new RateLimitExceeded('too many messages'))
      return
    }
    const bytes = toUint8Array(data)
    if (this.#room) {
      this.#room.receive(connection, bytes)
      return
    }
    this.#earlyBytes += bytes.byteLength
    if (this.#earlyBytes > this.#maxEarlyBytes) {
      connection.close(new RateLimitExceeded('too much data before the room was ready'))
      return
    }
    if (!this.#early) return
    this.#early.push(bytes)
    if (this.#firstFrameWaiter) {
      this.#firstFrameWaiter(bytes)
      this.#firstFrameWaiter = null
    }
  }

  #reportError(err: Error): void {
    this.#log!.warn('websocket error', {
      connection: this.#connection!.id,
      error: errorField(err),
    })
  }

  #leave(): void {
    this.#slot?.release()
    this.#early = null
    this.#firstFrameWaiter?.(null)
    this.#firstFrameWaiter = null
    this.#room?.leave(this.#connection!)
  }

  #roomReady(room: Room): void {
    this.#room = room
    const buffered = this.#early ?? []
    this.#early = null
    this.#firstFrameWaiter?.(null)
    this.#firstFrameWaiter = null
    for (const bytes of buffered) room.receive(this.#connection!, bytes)
  }

  #roomFailed(briefingId: string, err: unknown): void {
    if (!this.isOpen) return // the client left while the room loaded
    // The store's own error says what went wrong; the client is told only to retry.
    const cause = err instanceof RoomLoadFailed && err.cause !== undefined ? err.cause : err
    const unexpected = closeFor(err).unexpected || err instanceof RoomLoadFailed
    if (unexpected)
      this.#log!.error('could not open room', { room: briefingId, error: errorField(cause) })
    this.#connection!.close(err)
  }
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}
