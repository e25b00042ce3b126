/**
 * Limits on account fields, the server's rules (server/http/routes/accountFields.ts) and the
 * client's forms read the same numbers, so a change cannot reach only one side.
 */

/** Shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10
/** Longest password accepted; bounds the hashing work an attacker can ask for. */
export const MAX_PASSWORD_LENGTH = 256
/** Longest display name; the client shortens it further for caret labels. */
export const MAX_DISPLAY_NAME_LENGTH = 100
