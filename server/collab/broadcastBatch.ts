/**
 * A room's outgoing fan-out, one frame per event-loop turn.
 *
 * Sending every update to every connection as its own frame costs n·(n−1) frames (and write
 * syscalls) per round of edits on a document with n editors; on 2 cores that saturated the
 * server at ~100 editors (BENCHMARKS.md, hot-document ceiling). So updates applied during one
 * turn are merged (`Y.mergeUpdates`) and sent once, at the next `setImmediate`. Under light
 * load a turn holds one update and nothing changes but a hop through the loop; under heavy
 * load a turn holds many, and the frame count falls exactly when it matters.
 *
 * Only updates already stored and applied enter a batch, so batching changes nothing about
 * durability. Awareness changes are batched the same way, by client id: the flush encodes
 * each changed client's current state once, however often it changed during the turn.
 */
import { type Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { encodeAwareness, encodeUpdate } from '../../shared/protocol/messages'

/** Sends one frame to every connection of the room but `except` (a connection id). */
export type Deliver = (message: Uint8Array, except: string | null) => void

export class BroadcastBatch {
  private updates: Uint8Array[] = []
  /** Connection ids whose edits are in `updates`; null for edits of no connection. */
  private senders = new Set<string | null>()
  private awarenessClients = new Set<number>()
  private scheduled: NodeJS.Immediate | null = null

  constructor(
    private readonly awareness: Awareness,
    private readonly deliver: Deliver,
  ) {}

  /** Queues a document update; `sender` (a connection id) does not get its own edit back. */
  addUpdate(update: Uint8Array, sender: string | null): void {
    this.updates.push(update)
    this.senders.add(sender)
    this.schedule()
  }

  /** Queues the current awareness state of these clients (a removed one is sent as null). */
  addAwareness(clients: readonly number[]): void {
    for (const client of clients) this.awarenessClients.add(client)
    this.schedule()
  }

  /** Drops whatever is queued; used when the room closes. */
  cancel(): void {
    if (this.scheduled) clearImmediate(this.scheduled)
    this.scheduled = null
    this.updates = []
    this.senders = new Set()
    this.awarenessClients = new Set()
  }

  private schedule(): void {
    if (!this.scheduled) this.scheduled = setImmediate(this.flush)
  }

  private readonly flush = (): void => {
    this.scheduled = null
    const { updates, senders, awarenessClients } = this
    this.updates = []
    this.senders = new Set()
    this.awarenessClients = new Set()
    if (updates.length > 0) {
      const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
      // With one sender, it is skipped as before batching. With several, each gets the whole
      // batch, its own edits included: Yjs ignores structs it already has, and a merge per
      // sender would cost more than the bytes it saves.
      const only = senders.size === 1 ? senders.values().next().value : null
      this.deliver(encodeUpdate(merged), only ?? null)
    }
    if (awarenessClients.size > 0) {
      this.deliver(
        encodeAwareness(encodeAwarenessUpdate(this.awareness, Array.from(awarenessClients))),
        null,
      )
    }
  }
}
