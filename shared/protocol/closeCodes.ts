/**
 * WebSocket close codes used by the collaboration endpoint, shared by server and client so
 * the client can tell "try again" from "stop". Codes 4000-4999 are application-defined
 * (RFC 6455 section 7.4.2); the standard ones are used where their meaning fits exactly.
 *
 * The ranges follow the stock y-websocket provider, which stops reconnecting after
 * 4400-4499 and retries anything else: 44xx means "something must change before you come
 * back", 45xx and the standard 1011/1012 mean "try again; your edits are kept and resent".
 * The server picks a code in one place (server/collab/closeFor.ts); docs/PROTOCOL.md lists
 * them for people.
 */
export const CloseCode = {
  /** A message exceeded the size limit (sent by `ws` itself for maxPayload). */
  MessageTooBig: 1009,
  /** Something failed on the server that the client did not cause; reconnect. */
  InternalError: 1011,
  /** The server is shutting down or restarting; reconnect shortly. */
  ServerRestarting: 1012,
  /** A message could not be decoded: truncated, random bytes, unknown type, invalid update. */
  MalformedMessage: 4400,
  /** Authentication is missing or expired. */
  Unauthorized: 4401,
  /** The user lost access to this briefing. */
  Forbidden: 4403,
  /** The briefing does not exist (or was deleted while connected). */
  BriefingNotFound: 4404,
  /**
   * The user's role now allows writing: reconnect to get a writing connection (a token
   * client mints a new collab token first). Downgrades never close: see PROTOCOL.md.
   */
  WriteAccessGranted: 4409,
  /**
   * An update decodes but would leave the document outside the schema: a node where the
   * schema does not allow it, text or formatting where none may be, nesting past the limit.
   */
  InvalidContent: 4422,
  /** Too many messages, or too many bytes before the room was ready. */
  RateLimited: 4429,
  /** The briefing could not be read from the store; retry. */
  LoadFailed: 4503,
  /** Too many edits of this briefing are waiting to be stored; retry, edits are resent. */
  WriteBacklogFull: 4507,
  /** The client did not read what the server sent, past the send-buffer cap; retry. */
  SlowReader: 4508,
} as const

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode]
