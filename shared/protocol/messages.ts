/**
 * The y-websocket wire format, as pure encode/decode functions (no I/O).
 *
 * Every message is `[varUint messageType][payload]`, the room being named by the URL:
 *   0 sync       payload is a y-protocols sync message: step 1 (state vector),
 *                step 2 (missing update) or update
 *   1 awareness  payload is a varUint8Array holding an awareness update
 *   2 auth       payload is y-protocols/auth: the server sends "permission denied" + reason
 *   3 query awareness  no payload; the peer wants every awareness state
 *   4 comments   server to client only, and only to a client that asked (`?comments=1`):
 *                varString thread id; a comment thread changed, read it again over REST
 * Decoding is strict: a message with an unknown type, a short payload or trailing bytes is
 * rejected as a whole, so a half-understood message can never reach a room.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  Comments: 4,
} as const

const SyncStep = { Step1: 0, Step2: 1, Update: 2 } as const

/** A decoded message from a peer. */
export type IncomingMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  | { type: 'sync-step-2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }

/** A message that cannot be decoded; the connection that sent it is closed. */
export class MalformedMessageError extends Error {
  override name = 'MalformedMessageError'
}

/** Decodes one websocket frame. Throws MalformedMessageError naming what was wrong. */
export function decodeMessage(data: Uint8Array): IncomingMessage {
  if (data.byteLength === 0) throw new MalformedMessageError('empty message')
  const decoder = decoding.createDecoder(data)
  let message: IncomingMessage
  try {
    message = readMessage(decoder)
  } catch (err) {
    if (err instanceof MalformedMessageError) throw err
    throw new MalformedMessageError(`truncated or undecodable message (${String(err)})`)
  }
  if (decoding.hasContent(decoder)) {
    throw new MalformedMessageError('trailing bytes after message')
  }
  return message
}

function readMessage(decoder: decoding.Decoder): IncomingMessage {
  const type = decoding.readVarUint(decoder)
  switch (type) {
    case MessageType.Sync: {
      const step = decoding.readVarUint(decoder)
      const payload = readExactUint8Array(decoder)
      if (step === SyncStep.Step1) return { type: 'sync-step-1', stateVector: payload }
      if (step === SyncStep.Step2) return { type: 'sync-step-2', update: payload }
      if (step === SyncStep.Update) return { type: 'update', update: payload }
      throw new MalformedMessageError(`unknown sync step ${step}`)
    }
    case MessageType.Awareness:
      return { type: 'awareness', update: readExactUint8Array(decoder) }
    case MessageType.QueryAwareness:
      return { type: 'query-awareness' }
    default:
      throw new MalformedMessageError(`unknown message type ${type}`)
  }
}

// lib0's readVarUint8Array silently returns a short array when the length overruns the
// buffer; a truncated frame must be an error instead.
function readExactUint8Array(decoder: decoding.Decoder): Uint8Array {
  const length = decoding.readVarUint(decoder)
  if (length > decoder.arr.length - decoder.pos) {
    throw new MalformedMessageError(`payload length ${length} exceeds message size`)
  }
  return decoding.readUint8Array(decoder, length)
}

/** One client's entry in an awareness update. */
export interface AwarenessEntry {
  clientId: number
  clock: number
  /** The raw JSON text of the state; "null" removes the client. */
  stateJson: string
}

/** Parses an awareness update, checking every state is valid JSON. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    const entries: AwarenessEntry[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const stateJson = decoding.readVarString(decoder)
      JSON.parse(stateJson)
      entries.push({ clientId, clock, stateJson })
    }
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes')
    return entries
  } catch (err) {
    throw new MalformedMessageError(`invalid awareness update (${String(err)})`)
  }
}

/** Encodes awareness entries as a y-protocols awareness update (the inverse of decoding). */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, stateJson } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, stateJson)
  }
  return encoding.toUint8Array(encoder)
}

/** Sync step 1: our state vector, asking the peer for what we lack. */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return encodeSync(SyncStep.Step1, stateVector)
}

/** Sync step 2: the update a peer with `stateVector` is missing. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSync(SyncStep.Step2, update)
}

/** A live document update. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(SyncStep.Update, update)
}

function encodeSync(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

/** An awareness update (from y-protocols/awareness encodeAwarenessUpdate). */
export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Awareness)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/**
 * An awareness query: the peer answers with the awareness states it holds. The message is
 * its type alone (one varuint, one byte).
 */
export function encodeQueryAwareness(): Uint8Array {
  return new Uint8Array([MessageType.QueryAwareness])
}

/**
 * y-protocols/auth "permission denied": the stock provider reports the reason. Sent when a
 * read-only connection's document update is dropped.
 */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Auth)
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarString(encoder, reason)
  return encoding.toUint8Array(encoder)
}

/**
 * "A comment thread changed": the thread's id only. The client reads the thread again over
 * REST, where the reader's own access is checked, so the frame can go to every listener alike.
 */
export function encodeCommentsChanged(threadId: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Comments)
  encoding.writeVarString(encoder, threadId)
  return encoding.toUint8Array(encoder)
}

/** The thread id of a "comments changed" frame (the client's side of encodeCommentsChanged). */
export function decodeCommentsChanged(data: Uint8Array): string {
  const decoder = decoding.createDecoder(data)
  if (decoding.readVarUint(decoder) !== MessageType.Comments) {
    throw new MalformedMessageError('not a comments message')
  }
  return decoding.readVarString(decoder)
}
