/**
 * Who may speak for each awareness client of a room. y-protocols trusts every message: any
 * connection could set or remove the presence of any client id, so a viewer could spoof
 * someone's caret, erase everyone's presence, or flood the room with made-up clients
 * (1,200 fake 16 KB states reached every client). Here a client id belongs to the
 * connection that introduced it, and only that connection may change or remove its state.
 *
 * - A connection claims an id by announcing a state for an id nobody holds a state for.
 *   The stock provider echoes every state it hears; an echo names ids other connections
 *   own, and is dropped quietly, like any other change to an id the sender does not own.
 * - A connection of the same user may take an id over in its hello, its first awareness
 *   message (a tab that reconnected before the server noticed its old socket was gone).
 *   Not later: two tabs of one user echo each other's states all the time. Another user's
 *   connection never may.
 * - An id present through a peer instance is not claimable here until that instance
 *   removes it, so a connection here cannot speak for a client connected elsewhere.
 * - A connection claims at most `maxPerConnection` ids in its life. A real provider speaks
 *   for exactly one; the cap bounds the states (and per-id bookkeeping y-protocols keeps
 *   for good) that one socket can create.
 */
import type { Awareness } from 'y-protocols/awareness'
import type { AwarenessEntry } from '../../shared/protocol/messages'
import type { Connection } from './connection'

export class AwarenessOwners {
  private readonly owners = new Map<number, Connection>()

  constructor(
    private readonly awareness: Awareness,
    private readonly maxPerConnection: number,
  ) {}

  /**
   * The entries `connection` may apply: those for ids it owns or may claim now (`hello`: this
   * is its first awareness message). Claims and releases take effect here, so call it once
   * per message, just before applying.
   */
  admit(
    connection: Connection,
    entries: readonly AwarenessEntry[],
    hello: boolean,
  ): AwarenessEntry[] {
    const admitted: AwarenessEntry[] = []
    for (const entry of entries) {
      const removal = entry.stateJson === 'null'
      const owner = this.owners.get(entry.clientId)
      if (owner !== connection) {
        if (removal || !this.mayClaim(connection, entry.clientId, owner, hello)) continue
        owner?.releaseAwareness(entry.clientId)
        this.owners.set(entry.clientId, connection)
        connection.claimAwareness(entry.clientId)
      } else if (removal) {
        this.owners.delete(entry.clientId)
        connection.releaseAwareness(entry.clientId)
      }
      admitted.push(entry)
    }
    return admitted
  }

  /** Forgets a connection that left; returns the ids whose states should go with it. */
  release(connection: Connection): number[] {
    const ids = Array.from(connection.awarenessClients)
    for (const id of ids) {
      this.owners.delete(id)
      connection.releaseAwareness(id)
    }
    return ids
  }

  private mayClaim(
    connection: Connection,
    clientId: number,
    owner: Connection | undefined,
    hello: boolean,
  ): boolean {
    if (connection.awarenessClaims >= this.maxPerConnection) return false
    // The room's own id: y-protocols would take a state for it as the server's own.
    if (clientId === this.awareness.clientID) return false
    if (owner) return hello && owner.userId !== null && owner.userId === connection.userId
    return !this.awareness.states.has(clientId)
  }
}
