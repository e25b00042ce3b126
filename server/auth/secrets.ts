/** Random secrets and their stored digests. */
import { createHash, randomBytes } from 'node:crypto'

/** A URL-safe random token with `bytes` of entropy and an optional recognisable prefix. */
export function randomToken(prefix = '', bytes = 32): string {
  return prefix + randomBytes(bytes).toString('base64url')
}

/** The form in which a bearer secret is stored: a leaked table cannot be replayed. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}
