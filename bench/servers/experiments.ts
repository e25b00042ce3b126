/**
 * Server changes tried out in the bench wrapper before anyone proposes them for the product,
 * selected with BENCH_EXPERIMENT. They patch the running server's objects (product code is
 * untouched) and are never part of the comparison `npm run bench` reports; BENCHMARKS.md
 * quotes what they measured.
 *
 * `batch-broadcast`: a room sends the document updates applied during one event-loop turn
 * as one merged update per connection (at the next `setImmediate`), instead of one frame per
 * update per connection. A connection whose own edit is in a mixed batch receives it back,
 * which Yjs ignores.
 */
import * as Y from 'yjs'
import { isUpdateOrigin } from '../../server/collab/origin'
import type { Room } from '../../server/collab/room'
import { RoomRegistry } from '../../server/collab/roomRegistry'
import { encodeUpdate } from '../../shared/protocol/messages'

export function applyExperiment(name: string | undefined): void {
  if (!name) return
  if (name !== 'batch-broadcast') throw new RangeError(`unknown BENCH_EXPERIMENT "${name}"`)
  const batched = new WeakSet<Room>()
  const join = RoomRegistry.prototype.join
  RoomRegistry.prototype.join = async function (this: RoomRegistry, ...args) {
    const room = await join.apply(this, args)
    if (!batched.has(room)) {
      batched.add(room)
      batchBroadcasts(room)
    }
    return room
  }
}

function batchBroadcasts(room: Room): void {
  const internals = room as unknown as {
    onDocUpdate: (update: Uint8Array, origin: unknown) => void
  }
  room.doc.off('update', internals.onDocUpdate)
  let pending: Uint8Array[] = []
  let senders = new Set<string | null>()
  const flush = () => {
    const updates = pending
    const from = senders
    pending = []
    senders = new Set()
    const message = encodeUpdate(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates))
    const except = from.size === 1 ? [...from][0] : null
    for (const connection of room.connections.values()) {
      if (connection.id !== except) connection.send(message)
    }
  }
  room.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (!isUpdateOrigin(origin) || origin.source === 'load') return
    pending.push(update)
    senders.add(origin.source === 'client' ? origin.connectionId : null)
    if (pending.length === 1) setImmediate(flush)
  })
}
