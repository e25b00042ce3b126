/**
 * A room's presence: the awareness states of its clients, who may change which of them
 * (awarenessOwners.ts), how big one may be, and presence across reconnects (readmit.ts).
 * The room listens to `awareness` to pass changes on.
 */
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import type * as Y from 'yjs'
import {
  decodeAwarenessUpdate,
  encodeAwarenessEntries,
  MalformedMessageError,
} from '../../shared/protocol/messages'
import { AwarenessOwners } from './awarenessOwners'
import type { Connection } from './connection'
import type { AwarenessOrigin } from './origin'
import { readmitReconnected } from './readmit'

export interface PresenceLimits {
  /** Largest awareness state (JSON bytes) one client may publish. */
  maxStateBytes: number
  /** Awareness client ids one connection may introduce in its life. */
  maxClientsPerConnection: number
}

export class Presence {
  readonly awareness: Awareness
  private readonly owners: AwarenessOwners
  /** Connections that have sent awareness; the first message of one is its client's hello. */
  private readonly announced = new WeakSet<Connection>()

  constructor(
    doc: Y.Doc,
    private readonly limits: PresenceLimits,
  ) {
    this.awareness = new Awareness(doc)
    // The server holds no awareness state of its own.
    this.awareness.setLocalState(null)
    this.owners = new AwarenessOwners(this.awareness, limits.maxClientsPerConnection)
  }

  /**
   * Applies what an awareness message from `connection` may change. Throws
   * MalformedMessageError for a state past the size limit.
   */
  receive(connection: Connection, update: Uint8Array): void {
    const entries = decodeAwarenessUpdate(update)
    for (const entry of entries) {
      if (entry.stateJson.length > this.limits.maxStateBytes) {
        throw new MalformedMessageError(
          `awareness state of ${entry.stateJson.length} bytes exceeds ${this.limits.maxStateBytes}`,
        )
      }
    }
    const hello = !this.announced.has(connection)
    this.announced.add(connection)
    // Only changes to the clients this connection speaks for; the rest (the stock provider
    // echoes every state it hears, a hostile one names other people's clients) is dropped.
    const admitted = this.owners.admit(connection, entries, hello)
    if (admitted.length === 0) return
    const adjusted = hello ? readmitReconnected(this.awareness, admitted) : admitted
    const unchanged = adjusted === admitted && admitted.length === entries.length
    applyAwarenessUpdate(
      this.awareness,
      unchanged ? update : encodeAwarenessEntries(adjusted),
      originOf(connection),
    )
  }

  /** Removes, for everyone, the states of the clients a departing connection spoke for. */
  leave(connection: Connection): void {
    const clients = this.owners.release(connection)
    if (clients.length > 0) removeAwarenessStates(this.awareness, clients, originOf(connection))
  }

  /** Every present state as one awareness update; null when nobody is present. */
  encodeAll(): Uint8Array | null {
    const clients = Array.from(this.awareness.getStates().keys())
    return clients.length > 0 ? encodeAwarenessUpdate(this.awareness, clients) : null
  }

  destroy(): void {
    this.awareness.destroy()
  }
}

function originOf(connection: Connection): AwarenessOrigin {
  return { source: 'client', connectionId: connection.id }
}
