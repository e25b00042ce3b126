/** One client connection to a room. */
import type { CollabSocket } from './socket'

/** What a connection may do; the server enforces it, whatever the client claims. */
export type AccessMode = 'read-write' | 'read-only'

export class Connection {
  /** Awareness client ids this connection has announced, removed when it leaves. */
  readonly awarenessClients = new Set<number>()
  /** Set once a dropped write has been reported, so a read-only client is told only once. */
  toldReadOnly = false

  constructor(
    readonly id: string,
    readonly socket: CollabSocket,
    public access: AccessMode,
    /** Who is connected, for logs and later for access checks. */
    readonly userId: string | null,
  ) {}

  send(data: Uint8Array): void {
    if (this.socket.isOpen) this.socket.send(data)
  }

  close(code: number, reason: string): void {
    if (this.socket.isOpen) this.socket.close(code, reason)
  }
}
