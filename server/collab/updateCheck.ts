/**
 * Checks a client's Yjs update before it is stored: it must parse completely, and it must
 * keep invariants every update a real Yjs client writes keeps. An update that parses but
 * breaks them makes Yjs throw halfway through applying it (found by mutating real updates,
 * tests/hostile); stored, it would fail every later load of the briefing. So it is refused
 * where it enters, like any other malformed message.
 */
import * as Y from 'yjs'
import { MalformedMessageError } from '../../shared/protocol/messages'

/** Inspects one item of an incoming update; throws to refuse it (see closeFor). */
export type ItemCheck = (item: Y.Item) => void

/** An update as Y.decodeUpdate reads it. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

/**
 * Throws MalformedMessageError naming the first broken invariant. `checkItem` sees every
 * item too (the schema guard), so an update is decoded once, however many checks it meets.
 * Returns the decoded update for the checks that need the document (documentGuard.ts).
 */
export function assertApplicableUpdate(update: Uint8Array, checkItem?: ItemCheck): DecodedUpdate {
  let decoded: DecodedUpdate
  try {
    decoded = Y.decodeUpdate(update)
  } catch (err) {
    throw new MalformedMessageError(`invalid Yjs update (${String(err)})`)
  }
  for (const struct of decoded.structs) {
    const { client, clock } = struct.id
    if (struct.length <= 0) {
      throw new MalformedMessageError(`invalid Yjs update: empty struct ${client}:${clock}`)
    }
    if (!(struct instanceof Y.Item)) continue
    checkItem?.(struct)
    // An item can only refer to items that existed when it was made, so to earlier clocks of
    // its own client.
    for (const ref of [struct.origin, struct.rightOrigin, struct.parent]) {
      if (ref instanceof Y.ID && ref.client === client && ref.clock >= clock) {
        throw new MalformedMessageError(
          `invalid Yjs update: item ${client}:${clock} refers forward to ${ref.client}:${ref.clock}`,
        )
      }
    }
  }
  for (const [client, ranges] of decoded.ds.clients) {
    for (const range of ranges) {
      if (range.len <= 0) {
        throw new MalformedMessageError(
          `invalid Yjs update: empty deletion at ${client}:${range.clock}`,
        )
      }
    }
  }
  return decoded
}

/**
 * Whether an update carries nothing: no structs and no deletions. Yjs encodes that as two
 * zero counts, whoever wrote it.
 */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0
}

/** Whether a state vector names no client: the sender has nothing and asks for everything. */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === 1 && stateVector[0] === 0
}
