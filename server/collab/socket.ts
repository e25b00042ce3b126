/**
 * The minimal socket a room talks to. Rooms never see a real WebSocket: the ws adapter binds
 * one to this interface, and tests can drive rooms with in-memory pairs.
 */
export interface CollabSocket {
  readonly isOpen: boolean
  send(data: Uint8Array): void
  close(code: number, reason: string): void
}
