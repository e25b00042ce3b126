/**
 * What a caller signed in with, as one discriminated union. The key form (`s:<hash>`,
 * `t:<id>`) exists only where a credential must travel as text, in a collab token's `via`
 * claim and in a fan-out control message; it is written and read here and nowhere else.
 */

export type Credential =
  | { kind: 'session'; sessionHash: string }
  | { kind: 'token'; tokenId: string; readOnly: boolean }

/** A credential named without what it grants: enough to look it up or compare it. */
export type CredentialRef =
  | { kind: 'session'; sessionHash: string }
  | { kind: 'token'; tokenId: string }

const SESSION_PREFIX = 's:'
const TOKEN_PREFIX = 't:'

/** A stable string naming the credential, for binding collab tokens and closing sockets. */
export function credentialKey(credential: CredentialRef): string {
  return credential.kind === 'session'
    ? `${SESSION_PREFIX}${credential.sessionHash}`
    : `${TOKEN_PREFIX}${credential.tokenId}`
}

/** The credential a key names; null for a key this module did not write. */
export function parseCredentialKey(key: string): CredentialRef | null {
  if (key.startsWith(SESSION_PREFIX) && key.length > SESSION_PREFIX.length) {
    return { kind: 'session', sessionHash: key.slice(SESSION_PREFIX.length) }
  }
  if (key.startsWith(TOKEN_PREFIX) && key.length > TOKEN_PREFIX.length) {
    return { kind: 'token', tokenId: key.slice(TOKEN_PREFIX.length) }
  }
  return null
}

/** Whether two credentials are the same sign-in (what it grants aside). */
export function sameCredential(a: CredentialRef, b: CredentialRef): boolean {
  if (a.kind === 'session') return b.kind === 'session' && a.sessionHash === b.sessionHash
  return b.kind === 'token' && a.tokenId === b.tokenId
}

/** Whether the credential is a read-only API token, which never writes. */
export function isReadOnly(credential: Credential | null): boolean {
  return credential?.kind === 'token' && credential.readOnly
}
