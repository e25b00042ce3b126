/**
 * Client updates that build on content the room does not have yet, held back until it
 * arrives. They cannot be checked before (documentGuard.ts needs to know where their items
 * go), nor stored unchecked. Honest clients send them: on reconnect, a keystroke typed
 * before the client's offline edits have been synced refers to those edits, which arrive a
 * moment later in its sync step 2. Each connection may hold back a bounded amount; past it,
 * or when it leaves, its held updates are dropped (a client resends everything the server
 * lacks at its next sync).
 */
import type { Connection } from './connection'
import { RateLimitExceeded } from './errors'

/** What one connection may hold back: as much as it may send before its room has loaded. */
export const MAX_PARKED_BYTES = 2 * 1024 * 1024

export class ParkedUpdates {
  /** Made when first needed: most rooms never hold anything back. */
  private parked: Map<Connection, { updates: Uint8Array[]; bytes: number }> | null = null

  constructor(private readonly maxBytesPerConnection = MAX_PARKED_BYTES) {}

  /** Whether any update is held back. */
  get size(): number {
    return this.parked?.size ?? 0
  }

  /** Holds an update back; throws RateLimitExceeded past the connection's cap. */
  park(connection: Connection, update: Uint8Array): void {
    this.parked ??= new Map()
    const held = this.parked.get(connection) ?? { updates: [], bytes: 0 }
    if (held.bytes + update.byteLength > this.maxBytesPerConnection) {
      this.parked.delete(connection)
      throw new RateLimitExceeded('too many updates building on content the server lacks')
    }
    held.updates.push(update)
    held.bytes += update.byteLength
    this.parked.set(connection, held)
  }

  /** Takes every held update, to try them again, in the order they arrived per connection. */
  takeAll(): Array<[Connection, Uint8Array[]]> {
    const all = Array.from(this.parked ?? [], ([connection, held]): [Connection, Uint8Array[]] => [
      connection,
      held.updates,
    ])
    this.parked = null
    return all
  }

  /** Drops what a connection that left held back. */
  drop(connection: Connection): void {
    this.parked?.delete(connection)
  }
}
