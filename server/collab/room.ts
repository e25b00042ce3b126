/**
 * A Room is one briefing's live session: its Y.Doc, awareness, connections and the path of
 * every update to the store.
 *
 * Invariants:
 * - The doc holds only what the store holds (plus peer updates, which their own instance
 *   stored). A client update is validated, appended, then applied; its broadcast is the doc's
 *   'update' event, so nobody sees an edit that is not yet durable.
 * - Appends happen in arrival order through one write queue. When the store fails, the queue
 *   keeps the updates in memory and retries with backoff; nothing accepted is dropped. Past
 *   the backlog cap a client's new update is refused before it is accepted (4507): the
 *   client keeps it and resends it when it reconnects.
 * - The room serves sync only after `load()` resolved: a client never gets an empty state it
 *   would then merge with stored content (the duplicated-content bug). The one exception is
 *   the stored snapshot itself, sent during the load to a client that has nothing
 *   (earlyAnswer.ts).
 */
import { type Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  decodeMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  MalformedMessageError,
} from '../../shared/protocol/messages'
import type { StructureRules } from '../../shared/schema/structure'
import { errorField, type Logger } from '../log/logger'
import type { DocumentStore } from '../store/documentStore'
import { BroadcastBatch } from './broadcastBatch'
import { closeFor } from './closeFor'
import type { Connection } from './connection'
import { DocumentGuard } from './documentGuard'
import { answerFromSnapshot, EARLY_ANSWER_WAIT_MS, type EarlyClient } from './earlyAnswer'
import { RoomLoadFailed } from './errors'
import { repairStructure } from './loadRepair'
import {
  type AwarenessOrigin,
  isAwarenessOrigin,
  isUpdateOrigin,
  type UpdateOrigin,
} from './origin'
import { ParkedUpdates } from './parkedUpdates'
import { Presence } from './presence'
import { applyStoredLog } from './storedLog'
import {
  assertApplicableUpdate,
  type ItemCheck,
  isEmptyStateVector,
  isEmptyUpdate,
} from './updateCheck'
import { WriteQueue } from './writeQueue'

export type RoomState = 'loading' | 'ready' | 'closed'

export interface RoomOptions {
  /** Compact once the stored log has this many rows. */
  compactAfterEntries: number
  /** Largest awareness state (JSON bytes) one client may publish. */
  maxAwarenessStateBytes: number
  /** Awareness client ids one connection may introduce in its life (see awarenessOwners.ts). */
  maxAwarenessClientsPerConnection: number
  /** Bytes of client edits that may wait for the store; past it, new edits are refused. */
  maxPendingWriteBytes: number
  /** Refuses an item the document schema cannot hold (throws InvalidContentError). */
  checkItem?: ItemCheck
  /**
   * The document's structural rules: updates that break them are refused, and a stored
   * document that breaks them is repaired when the room loads (see loadRepair.ts).
   */
  structure?: StructureRules
}

export interface RoomHooks {
  /** A connection's update has been stored and applied. */
  onPersisted?(room: Room, origin: UpdateOrigin, update: Uint8Array): void
  /**
   * Awareness changed (used by the scale-out fan-out); `origin` says who changed it, null
   * for anything else (a timeout).
   */
  onAwareness?(room: Room, update: Uint8Array, origin: AwarenessOrigin | null): void
  /** The room has no connections and may be unloaded. */
  onIdle?(room: Room): void
}

export class Room {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness: Awareness
  readonly connections = new Map<string, Connection>()
  state: RoomState = 'loading'
  /** Why the room was closed, once it is: what a join arriving too late is told. */
  closedBy: Error | null = null
  /** Joins announced but not yet attached, and server work in progress (see reserve). */
  private reservations = 0
  private readonly presence: Presence
  /** Made at the first client update: most rooms of an idle server never see one. */
  private guard: DocumentGuard | null = null
  private readonly parked = new ParkedUpdates()
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
    this.presence = new Presence(this.doc, {
      maxStateBytes: options.maxAwarenessStateBytes,
      maxClientsPerConnection: options.maxAwarenessClientsPerConnection,
    })
    this.awareness = this.presence.awareness
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
      options.maxPendingWriteBytes,
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
    let updates: Uint8Array[]
    try {
      updates = await this.store.load(this.name)
    } catch (err) {
      throw new RoomLoadFailed('briefing could not be loaded', { cause: err })
    }
    const snapshot = updates.length === 1 ? updates[0]! : null
    const waiting = this.waiting ?? []
    this.waiting = null
    const answered = snapshot
      ? await answerFromSnapshot(snapshot, waiting, EARLY_ANSWER_WAIT_MS)
      : new Set<Connection>()
    // Set first: an edit Yjs derives while applying (see storeDerived) clears it again.
    this.storedState = snapshot
    const failed = applyStoredLog(this.doc, updates, { source: 'load' }, (index, err) =>
      this.log.error('skipping a stored update that cannot be applied', {
        room: this.name,
        index,
        error: errorField(err),
      }),
    )
    const { pendingStructs, pendingDs } = this.doc.store
    if (failed || pendingStructs !== null || pendingDs !== null) this.storedState = null
    // Before anyone joins: an editor given such a document shows an empty page.
    if (this.options.structure) {
      await repairStructure(this, this.options.structure, this.log)
    }
    if (snapshot && answered.size > 0 && this.storedState !== snapshot) {
      this.catchUp = { connections: answered, stateVector: stateVectorOf(snapshot) }
    }
    // A log left long (an instance died before compacting) is merged after the next append.
    this.appendsSinceCompaction = updates.length
    this.state = 'ready'
  }

  /** Updates (and their bytes) waiting to be stored. */
  get writeBacklog(): { updates: number; bytes: number } {
    return { updates: this.writes.pending, bytes: this.writes.pendingBytes }
  }

  /** Whether anything still needs this room in memory. */
  get busy(): boolean {
    return !this.idle || this.writes.pending > 0
  }

  /** No connection and no reservation: nobody is here or on the way. */
  get idle(): boolean {
    return this.connections.size === 0 && this.reservations === 0
  }

  /**
   * Keeps the room from being unloaded until the returned release is called (a join that
   * awaits the load, server work on the doc). Releasing twice releases once.
   */
  reserve(): () => void {
    this.reservations++
    let released = false
    return () => {
      if (released) return
      released = true
      this.reservations--
    }
  }

  /** Attaches a connection and starts the sync handshake. */
  join(connection: Connection): void {
    if (this.state !== 'ready') {
      throw this.closedBy ?? new Error(`room ${this.name} is ${this.state}`)
    }
    this.connections.set(connection.id, connection)
    connection.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    const present = this.presence.encodeAll()
    if (present) connection.send(encodeAwareness(present))
    if (this.catchUp?.connections.delete(connection)) {
      connection.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, this.catchUp.stateVector)))
      if (this.catchUp.connections.size === 0) this.catchUp = null
    }
  }

  /** Detaches a connection, removing its awareness states for everyone else. */
  leave(connection: Connection): void {
    if (!this.connections.delete(connection.id)) return
    this.presence.leave(connection)
    this.parked.drop(connection)
    if (this.idle) this.hooks.onIdle?.(this)
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
      this.closeFailed(connection, err)
    }
  }

  /**
   * Closes a connection whose message failed, with the code closeFor picks: the client's
   * fault is a warning, anything unexpected is the server's (1011, the client retries).
   */
  private closeFailed(connection: Connection, err: unknown): void {
    const fields = { room: this.name, connection: connection.id, error: errorField(err) }
    if (closeFor(err).unexpected) this.log.error('message failed; closing connection', fields)
    else if (err instanceof MalformedMessageError) {
      this.log.warn('malformed message; closing connection', fields)
    } else this.log.warn('message refused; closing connection', fields)
    connection.close(err)
  }

  private handle(connection: Connection, data: Uint8Array): void {
    const message = decodeMessage(data)
    switch (message.type) {
      case 'sync-step-1': {
        const { stateVector } = message
        // Checked even when not answered: an invalid state vector is malformed either way.
        try {
          Y.decodeStateVector(stateVector)
        } catch (err) {
          throw new MalformedMessageError(`invalid state vector (${String(err)})`)
        }
        // Before encoding anything: a request not answered must cost nothing.
        if (!connection.shouldAnswerSyncStep1(stateVector)) return
        const diff =
          this.storedState && isEmptyStateVector(stateVector)
            ? this.storedState
            : Y.encodeStateAsUpdate(this.doc, stateVector)
        connection.answer(encodeSyncStep2(diff), stateVector)
        return
      }
      case 'sync-step-2':
      case 'update':
        this.receiveUpdate(connection, message.update)
        return
      case 'awareness':
        this.presence.receive(connection, message.update)
        return
      case 'query-awareness':
        if (connection.shouldAnswerRequest()) {
          connection.answer(encodeAwareness(this.presence.encodeAll() ?? noAwareness()))
        }
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
      connection.refuseWrite()
      return
    }
    this.acceptUpdate(connection, update)
    if (this.parked.size > 0) this.retryParked()
  }

  /**
   * Checks a client's update and queues it for the store (it is applied once stored), or
   * holds it back when it builds on content the room does not have yet. Throws what refuses
   * it: MalformedMessageError, InvalidContentError, WriteBacklogFull.
   */
  private acceptUpdate(connection: Connection, update: Uint8Array): void {
    const { structs } = assertApplicableUpdate(update, this.options.checkItem)
    if (this.options.structure && !this.guard) {
      this.guard = new DocumentGuard(this.options.structure, this.doc)
    }
    const accepted = this.guard ? this.guard.check(structs) : undefined
    if (accepted === null) {
      this.parked.park(connection, update)
      return
    }
    const origin: UpdateOrigin = { source: 'client', connectionId: connection.id }
    // Throws WriteBacklogFull, before anything is queued, when too much waits for the store.
    const stored = this.writes.admit(update)
    if (accepted) this.guard!.hold(accepted)
    this.applyStored(stored, update, origin)
      .catch((err) => {
        // Stored, but Yjs threw applying it: an update the checks above did not catch. The
        // server's fault, not the client's: it reconnects and resends (a no-op now).
        this.log.error('update could not be applied; closing connection', {
          room: this.name,
          connection: connection.id,
          error: errorField(err),
        })
        connection.close(err)
      })
      .finally(() => {
        if (accepted) this.guard!.release(accepted)
      })
  }

  /** Tries the held-back updates again, now that the room has more content. */
  private retryParked(): void {
    for (const [connection, updates] of this.parked.takeAll()) {
      if (!this.connections.has(connection.id)) continue
      try {
        for (const update of updates) this.acceptUpdate(connection, update)
      } catch (err) {
        this.closeFailed(connection, err)
      }
    }
  }

  /**
   * Stores an update, then applies it to the doc (which broadcasts it). Used for edits the
   * server itself makes; they are stored whatever the backlog.
   */
  persistAndApply(update: Uint8Array, origin: UpdateOrigin): Promise<void> {
    return this.applyStored(this.writes.push(update), update, origin)
  }

  /** Applies an update once `stored` says it is in the store. */
  private applyStored(stored: Promise<void>, update: Uint8Array, origin: UpdateOrigin) {
    return stored.then(() => {
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

  /**
   * Applies what the store holds (another instance stored it), in the batches of a load:
   * Yjs skips what the doc already has, so only what the room lacks reaches its clients.
   */
  applyPeerLog(updates: readonly Uint8Array[]): void {
    if (this.state !== 'ready') return
    applyStoredLog(this.doc, updates, { source: 'peer' }, (index, err) =>
      this.log.error('skipping a stored update that cannot be applied', {
        room: this.name,
        index,
        error: errorField(err),
      }),
    )
    if (this.parked.size > 0) this.retryParked()
  }

  /** Applies an update another instance has already stored. */
  applyPeerUpdate(update: Uint8Array): void {
    if (this.state !== 'ready') return
    Y.applyUpdate(this.doc, update, { source: 'peer' } satisfies UpdateOrigin)
    if (this.parked.size > 0) this.retryParked()
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
      const update = encodeAwarenessUpdate(this.awareness, clients)
      this.hooks.onAwareness(this, update, isAwarenessOrigin(origin) ? origin : null)
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

  /** Closes every connection for `cause` (see closeFor) and stops accepting work. */
  close(cause: Error): void {
    this.state = 'closed'
    this.closedBy = cause
    this.broadcast.cancel()
    for (const connection of this.connections.values()) connection.close(cause)
    this.connections.clear()
  }

  /** Releases the doc; after this the room is unusable. */
  destroy(): void {
    this.state = 'closed'
    this.broadcast.cancel()
    this.writes.stop()
    this.doc.off('update', this.onDocUpdate)
    this.awareness.off('update', this.onAwarenessUpdate)
    this.presence.destroy()
    this.doc.destroy()
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

/** An awareness update holding no client: the answer to a query when nobody is present. */
function noAwareness(): Uint8Array {
  return Uint8Array.of(0)
}
