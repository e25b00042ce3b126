/**
 * Answering from the stored snapshot, the one place a room serves anything it has not
 * loaded: everything about the "early answer" lives here (the registry passes waiting
 * clients on, the socket adapter implements EarlyClient).
 *
 * The first open of a big briefing (a cold room: after a restart, or after it unloaded) is
 * mostly Yjs work done twice in a row: the server applies the stored snapshot to the room's
 * Y.Doc (50–300 ms for a 670 KiB state, the upper end on a freshly started process), and only
 * then the client, which has nothing, gets the same bytes and applies them itself. Yet the
 * answer to a client that has nothing (sync step 1 with an empty state vector) is the stored
 * snapshot itself, byte for byte. So a loading room whose store holds one snapshot row waits
 * briefly for the first frame of each connection waiting on it, answers those that ask for
 * everything straight from the snapshot, and applies it afterwards: the server's apply then
 * overlaps the transfer and the client's own apply instead of preceding them.
 *
 * Nothing else changes: the room still serves nothing else before it has loaded, and joins
 * as before (sync step 1 and awareness); the client's answered frame is dropped, the rest of
 * what it sent is handled as usual. The wait is bounded (EARLY_ANSWER_WAIT_MS) because a
 * client that stays silent must not hold the room for everyone else.
 */
import * as Y from 'yjs'
import { decodeMessage, encodeSyncStep2 } from '../../shared/protocol/messages'
import type { Connection } from './connection'
import { isEmptyStateVector } from './updateCheck'

/**
 * Longest a loading room waits for first frames and for its answers to reach the network
 * before applying anyway. A client sends its first frame as soon as its socket opens, so
 * this is about one round trip plus handing a few hundred KiB to the kernel.
 */
export const EARLY_ANSWER_WAIT_MS = 250

/** The state vector of a client that has nothing: the one an early answer answers. */
const EMPTY_STATE_VECTOR = Uint8Array.of(0)

/** A connection that will join a loading room, seen from before it has joined. */
export interface EarlyClient {
  readonly connection: Connection
  /** The first frame the client sent, once it has one; null if it closed without one. */
  firstFrame(): Promise<Uint8Array | null>
  /**
   * Sends `reply` in place of that frame, which is dropped unhandled. Resolves once the
   * reply has been handed to the network (or the socket closed). The connection has
   * already recorded the answer (Connection.answeredEarly).
   */
  answerFirstFrame(reply: Uint8Array): Promise<void>
}

/**
 * A room's answers from its stored snapshot (when the store holds exactly one row): early,
 * to the clients waiting while it loads; and after, to any client that has nothing, while
 * the doc still equals that row (without encoding the whole doc again on every join of a
 * big briefing).
 */
export class SnapshotAnswers {
  /** Connections waiting for the room to load; null once the store has been read. */
  private waiting: EarlyClient[] | null = []
  /** The one stored row the doc was loaded from, while nothing has changed since. */
  private stored: Uint8Array | null = null
  /** Connections answered early, until the load completes. */
  private answered = new Set<Connection>()
  /**
   * Connections answered early when applying the snapshot then changed the doc (Yjs derived
   * an edit, or a row could not be applied): at their join they get what the doc holds
   * beyond the snapshot's state vector.
   */
  private catchUp: { connections: Set<Connection>; stateVector: Uint8Array } | null = null

  /** A connection that will join once the room has loaded. */
  expect(client: EarlyClient): void {
    this.waiting?.push(client)
  }

  /**
   * The store has been read and holds `snapshot` as its one row (or null): answers the
   * waiting clients that ask for everything from it, before the room applies it.
   */
  async storeRead(snapshot: Uint8Array | null): Promise<void> {
    const waiting = this.waiting ?? []
    this.waiting = null
    if (snapshot) this.answered = await answerFromSnapshot(snapshot, waiting, EARLY_ANSWER_WAIT_MS)
    // Set after the answers, before the apply: an edit Yjs derives while applying (see
    // changed) clears it again.
    this.stored = snapshot
  }

  /** The doc no longer equals the stored row. */
  changed(): void {
    this.stored = null
  }

  /** The room has loaded `snapshot` (if any) and is about to take joins. */
  loaded(snapshot: Uint8Array | null): void {
    if (snapshot && this.answered.size > 0 && this.stored !== snapshot) {
      this.catchUp = { connections: this.answered, stateVector: stateVectorOf(snapshot) }
    }
    this.answered = new Set()
  }

  /** The answer to a sync step 1 with this state vector, if it is the stored row itself. */
  answerFor(stateVector: Uint8Array): Uint8Array | null {
    return this.stored && isEmptyStateVector(stateVector) ? this.stored : null
  }

  /** What a connection answered early lacks, as it joins `doc`; null if nothing. */
  catchUpFor(connection: Connection, doc: Y.Doc): Uint8Array | null {
    if (!this.catchUp?.connections.delete(connection)) return null
    const missing = Y.encodeStateAsUpdate(doc, this.catchUp.stateVector)
    if (this.catchUp.connections.size === 0) this.catchUp = null
    return missing
  }
}

/**
 * Answers every client whose first frame asks for everything with the snapshot, waiting at
 * most `maxWaitMs` for first frames and for the answers to leave. Returns the connections
 * answered; none is answered after this resolves (a late frame is handled after the join).
 */
export async function answerFromSnapshot(
  snapshot: Uint8Array,
  clients: readonly EarlyClient[],
  maxWaitMs: number,
): Promise<Set<Connection>> {
  const answered = new Set<Connection>()
  if (clients.length === 0) return answered
  let open = true
  let reply: Uint8Array | null = null
  const answerAll = Promise.all(
    clients.map(async (client) => {
      const frame = await client.firstFrame()
      if (!open || frame === null || !asksForEverything(frame)) return
      answered.add(client.connection)
      // Encoded once, on first need: the snapshot may be hundreds of KiB.
      reply ??= encodeSyncStep2(snapshot)
      // What the connection's send budget and repeated-request check count (backpressure.ts).
      client.connection.answeredEarly(reply, EMPTY_STATE_VECTOR)
      await client.answerFirstFrame(reply)
    }),
  )
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, maxWaitMs)
  })
  try {
    await Promise.race([answerAll, deadline])
  } finally {
    open = false
    clearTimeout(timer)
  }
  return answered
}

/** Sync step 1 with an empty state vector: the sender has nothing and asks for everything. */
export function asksForEverything(frame: Uint8Array): boolean {
  try {
    const message = decodeMessage(frame)
    return message.type === 'sync-step-1' && isEmptyStateVector(message.stateVector)
  } catch {
    return false // a malformed frame is the room's to refuse, after the join
  }
}

/** The state vector of a stored update; empty (everything is missing) if it cannot be read. */
function stateVectorOf(update: Uint8Array): Uint8Array {
  try {
    return Y.encodeStateVectorFromUpdate(update)
  } catch {
    return new Uint8Array([0]) // names no client: everything is missing
  }
}
