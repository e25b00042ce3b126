/**
 * Why the access layer ends an open collaboration connection. Raised by LiveAccess when a
 * session ends or a role changes; the collaboration layer maps each to its close code
 * (server/collab/closeFor.ts).
 */

/** The credential the socket was opened with is gone: signed out, expired or revoked. */
export class SessionEnded extends Error {
  override name = 'SessionEnded'
}

/** The user may no longer read this briefing (or access could not be checked). */
export class AccessRevoked extends Error {
  override name = 'AccessRevoked'
}

/** The user's role now allows writing; the connection reconnects to pick it up. */
export class WriteAccessGranted extends Error {
  override name = 'WriteAccessGranted'
}
