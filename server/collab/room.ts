/**
 * A Room is one briefing's live session: its Y.Doc, awareness and connections, and the
 * lifecycle the registry drives (load, join, leave, close, destroy). The work is done by
 * its parts, one job each, along the lines Hocuspocus draws:
 *
 * - messageReceiver.ts: what one frame from a connection does (sync, awareness, updates);
 * - writePath.ts: every update's path to the store and into the doc (checked, stored, then
 *   applied: the doc's 'update' event broadcasts it, so nobody sees an edit that is not yet
 *   durable), and compaction.ts, which merges the log it grows;
 * - presence.ts: awareness, and who may change which state;
 * - earlyAnswer.ts: answers from the stored snapshot, before the load and after;
 * - storedLog.ts: applying a stored log in batches (the load, and a fan-out catch-up);
 * - broadcastBatch.ts: what goes out, merged per event-loop turn;
 * - connection.ts: one client.
 *
 * The room serves sync only after `load()` resolved: a client never gets an empty state it
 * would then merge with stored content (the duplicated-content bug). The one exception is
 * the stored snapshot itself (earlyAnswer.ts).
 */
import { type Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  encodeAwareness,
  encodeCommentsChanged,
  encodeSyncStep1,
  encodeSyncStep2,
} from '../../shared/protocol/messages'
import type { StructureRules } from '../../shared/schema/structure'
import { errorField, type Logger } from '../log/logger'
import type { DocumentStore } from '../store/documentStore'
import { BroadcastBatch } from './broadcastBatch'
import { Compaction } from './compaction'
import type { Connection } from './connection'
import { type EarlyClient, SnapshotAnswers } from './earlyAnswer'
import { RoomLoadFailed } from './errors'
import { repairStructure } from './loadRepair'
import { MessageReceiver } from './messageReceiver'
import {
  type AwarenessOrigin,
  isAwarenessOrigin,
  isUpdateOrigin,
  type UpdateOrigin,
} from './origin'
import { Presence } from './presence'
import { applyStoredLog } from './storedLog'
import type { ItemCheck } from './updateCheck'
import { WritePath } from './writePath'

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
  private readonly writes: WritePath
  private readonly compaction: Compaction
  private readonly snapshot = new SnapshotAnswers()
  private readonly receiver: MessageReceiver
  private readonly broadcast: BroadcastBatch

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
    this.compaction = new Compaction(name, store, log, options.compactAfterEntries)
    this.writes = new WritePath(
      {
        name,
        doc: this.doc,
        isClosed: () => this.state === 'closed',
        has: (connection) => this.connections.has(connection.id),
        refuse: (connection, err) => this.receiver.refuse(connection, err),
        applied: (origin, update) => {
          this.hooks.onPersisted?.(this, origin, update)
          this.compaction.appended()
        },
      },
      store,
      log,
      options,
    )
    this.receiver = new MessageReceiver(
      {
        name,
        doc: this.doc,
        presence: this.presence,
        writes: this.writes,
        snapshot: this.snapshot,
      },
      log,
    )
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  /** A connection that will join once the room has loaded (see earlyAnswer.ts). */
  expect(client: EarlyClient): void {
    this.snapshot.expect(client)
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
    await this.snapshot.storeRead(snapshot)
    const failed = applyStoredLog(this.doc, updates, { source: 'load' }, (index, err) =>
      this.log.error('skipping a stored update that cannot be applied', {
        room: this.name,
        index,
        error: errorField(err),
      }),
    )
    const { pendingStructs, pendingDs } = this.doc.store
    if (failed || pendingStructs !== null || pendingDs !== null) this.snapshot.changed()
    // Before anyone joins: an editor given such a document shows an empty page.
    if (this.options.structure) {
      await repairStructure(this, this.options.structure, this.log)
    }
    this.snapshot.loaded(snapshot)
    this.compaction.loaded(updates.length)
    this.state = 'ready'
  }

  /** Updates (and their bytes) waiting to be stored. */
  get writeBacklog(): { updates: number; bytes: number } {
    return this.writes.backlog
  }

  /** Whether anything still needs this room in memory. */
  get busy(): boolean {
    return !this.idle || this.writes.backlog.updates > 0
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
    const missing = this.snapshot.catchUpFor(connection, this.doc)
    if (missing) connection.send(encodeSyncStep2(missing))
  }

  /** Detaches a connection, removing its awareness states for everyone else. */
  leave(connection: Connection): void {
    if (!this.connections.delete(connection.id)) return
    this.presence.leave(connection)
    this.writes.drop(connection)
    if (this.idle) this.hooks.onIdle?.(this)
  }

  /**
   * Handles one frame from a connection (messageReceiver.ts). A frame that fails closes
   * only that connection; the room and everyone else carry on.
   */
  receive(connection: Connection, data: Uint8Array): void {
    // A closed room takes no more work; a client's unsent edits stay in its own doc and are
    // sent again when it reconnects.
    if (this.state !== 'ready') return
    this.receiver.receive(connection, data)
  }

  /**
   * Stores an update, then applies it to the doc (which broadcasts it). Used for edits the
   * server itself makes; they are stored whatever the backlog.
   */
  persistAndApply(update: Uint8Array, origin: UpdateOrigin): Promise<void> {
    return this.writes.persistAndApply(update, origin)
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
    this.writes.retryParked()
  }

  /** Applies an update another instance has already stored. */
  applyPeerUpdate(update: Uint8Array): void {
    if (this.state !== 'ready') return
    Y.applyUpdate(this.doc, update, { source: 'peer' } satisfies UpdateOrigin)
    this.writes.retryParked()
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (isUpdateOrigin(origin) && origin.source === 'load') return
    this.snapshot.changed()
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
    this.writes.storeDerived(update, () => this.broadcast.addUpdate(update, null))
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
    return this.compaction.run()
  }

  /** Resolves when every queued update has been stored and applied. */
  flushed(): Promise<void> {
    return this.writes.drained()
  }

  /** Tells every client that listens for comments that the thread changed. */
  tellComments(threadId: string): void {
    if (this.state === 'closed') return
    const frame = encodeCommentsChanged(threadId)
    for (const connection of this.connections.values()) {
      if (connection.hearsComments) connection.send(frame)
    }
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
