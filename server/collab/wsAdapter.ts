/**
 * Binds real `ws` sockets to rooms. Everything protocol-level lives in Room; this file only
 * turns a WebSocket into a CollabSocket, buffers frames that arrive while the room loads,
 * and reports socket-level failures with documented close codes.
 */
import { randomUUID } from 'node:crypto'
import type { WebSocket } from 'ws'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { errorField, type Logger } from '../log/logger'
import { type AccessMode, Connection, type ConnectionIdentity } from './connection'
import { MESSAGE_RATE, MessageRate } from './messageRate'
import type { Room } from './room'
import type { RoomRegistry } from './roomRegistry'
import type { CollabSocket } from './socket'

export interface AttachOptions {
  briefingId: string
  access: AccessMode
  identity: ConnectionIdentity
  /** Bytes a client may send before its room has loaded; more is abuse. */
  maxBufferedBytes: number
}

function toCollabSocket(ws: WebSocket): CollabSocket {
  return {
    get isOpen() {
      return ws.readyState === ws.OPEN
    },
    send(data) {
      ws.send(data)
    },
    close(code, reason) {
      ws.close(code, reason)
    },
  }
}

/** Attaches an accepted WebSocket to its briefing's room. Returns the connection. */
export function attachSocket(
  ws: WebSocket,
  registry: RoomRegistry,
  log: Logger,
  options: AttachOptions,
): Connection {
  ws.binaryType = 'nodebuffer'
  const connection = new Connection(
    randomUUID(),
    toCollabSocket(ws),
    options.access,
    options.identity,
  )
  let room: Room | null = null
  let early: Uint8Array[] | null = []
  let earlyBytes = 0
  const rate = new MessageRate(MESSAGE_RATE.perSecond, MESSAGE_RATE.burst)

  ws.on('message', (data, isBinary) => {
    // Frames still arriving after we decided to close are ignored, except at a restart: the
    // client sent them before it learned of it, and they are stored like any other.
    if (!connection.socket.isOpen && connection.closedWith !== CloseCode.ServerRestarting) return
    if (!isBinary) {
      log.warn('malformed message; closing connection', {
        connection: connection.id,
        error: 'text frame',
      })
      connection.close(CloseCode.MalformedMessage, 'text frames are not part of the protocol')
      return
    }
    if (!rate.take()) {
      log.warn('message rate exceeded; closing connection', { connection: connection.id })
      connection.close(CloseCode.RateLimited, 'too many messages')
      return
    }
    const bytes = toUint8Array(data)
    if (room) {
      room.receive(connection, bytes)
      return
    }
    earlyBytes += bytes.byteLength
    if (earlyBytes > options.maxBufferedBytes) {
      connection.close(CloseCode.RateLimited, 'too much data before the room was ready')
      return
    }
    early?.push(bytes)
  })
  ws.on('error', (err) => {
    log.warn('websocket error', { connection: connection.id, error: errorField(err) })
  })
  ws.on('close', () => {
    early = null
    room?.leave(connection)
  })

  registry.join(options.briefingId, connection).then(
    (joined) => {
      room = joined
      const buffered = early ?? []
      early = null
      for (const bytes of buffered) joined.receive(connection, bytes)
    },
    (err) => {
      if (!connection.socket.isOpen) return // the client left while the room loaded
      log.error('could not open room', { room: options.briefingId, error: errorField(err) })
      connection.close(CloseCode.StoreUnavailable, 'briefing could not be loaded')
    },
  )
  return connection
}

function toUint8Array(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}
