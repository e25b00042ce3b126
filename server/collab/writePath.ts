/**
 * The path of every update into a room's doc: checked, appended to the store, and only then
 * applied (the doc's 'update' event broadcasts it), so nobody sees an edit that is not yet
 * durable.
 *
 * - A client update is decoded strictly and checked (updateCheck.ts, documentGuard.ts)
 *   before anything else; one that builds on content the room does not have yet is held
 *   back (parkedUpdates.ts) and checked again when more content arrives.
 * - Appends happen in arrival order through one write queue. When the store fails, the
 *   queue keeps the updates in memory and retries with backoff; nothing accepted is
 *   dropped. Past the backlog cap a client's new update is refused before it is accepted
 *   (4507): the client keeps it and resends it when it reconnects.
 * - Edits the server makes, and edits Yjs derives while applying, are stored whatever the
 *   backlog.
 */
import * as Y from 'yjs'
import type { StructureRules } from '../../shared/schema/structure'
import { errorField, type Logger } from '../log/logger'
import type { DocumentStore } from '../store/documentStore'
import type { Connection } from './connection'
import { DocumentGuard } from './documentGuard'
import type { UpdateOrigin } from './origin'
import { ParkedUpdates } from './parkedUpdates'
import { assertApplicableUpdate, type ItemCheck, isEmptyUpdate } from './updateCheck'
import { WriteQueue } from './writeQueue'

export interface WritePathOptions {
  /** Bytes of client edits that may wait for the store; past it, new edits are refused. */
  maxPendingWriteBytes: number
  /** Refuses an item the document schema cannot hold (throws InvalidContentError). */
  checkItem?: ItemCheck
  /** The document's structural rules: updates that break them are refused. */
  structure?: StructureRules
}

/** What the write path needs of its room. */
export interface WriteTarget {
  readonly name: string
  readonly doc: Y.Doc
  /** Once closed, nothing more is applied (stored updates stay stored). */
  isClosed(): boolean
  /** Whether the connection is still in the room. */
  has(connection: Connection): boolean
  /** Closes a connection whose held-back update was refused when tried again. */
  refuse(connection: Connection, err: unknown): void
  /** An update was stored and applied. */
  applied(origin: UpdateOrigin, update: Uint8Array): void
}

export class WritePath {
  /** Made at the first client update: most rooms of an idle server never see one. */
  private guard: DocumentGuard | null = null
  private readonly parked = new ParkedUpdates()
  private readonly queue: WriteQueue

  constructor(
    private readonly room: WriteTarget,
    store: DocumentStore,
    private readonly log: Logger,
    private readonly options: WritePathOptions,
  ) {
    this.queue = new WriteQueue(
      (updates) => store.append(room.name, updates),
      (err, attempt) =>
        log.error('store append failed; keeping updates in memory and retrying', {
          room: room.name,
          attempt,
          error: errorField(err),
        }),
      options.maxPendingWriteBytes,
    )
  }

  /** Updates (and their bytes) waiting to be stored. */
  get backlog(): { updates: number; bytes: number } {
    return { updates: this.queue.pending, bytes: this.queue.pendingBytes }
  }

  /**
   * A client's update (sync step 2 or update message). Throws what refuses it:
   * MalformedMessageError, InvalidContentError, WriteBacklogFull.
   */
  receive(connection: Connection, update: Uint8Array): void {
    // Every y-websocket client answers sync step 1 with what the server lacks, even when that
    // is nothing: stored, each connect would write a row (and publish it, in a cluster).
    if (isEmptyUpdate(update)) return
    if (connection.access === 'read-only') {
      // Dropped here, before the store: a reader's edit must reach neither disk nor peers.
      connection.refuseWrite()
      return
    }
    this.accept(connection, update)
    this.retryParked()
  }

  /**
   * Stores an update, then applies it to the doc (which broadcasts it). Used for edits the
   * server itself makes; they are stored whatever the backlog.
   */
  persistAndApply(update: Uint8Array, origin: UpdateOrigin): Promise<void> {
    return this.applyStored(this.queue.push(update), update, origin)
  }

  /**
   * Stores an edit Yjs derived while applying another (it has no origin and is already in
   * the doc); `stored` runs once it is in the store, unless the room closed meanwhile.
   */
  storeDerived(update: Uint8Array, stored: () => void): void {
    this.queue.push(update).then(
      () => {
        if (!this.room.isClosed()) stored()
      },
      // Only when the room is destroyed meanwhile; the next load derives it again.
      () => undefined,
    )
  }

  /** Tries the held-back updates again, now that the room has more content. */
  retryParked(): void {
    if (this.parked.size === 0) return
    for (const [connection, updates] of this.parked.takeAll()) {
      if (!this.room.has(connection)) continue
      try {
        for (const update of updates) this.accept(connection, update)
      } catch (err) {
        this.room.refuse(connection, err)
      }
    }
  }

  /** Forgets what a departing connection held back. */
  drop(connection: Connection): void {
    this.parked.drop(connection)
  }

  /** Resolves when every queued update has been stored and applied. */
  drained(): Promise<void> {
    return this.queue.drained()
  }

  /** Stops the queue; updates still waiting are rejected. */
  stop(): void {
    this.queue.stop()
  }

  /**
   * Checks a client's update and queues it for the store (it is applied once stored), or
   * holds it back when it builds on content the room does not have yet.
   */
  private accept(connection: Connection, update: Uint8Array): void {
    const { structs } = assertApplicableUpdate(update, this.options.checkItem)
    if (this.options.structure && !this.guard) {
      this.guard = new DocumentGuard(this.options.structure, this.room.doc)
    }
    const accepted = this.guard ? this.guard.check(structs) : undefined
    if (accepted === null) {
      this.parked.park(connection, update)
      return
    }
    const origin: UpdateOrigin = { source: 'client', connectionId: connection.id }
    // Throws WriteBacklogFull, before anything is queued, when too much waits for the store.
    const stored = this.queue.admit(update)
    if (accepted) this.guard!.hold(accepted)
    this.applyStored(stored, update, origin)
      .catch((err) => {
        // Stored, but Yjs threw applying it: an update the checks above did not catch. The
        // server's fault, not the client's: it reconnects and resends (a no-op now).
        this.log.error('update could not be applied; closing connection', {
          room: this.room.name,
          connection: connection.id,
          error: errorField(err),
        })
        connection.close(err)
      })
      .finally(() => {
        if (accepted) this.guard!.release(accepted)
      })
  }

  /** Applies an update once `stored` says it is in the store. */
  private applyStored(stored: Promise<void>, update: Uint8Array, origin: UpdateOrigin) {
    return stored.then(() => {
      if (this.room.isClosed()) return
      Y.applyUpdate(this.room.doc, update, origin)
      this.room.applied(origin, update)
    })
  }
}
