/**
 * Repairs, as a room loads, a stored briefing whose structure breaks the schema (stored
 * before such updates were refused, see documentGuard.ts). An editor given one showed an
 * empty page, for good. The parts no reader can show (server/content/brokenParts.ts finds
 * them, cheaply: this runs on every load) are deleted before anyone joins, as an edit of the server's own that is stored like any other
 * (and reaches other instances), so editors, `/content` and exports all show the same
 * document. What went is logged as a warning.
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import type { StructureRules } from '../../shared/schema/structure'
import { brokenParts } from '../content/brokenParts'
import type { DroppedPart } from '../content/readBody'
import type { Logger } from '../log/logger'
import type { Room } from './room'

/** Kinds of part named in the log line; the count says how many there were in all. */
const LOGGED_PARTS = 20

/** Deletes what `readBody` drops from the room's document, if anything. */
export async function repairStructure(
  room: Room,
  rules: StructureRules,
  log: Logger,
): Promise<void> {
  const dropped = brokenParts(room.doc, rules)
  if (dropped.length === 0) return
  log.warn('briefing breaks the document schema; deleting the parts no editor can show', {
    room: room.name,
    dropped: dropped.length,
    parts: Array.from(new Set(dropped.map((part) => part.message))).slice(0, LOGGED_PARTS),
  })
  await room.persistAndApply(deletionUpdate(dropped), {
    source: 'server',
    reason: 'structure repair',
  })
}

/**
 * A Yjs update that only deletes the given items. Yjs offers no encoder for a bare delete
 * set, so this writes one as `writeDeleteSet` does: no structs, then per client its sorted,
 * merged ranges.
 */
export function deletionUpdate(parts: readonly DroppedPart[]): Uint8Array {
  const byClient = new Map<number, Array<[number, number]>>()
  for (const { id, length } of parts) {
    const ranges = byClient.get(id.client) ?? []
    ranges.push([id.clock, length])
    byClient.set(id.client, ranges)
  }
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, 0)
  encoding.writeVarUint(encoder.restEncoder, byClient.size)
  for (const [client, ranges] of byClient) {
    const merged = mergeRanges(ranges)
    encoder.resetDsCurVal()
    encoding.writeVarUint(encoder.restEncoder, client)
    encoding.writeVarUint(encoder.restEncoder, merged.length)
    for (const [clock, length] of merged) {
      encoder.writeDsClock(clock)
      encoder.writeDsLen(length)
    }
  }
  return encoder.toUint8Array()
}

function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  ranges.sort((a, b) => a[0] - b[0])
  const merged: Array<[number, number]> = []
  for (const [clock, length] of ranges) {
    const last = merged[merged.length - 1]
    if (last && clock <= last[0] + last[1]) last[1] = Math.max(last[1], clock + length - last[0])
    else merged.push([clock, length])
  }
  return merged
}
