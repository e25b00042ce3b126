/**
 * The one place the server picks a close code: every reason to end a collaboration
 * connection is an error of the layer that raised it, and this maps it to the code and
 * reason the client sees. An error nobody expected is the server's fault, never the
 * client's: it closes 1011, which every client retries, so nobody's unsent edits are
 * stranded by a server bug.
 */

import { CloseCode, type CloseCodeValue } from '../../shared/protocol/closeCodes'
import { MalformedMessageError } from '../../shared/protocol/messages'
import { AccessRevoked, SessionEnded, WriteAccessGranted } from '../auth/accessErrors'
import {
  BriefingDeleted,
  InvalidContentError,
  RateLimitExceeded,
  RoomLoadFailed,
  ServerRestarting,
  SlowReader,
  WriteBacklogFull,
} from './errors'

export interface Close {
  code: CloseCodeValue
  /** What the client is told; at most 123 bytes (RFC 6455). */
  reason: string
  /** Whether the error was unexpected (a server fault, closed 1011). */
  unexpected: boolean
}

/** The code for every error the layers raise on purpose, most specific first. */
const CODES: ReadonlyArray<readonly [new (...args: never[]) => Error, CloseCodeValue]> = [
  [MalformedMessageError, CloseCode.MalformedMessage],
  [InvalidContentError, CloseCode.InvalidContent],
  [RateLimitExceeded, CloseCode.RateLimited],
  [SlowReader, CloseCode.SlowReader],
  [WriteBacklogFull, CloseCode.WriteBacklogFull],
  [RoomLoadFailed, CloseCode.LoadFailed],
  [ServerRestarting, CloseCode.ServerRestarting],
  [BriefingDeleted, CloseCode.BriefingNotFound],
  [SessionEnded, CloseCode.Unauthorized],
  [AccessRevoked, CloseCode.Forbidden],
  [WriteAccessGranted, CloseCode.WriteAccessGranted],
]

/** The close code and reason for `error`. */
export function closeFor(error: unknown): Close {
  for (const [type, code] of CODES) {
    if (error instanceof type) return { code, reason: reasonText(error.message), unexpected: false }
  }
  // The message may name internals (a path, a SQL error); the client only needs to retry.
  return { code: CloseCode.InternalError, reason: 'internal server error', unexpected: true }
}

const MAX_REASON_BYTES = 123

/** The message cut to what a close frame can carry, on a character boundary. */
function reasonText(message: string): string {
  let reason = message.slice(0, MAX_REASON_BYTES)
  while (Buffer.byteLength(reason) > MAX_REASON_BYTES) reason = reason.slice(0, -1)
  return reason
}
