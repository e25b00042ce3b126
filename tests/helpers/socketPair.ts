/**
 * An in-memory socket pair with an explicit flush (as tldraw sync's TestSocketPair): the
 * server end is the CollabSocket a Connection talks to, the client end is what a test
 * client reads and writes. Nothing moves until the test says so, one direction at a time,
 * so a test decides the exact interleaving of frames, and a seeded test reproduces it.
 *
 * Like a real socket, frames arrive in order, a close arrives after the frames sent before
 * it, and the server end counts what it has sent but the client has not read as
 * `bufferedAmount` (what backpressure.ts watches).
 */
import type { CollabSocket } from '../../server/collab/socket'

export interface Closed {
  code: number
  reason: string
  /** Who closed: the server (a close code it chose) or the client (it went away). */
  by: 'server' | 'client'
}

type ToClient = { frame: Uint8Array } | { close: Closed }

export class SocketPair {
  /** The server's end: what a Connection is given. */
  readonly server: CollabSocket
  /** Receives each frame flushed to the client. */
  onClientFrame: (frame: Uint8Array) => void = () => undefined
  /** Called when a close reaches the client. */
  onClientClose: (closed: Closed) => void = () => undefined
  /** Receives each frame flushed to the server; until set, frames wait. */
  onServerFrame: ((frame: Uint8Array) => void) | null = null
  /**
   * Called once when the server learns the socket closed (ws's 'close' event): at the next
   * flushToServer, never from inside the close itself, as with a real socket.
   */
  onServerClose: () => void = () => undefined
  /** How the socket closed, once it has. */
  closed: Closed | null = null
  private readonly toClient: ToClient[] = []
  private readonly toServer: Uint8Array[] = []
  private unread = 0
  private serverToldClosed = false

  constructor() {
    const pair = this
    this.server = {
      get isOpen() {
        return pair.closed === null
      },
      get bufferedAmount() {
        return pair.unread
      },
      send(data) {
        if (pair.closed) return
        const frame = data.slice()
        pair.unread += frame.byteLength
        pair.toClient.push({ frame })
      },
      close(code, reason) {
        pair.closeFrom({ code, reason, by: 'server' })
      },
      terminate() {
        // Dropped at once: nothing queued reaches the client, not even a close frame.
        pair.toClient.length = 0
        pair.unread = 0
        pair.closeFrom({ code: 1006, reason: 'terminated', by: 'server' })
      },
    }
  }

  /** Whether the socket is still open. */
  get isOpen(): boolean {
    return this.closed === null
  }

  /** Frames waiting in each direction. */
  get pending(): { toClient: number; toServer: number } {
    return { toClient: this.toClient.length, toServer: this.toServer.length }
  }

  /** The client sends a frame; it waits until flushToServer. */
  clientSend(frame: Uint8Array): void {
    if (!this.closed) this.toServer.push(frame.slice())
  }

  /** The client goes away (its tab closes); frames it had sent are lost. */
  clientClose(): void {
    this.toServer.length = 0
    this.closeFrom({ code: 1000, reason: '', by: 'client' })
  }

  /**
   * Delivers up to `max` waiting frames to the server, in order; returns how many. Frames
   * wait while nobody listens on the server end (the room has not loaded yet).
   */
  flushToServer(max = Number.POSITIVE_INFINITY): number {
    let delivered = 0
    while (delivered < max && this.toServer.length > 0 && this.onServerFrame && !this.closed) {
      this.onServerFrame(this.toServer.shift()!)
      delivered++
    }
    if (this.closed && !this.serverToldClosed) {
      this.serverToldClosed = true
      this.onServerClose()
    }
    return delivered
  }

  /** Delivers up to `max` waiting frames (a close counts as one) to the client; returns how many. */
  flushToClient(max = Number.POSITIVE_INFINITY): number {
    let delivered = 0
    while (delivered < max && this.toClient.length > 0) {
      const next = this.toClient.shift()!
      delivered++
      if ('close' in next) {
        this.onClientClose(next.close)
        continue
      }
      this.unread -= next.frame.byteLength
      this.onClientFrame(next.frame)
    }
    return delivered
  }

  private closeFrom(closed: Closed): void {
    if (this.closed) return
    this.closed = closed
    if (closed.by === 'server' && closed.code !== 1006) this.toClient.push({ close: closed })
    else this.onClientClose(closed)
  }
}
