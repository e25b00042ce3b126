/**
 * The fan-out protocol between instances, over Redis pub/sub. Pure encode/decode, no I/O.
 *
 * Each room has a channel, `briefing:room:<name>`, carrying binary messages:
 *
 *   message := varUint(type) varString(instanceId) payload
 *
 *   Update           varUint8Array(update)   a Yjs update the sender has already stored
 *   Awareness        varUint8Array(update)   states of the sender's own clients (a change,
 *                                            or all of them in answer to a query)
 *   AwarenessQuery   (none)                  "who is here?": each instance answers with
 *                                            an Awareness message of its clients
 *   Left             varUint(n) n×varUint    the sender is shutting down: forget these clients
 *   Resync           (none)                  the sender stored updates peers may have missed
 *                                            (a publish failed, or it shut down mid-write):
 *                                            catch up from the store
 *
 * The instance id lets an instance drop its own messages (Redis echoes them to every
 * subscriber). Pub/sub keeps nothing, so whatever a subscriber misses while disconnected it
 * recovers from the store, which every instance writes before publishing.
 *
 * `briefing:control` carries JSON `{ from, message }` for instance-wide events such as
 * access changes; see RedisFanout.publishControl.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

const CHANNEL_PREFIX = 'briefing:'
const ROOM_CHANNEL_PREFIX = `${CHANNEL_PREFIX}room:`

/** Instance-wide control messages (JSON). */
export const CONTROL_CHANNEL = `${CHANNEL_PREFIX}control`

export function roomChannel(room: string): string {
  return `${ROOM_CHANNEL_PREFIX}${room}`
}

/** The room a channel belongs to, or null for any other channel. */
export function roomOfChannel(channel: string): string | null {
  return channel.startsWith(ROOM_CHANNEL_PREFIX) ? channel.slice(ROOM_CHANNEL_PREFIX.length) : null
}

export const FanoutType = {
  Update: 0,
  Awareness: 1,
  AwarenessQuery: 2,
  Left: 3,
  Resync: 4,
} as const

export type RoomMessage =
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'awareness-query' }
  | { type: 'left'; clients: number[] }
  | { type: 'resync' }

/** A room message with the instance that sent it. */
export interface Envelope {
  from: string
  message: RoomMessage
}

/** A fan-out message that cannot be decoded; the receiver logs and drops it. */
export class MalformedFanoutMessage extends Error {
  override name = 'MalformedFanoutMessage'
}

export function encodeRoomMessage(from: string, message: RoomMessage): Uint8Array {
  const encoder = encoding.createEncoder()
  switch (message.type) {
    case 'update':
      header(encoder, FanoutType.Update, from)
      encoding.writeVarUint8Array(encoder, message.update)
      break
    case 'awareness':
      header(encoder, FanoutType.Awareness, from)
      encoding.writeVarUint8Array(encoder, message.update)
      break
    case 'awareness-query':
      header(encoder, FanoutType.AwarenessQuery, from)
      break
    case 'left':
      header(encoder, FanoutType.Left, from)
      encoding.writeVarUint(encoder, message.clients.length)
      for (const client of message.clients) encoding.writeVarUint(encoder, client)
      break
    case 'resync':
      header(encoder, FanoutType.Resync, from)
      break
    default: {
      const unreachable: never = message
      throw new RangeError(`unknown fan-out message ${JSON.stringify(unreachable)}`)
    }
  }
  return encoding.toUint8Array(encoder)
}

function header(encoder: encoding.Encoder, type: number, from: string): void {
  encoding.writeVarUint(encoder, type)
  encoding.writeVarString(encoder, from)
}

export function decodeRoomMessage(data: Uint8Array): Envelope {
  try {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    const from = decoding.readVarString(decoder)
    const message = readBody(decoder, type)
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes')
    return { from, message }
  } catch (err) {
    throw new MalformedFanoutMessage(`invalid fan-out message (${String(err)})`)
  }
}

function readBody(decoder: decoding.Decoder, type: number): RoomMessage {
  switch (type) {
    case FanoutType.Update:
      return { type: 'update', update: decoding.readVarUint8Array(decoder) }
    case FanoutType.Awareness:
      return { type: 'awareness', update: decoding.readVarUint8Array(decoder) }
    case FanoutType.AwarenessQuery:
      return { type: 'awareness-query' }
    case FanoutType.Left: {
      const count = decoding.readVarUint(decoder)
      const clients: number[] = []
      for (let i = 0; i < count; i++) clients.push(decoding.readVarUint(decoder))
      return { type: 'left', clients }
    }
    case FanoutType.Resync:
      return { type: 'resync' }
    default:
      throw new Error(`unknown type ${type}`)
  }
}

/** An instance-wide control message: a `type` plus whatever JSON fields it needs. */
export interface ControlMessage {
  type: string
  [field: string]: unknown
}

export function encodeControl(from: string, message: ControlMessage): string {
  return JSON.stringify({ from, message })
}

export function decodeControl(text: string): { from: string; message: ControlMessage } {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (err) {
    throw new MalformedFanoutMessage(`control message is not JSON (${String(err)})`)
  }
  const { from, message } = (parsed ?? {}) as { from?: unknown; message?: unknown }
  if (
    typeof from !== 'string' ||
    typeof message !== 'object' ||
    message === null ||
    typeof (message as { type?: unknown }).type !== 'string'
  ) {
    throw new MalformedFanoutMessage(
      `control message lacks from or message.type: ${text.slice(0, 200)}`,
    )
  }
  return { from, message: message as ControlMessage }
}
