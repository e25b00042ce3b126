/**
 * What the access layer refuses. LiveAccess ends open collaboration connections with the
 * first three (the collaboration layer maps each to its close code, server/collab/closeFor.ts);
 * AccessControl.require refuses requests with the last two (HTTP maps them to 404 and 403,
 * server/http/errors.ts).
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

/**
 * The caller may not see the briefing, or it does not exist: the two are one error, so ids
 * leak nothing.
 */
export class BriefingNotVisible extends Error {
  override name = 'BriefingNotVisible'
  constructor() {
    super('briefing not found')
  }
}

/** The caller sees the briefing, but their role does not allow the action. */
export class ActionForbidden extends Error {
  override name = 'ActionForbidden'
}
