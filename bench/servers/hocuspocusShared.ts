/**
 * What the Hocuspocus bench server shares with the harness: the storage layout of
 * @hocuspocus/extension-sqlite (so the cold-load scenario can write a document the way the
 * extension stores it) and the token format its onAuthenticate hook checks.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

/** The schema of @hocuspocus/extension-sqlite. */
export const HOCUSPOCUS_SCHEMA = `CREATE TABLE IF NOT EXISTS "documents" (
  "name" varchar(255) NOT NULL,
  "data" blob NOT NULL,
  UNIQUE(name)
)`

export const HOCUSPOCUS_DB_FILE = 'hocuspocus.db'

/** `<expiry ms>.<hex HMAC-SHA256 of name and expiry>` */
export function hocuspocusToken(secret: string, documentName: string, expiresAt: number): string {
  const mac = createHmac('sha256', secret).update(`${documentName}\n${expiresAt}`).digest('hex')
  return `${expiresAt}.${mac}`
}

export function hocuspocusTokenValid(secret: string, documentName: string, token: string): boolean {
  const [expiry, mac] = token.split('.')
  const expiresAt = Number(expiry)
  if (!mac || !Number.isFinite(expiresAt) || expiresAt < Date.now()) return false
  const expected = hocuspocusToken(secret, documentName, expiresAt).split('.')[1]!
  return mac.length === expected.length && timingSafeEqual(Buffer.from(mac), Buffer.from(expected))
}
