/**
 * A Room is one briefing's live session: its Y.Doc, awareness, connections and the path of
 * every update to the store.
 *
 * Invariants:
 * - The doc holds only what the store holds (plus peer updates, which their own instance
 *   stored). A client update is validated, appended, then applied; its broadcast is the doc's
 *   'update' event, so nobody sees an edit that is not yet durable.
 * - Appends happen in arrival order through one write queue. When the store fails, the queue
 *   keeps the updates in memory and retries with backoff; nothing is dropped.
 * - The room serves sync only after `load()` resolved: a client never gets an empty state it
 *   would then merge with stored content (the duplicated-content bug). The one exception is
 *   the stored snapshot itself, sent during the load to a client that has nothing
 *   (earlyAnswer.ts).
 */
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/protocol/closeCodes'
import {
  type AwarenessEntry,
  decodeAwarenessUpdate,
  decodeMessage,
  encodeAwareness,
  encodeAwarenessEntries,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  MalformedMessageError,
} from '../../shared/protocol/messages'
import { errorField, type Logger } from '../log/logger'
import type { DocumentStore } from '../store/documentStore'
import { BroadcastBatch } from './broadcastBatch'
import type { Connection } from './connection'
import { answerFromSnapshot, EARLY_ANSWER_WAIT_MS, type EarlyClient } from './earlyAnswer'
import { isUpdateOrigin, type UpdateOrigin } from './origin'
import {
  assertApplicableUpdate,
  type ItemCheck,
  isEmptyStateVector,
  isEmptyUpdate,
} from './updateCheck'
import { WriteQueue } from './writeQueue'

/** Stored updates applied per Yjs transaction while loading (see `Room.load`). */
const LOAD_BATCH = 1_000

export type RoomState = 'loading' | 'ready' | 'closed'

export interface RoomOptions {
  /** Compact once the stored log has this many rows. */
  compactAfterEntries: number
  /** Largest awareness state (JSON bytes) one client may publish. */
  maxAwarenessStateBytes: number
  /** Refuses an item the document schema cannot hold (throws MalformedMessageError). */
  checkItem?: ItemCheck
}

export interface RoomHooks {
  /** A connection's update has been stored and applied. */
  onPersisted?(room: Room, origin: UpdateOrigin, update: Uint8Array): void
  /** A peer-facing broadcast of awareness (used by the scale-out fan-out). */
  onAwareness?(room: Room, update: Uint8Array, origin: unknown): void
  /** The room has no connections and may be unloaded. */
  onIdle?(room: Room): void
}

export class Room {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness: Awareness
  readonly connections = new Map<string, Connection>()
  state: RoomState = 'loading'
  /** Joins announced but not yet attached; an unload must not race them. */
  reservations = 0
  /** Connections that have sent awareness; the first message of one is its client's hello. */
  private readonly announced = new WeakSet<Connection>()
  private readonly writes: WriteQueue
  private readonly broadcast: BroadcastBatch
  private appendsSinceCompaction = 0
  /**
   * The one stored row the doc was loaded from, while nothing has changed since: the answer
   * to a client that has nothing (an empty state vector), without encoding the whole doc
   * again on every join of a big briefing.
   */
  private storedState: Uint8Array | null = null
  /**
   * Connections waiting for this room to load, offered an answer from the stored snapshot
   * before it is applied (see earlyAnswer.ts); null once the store has been read.
   */
  private waiting: EarlyClient[] | null = []
  /**
   * Connections answered from the snapshot while the room loaded, when applying it then
   * changed the doc (Yjs derived an edit, or a row could not be applied): at their join they
   * get what the doc holds beyond the snapshot's state vector.
   */
  private catchUp: { connections: Set<Connection>; stateVector: Uint8Array } | null = null
  private compacting: Promise<void> | null = null

  constructor(
    readonly name: string,
    private readonly store: DocumentStore,
    private readonly log: Logger,
    private readonly options: RoomOptions,
    private readonly hooks: RoomHooks = {},
  ) {
    this.awareness = new Awareness(this.doc)
    // The server holds no awareness state of its own.
    this.awareness.setLocalState(null)
    this.broadcast = new BroadcastBatch(this.awareness, (message, except) => {
      for (const connection of this.connections.values()) {
        if (connection.id !== except) connection.send(message)
      }
    })
    this.writes = new WriteQueue(
      (updates) => this.store.append(this.name, updates),
      (err, attempt) =>
        this.log.error('store append failed; keeping updates in memory and retrying', {
          room: this.name,
          attempt,
          error: errorField(err),
        }),
    )
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  /** A connection that will join once the room has loaded (see earlyAnswer.ts). */
  expect(client: EarlyClient): void {
    this.waiting?.push(client)
  }

  /** Loads the stored document. Called once by the registry before anyone joins. */
  async load(): Promise<void> {
    const updates = await this.store.load(this.name)
    const snapshot = updates.length === 1 ? updates[0]! : null
    const waiting = this.waiting ?? []
    this.waiting = null
    const answered = snapshot
      ? await answerFromSnapshot(snapshot, waiting, EARLY_ANSWER_WAIT_MS)
      : new Set<Connection>()
    // Set first: an edit Yjs derives while applying (see storeDerived) clears it again.
    this.storedState = snapshot
    let failed = false
    // Applied in transactions of LOAD_BATCH rather than one: what Yjs does at the end of a
    // transaction (merging adjacent structs, collecting deleted content) grows faster than the
    // transaction, so a 260,000-row log loads in ~0.73 s instead of ~1.15 s. Each boundary is
    // a state the live room passed through, which applied every update on its own. Merging
    // the updates first (Y.mergeUpdates) is quadratic in their count and far slower.
    for (let start = 0; start < updates.length; start += LOAD_BATCH) {
      const end = Math.min(start + LOAD_BATCH, updates.length)
      Y.transact(
        this.doc,
        () => {
          for (let index = start; index < end; index++) {
            // One stored update Yjs cannot apply must not make the whole briefing unloadable.
            try {
              Y.applyUpdate(this.doc, updates[index]!)
            } catch (err) {
              failed = true
              this.log.error('skipping a stored update that cannot be applied', {
                room: this.name,
                index,
                error: errorField(err),
              })
            }
          }
        },
        { source: 'load' } satisfies UpdateOrigin,
      )
    }
    const { pendingStructs, pendingDs } = this.doc.store
    if (failed || pendingStructs !== null || pendingDs !== null) this.storedState = null
    if (snapshot && answered.size > 0 && this.storedState !== snapshot) {
      this.catchUp = { connections: answered, stateVector: stateVectorOf(snapshot) }
    }
    // A log left long (an instance died before compacting) is merged after the next append.
    this.appendsSinceCompaction = updates.length
    this.state = 'ready'
  }

  /** Whether anything still needs this room in memory. */
  get busy(): boolean {
    return this.connections.size > 0 || this.reservations > 0 || this.writes.pending > 0
  }

  /** Attaches a connection and starts the sync handshake. */
  join(connection: Connection): void {
    if (this.state !== 'ready') throw new Error(`room ${this.name} is ${this.state}`)
    this.connections.set(connection.id, connection)
    connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    const states = Array.from(this.awareness.getStates().keys())
    if (states.length > 0) {
      connection.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, states)))
    }
    if (this.catchUp?.connections.delete(connection)) {
      connection.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, this.catchUp.stateVector)))
      if (this.catchUp.connections.size === 0) this.catchUp = null
    }
  }

  /** Detaches a connection, removing its awareness states for everyone else. */
  leave(connection: Connection): void {
    if (!this.connections.delete(connection.id)) return
    if (connection.awarenessClients.size > 0) {
      removeAwarenessStates(this.awareness, Array.from(connection.awarenessClients), connection)
    }
    if (this.connections.size === 0 && this.reservations === 0) this.hooks.onIdle?.(this)
  }

  /**
   * Handles one frame from a connection. A frame that cannot be decoded closes only that
   * connection; the room and everyone else carry on.
   */
  receive(connection: Connection, data: Uint8Array): void {
    // A closed room takes no more work; a client's unsent edits stay in its own doc and are
    // sent again when it reconnects.
    if (this.state !== 'ready') return
    try {
      this.handle(connection, data)
    } catch (err) {
      const malformed = err instanceof MalformedMessageError
      this.log.warn(malformed ? 'malformed message; closing connection' : 'message failed', {
        room: this.name,
        connection: connection.id,
        error: errorField(err),
      })
      connection.close(
        CloseCode.MalformedMessage,
        malformed ? err.message.slice(0, 120) : 'bad message',
      )
    }
  }

  private handle(connection: Connection, data: Uint8Array): void {
    const message = decodeMessage(data)
    switch (message.type) {
      case 'sync-step-1': {
        if (this.storedState && isEmptyStateVector(message.stateVector)) {
          connection.send(encodeSyncStep2(this.storedState))
          return
        }
        let diff: Uint8Array
        try {
          diff = Y.encodeStateAsUpdate(this.doc, message.stateVector)
        } catch (err) {
          throw new MalformedMessageError(`invalid state vector (${String(err)})`)
        }
        connection.send(encodeSyncStep2(diff))
        return
      }
      case 'sync-step-2':
      case 'update':
        this.receiveUpdate(connection, message.update)
        return
      case 'awareness':
        this.receiveAwareness(connection, message.update)
        return
      case 'query-awareness':
        connection.send(
          encodeAwareness(
            encodeAwarenessUpdate(this.awareness, Array.from(this.awareness.getStates().keys())),
          ),
        )
        return
      default: {
        const unreachable: never = message
        throw new MalformedMessageError(`unhandled message ${JSON.stringify(unreachable)}`)
      }
    }
  }

  private receiveUpdate(connection: Connection, update: Uint8Array): void {
    // Every y-websocket client answers sync step 1 with what the server lacks, even when that
    // is nothing: stored, each connect would write a row (and publish it, in a cluster).
    if (isEmptyUpdate(update)) return
    if (connection.access === 'read-only') {
      // Dropped here, before the store: a reader's edit must reach neither disk nor peers.
      if (!connection.toldReadOnly) {
        connection.toldReadOnly = true
        connection.send(encodePermissionDenied('read-only: document updates are not accepted'))
      }
      return
    }
    assertApplicableUpdate(update, this.options.checkItem)
    this.persistAndApply(update, { source: 'client', connectionId: connection.id }).catch((err) => {
      // Stored, but Yjs threw applying it: an update the checks above did not catch.
      this.log.error('update could not be applied; closing connection', {
        room: this.name,
        connection: connection.id,
        error: errorField(err),
      })
      connection.close(CloseCode.MalformedMessage, 'update could not be applied')
    })
  }

  /**
   * Stores an update, then applies it to the doc (which broadcasts it). Used for client
   * edits and for edits the server itself makes.
   */
  persistAndApply(update: Uint8Array, origin: UpdateOrigin): Promise<void> {
    return this.writes.push(update).then(() => {
      if (this.state === 'closed') return
      Y.applyUpdate(this.doc, update, origin)
      this.hooks.onPersisted?.(this, origin, update)
      this.appendsSinceCompaction++
      if (this.appendsSinceCompaction >= this.options.compactAfterEntries) {
        // A failed compaction leaves the log intact; the next one (or the unload) tries again.
        this.compact().catch((err) =>
          this.log.warn('compaction failed', { room: this.name, error: errorField(err) }),
        )
      }
    })
  }

  /** Applies an update another instance has already stored. */
  applyPeerUpdate(update: Uint8Array): void {
    if (this.state !== 'ready') return
    Y.applyUpdate(this.doc, update, { source: 'peer' } satisfies UpdateOrigin)
  }

  private receiveAwareness(connection: Connection, update: Uint8Array): void {
    const entries = decodeAwarenessUpdate(update)
    for (const entry of entries) {
      if (entry.stateJson.length > this.options.maxAwarenessStateBytes) {
        throw new MalformedMessageError(
          `awareness state of ${entry.stateJson.length} bytes exceeds ${this.options.maxAwarenessStateBytes}`,
        )
      }
    }
    const hello = !this.announced.has(connection)
    this.announced.add(connection)
    // The clients a connection speaks for, removed for everyone when it leaves: those of its
    // hello, and any whose state it changed. Not those it only echoes: the stock provider
    // sends back every state it hears, and a connection claiming them all would, leaving,
    // wipe everyone's presence (as upstream's server, count only accepted changes).
    const news = new Set(entries.filter((e) => isNews(this.awareness, e)).map((e) => e.clientId))
    for (const { clientId, stateJson } of entries) {
      if (stateJson === 'null') connection.awarenessClients.delete(clientId)
      else if (hello || news.has(clientId)) connection.awarenessClients.add(clientId)
    }
    applyAwarenessUpdate(
      this.awareness,
      hello ? readmitReconnected(this.awareness, entries, update) : update,
      connection,
    )
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (isUpdateOrigin(origin) && origin.source === 'load') return
    this.storedState = null
    if (!isUpdateOrigin(origin)) {
      this.storeDerived(update)
      return
    }
    this.broadcast.addUpdate(update, origin.source === 'client' ? origin.connectionId : null)
  }

  /**
   * Yjs writes to the doc by itself while applying a remote update: it deletes formatting
   * marks that concurrent formatting made redundant (Y.Text's cleanup, with no origin). That
   * is an edit like any other: unless it is stored and sent to everyone, clients connected
   * now keep a document that differs from the room's (found by tests/fuzz).
   */
  private storeDerived(update: Uint8Array): void {
    this.writes.push(update).then(
      () => {
        if (this.state !== 'closed') this.broadcast.addUpdate(update, null)
      },
      // Only when the room is destroyed meanwhile; the next load derives it again.
      () => undefined,
    )
  }

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const clients = [...change.added, ...change.updated, ...change.removed]
    if (clients.length === 0) return
    this.broadcast.addAwareness(clients)
    if (this.hooks.onAwareness) {
      this.hooks.onAwareness(this, encodeAwarenessUpdate(this.awareness, clients), origin)
    }
  }

  /** Merges the stored log into one snapshot. At most one compaction runs at a time. */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting
    this.appendsSinceCompaction = 0
    this.compacting = this.store
      .compact(this.name)
      .then((result) => this.log.debug('compacted', { room: this.name, ...result }))
      .finally(() => {
        this.compacting = null
      })
    return this.compacting
  }

  /** Resolves when every queued update has been stored and applied. */
  flushed(): Promise<void> {
    return this.writes.drained()
  }

  /** Closes every connection with `code` and stops accepting work. */
  close(code: number, reason: string): void {
    this.state = 'closed'
    this.broadcast.cancel()
    for (const connection of this.connections.values()) connection.close(code, reason)
    this.connections.clear()
  }

  /** Releases the doc; after this the room is unusable. */
  destroy(): void {
    this.state = 'closed'
    this.broadcast.cancel()
    this.writes.stop()
    this.doc.off('update', this.onDocUpdate)
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }
}

/**
 * A client that reconnects re-announces the awareness clock it had, and y-protocols, here and
 * in every other client, ignores a clock it has already seen: the client would look absent
 * until its next renewal, up to 15 s (yjs/y-websocket#122). So a state for a client that has
 * none here is re-admitted one clock later than the last one seen; every client takes that as
 * news, and the reconnected client adopts the clock when its own state comes back to it.
 * Only a connection's hello (its first awareness message, sent before it has heard anything)
 * is treated so: its later messages echo other clients' states, and an echo must not bring
 * back a client that has just left.
 */
function readmitReconnected(
  awareness: Awareness,
  entries: AwarenessEntry[],
  update: Uint8Array,
): Uint8Array {
  let readmitted = false
  const adjusted = entries.map((entry) => {
    const seen = awareness.meta.get(entry.clientId)?.clock
    if (
      entry.stateJson === 'null' ||
      seen === undefined ||
      entry.clock > seen ||
      awareness.states.has(entry.clientId)
    ) {
      return entry
    }
    readmitted = true
    return { ...entry, clock: seen + 1 }
  })
  return readmitted ? encodeAwarenessEntries(adjusted) : update
}

/** The state vector of a stored update; empty (everything is missing) if it cannot be read. */
function stateVectorOf(update: Uint8Array): Uint8Array {
  try {
    return Y.encodeStateVectorFromUpdate(update)
  } catch {
    return new Uint8Array([0]) // names no client: everything is missing
  }
}

/** Whether y-protocols will apply this entry: a newer clock, or a removal of a present state. */
function isNews(awareness: Awareness, entry: AwarenessEntry): boolean {
  const seen = awareness.meta.get(entry.clientId)?.clock ?? 0
  return (
    seen < entry.clock ||
    (seen === entry.clock && entry.stateJson === 'null' && awareness.states.has(entry.clientId))
  )
}
