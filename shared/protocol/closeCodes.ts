/**
 * WebSocket close codes used by the collaboration endpoint, shared by server and client so
 * the client can tell "try again" from "stop". Codes 4000-4999 are application-defined
 * (RFC 6455 section 7.4.2); the standard ones are used where their meaning fits exactly.
 * docs/PROTOCOL.md lists them for people.
 */
export const CloseCode = {
  /** The server is shutting down or restarting; reconnect shortly. */
  ServerRestarting: 1012,
  /** A message exceeded the size limit (sent by `ws` itself for maxPayload). */
  MessageTooBig: 1009,
  /** A message could not be decoded: truncated, random bytes, unknown type, invalid update. */
  MalformedMessage: 4400,
  /** Authentication is missing or expired. */
  Unauthorized: 4401,
  /** The user lost access to this briefing. */
  Forbidden: 4403,
  /** The briefing does not exist (or was deleted while connected). */
  BriefingNotFound: 4404,
  /** The connection's access was reduced to read-only; it may reconnect as a reader. */
  ReadOnly: 4409,
  /** Too many messages or too many bytes. */
  RateLimited: 4429,
  /** The store failed and the update could not be kept; the client should retry. */
  StoreUnavailable: 4503,
} as const

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode]

/** Close reasons (at most 123 bytes by RFC 6455). */
export const CloseReason = {
  ServerRestarting: 'server restarting',
  BriefingDeleted: 'briefing deleted',
} as const
