/**
 * Why the collaboration layer ends a connection, as errors it raises itself. Message
 * decoding raises MalformedMessageError (shared/protocol), the access layer its own errors
 * (server/auth/accessErrors.ts); `closeFor` (./closeFor.ts) turns each into a close code.
 * Anything else that reaches a connection is a server fault and closes 1011.
 */

/** An update decodes but would leave the document outside the schema. */
export class InvalidContentError extends Error {
  override name = 'InvalidContentError'
}

/** A connection sent faster, or more before its room was ready, than it may. */
export class RateLimitExceeded extends Error {
  override name = 'RateLimitExceeded'
}

/** A connection stopped reading: what it has not read passed the send-buffer cap. */
export class SlowReader extends Error {
  override name = 'SlowReader'
}

/** The room's edits waiting for the store passed the backlog cap; refuse more for now. */
export class WriteBacklogFull extends Error {
  override name = 'WriteBacklogFull'
}

/** The store could not be read while loading the room. */
export class RoomLoadFailed extends Error {
  override name = 'RoomLoadFailed'
}

/** The server is stopping (or restarting); clients come back once it is up. */
export class ServerRestarting extends Error {
  override name = 'ServerRestarting'
  constructor(message = 'server restarting') {
    super(message)
  }
}

/** The briefing was deleted while the connection was open. */
export class BriefingDeleted extends Error {
  override name = 'BriefingDeleted'
  constructor(message = 'briefing deleted') {
    super(message)
  }
}
