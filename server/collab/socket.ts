/**
 * The minimal socket a room talks to. Rooms never see a real WebSocket: the ws adapter binds
 * one to this interface, and tests can drive rooms with in-memory pairs.
 */
export interface CollabSocket {
  readonly isOpen: boolean
  /** Bytes sent but not yet handed to the network (a client that stops reading grows it). */
  readonly bufferedAmount: number
  send(data: Uint8Array): void
  close(code: number, reason: string): void
  /** Drops the connection at once, without a closing handshake. */
  terminate(): void
}
