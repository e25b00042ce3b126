/**
 * Known-device cookies: a long-lived signed cookie a browser gets when someone signs in on it,
 * naming the account and a random device id. A sign-in that presents one for the account it
 * is trying is held back only by that device's own failures (server/auth/loginThrottle.ts),
 * so an outsider guessing passwords elsewhere cannot lock the owner out of their own browser.
 * The value is `base64url(payload).base64url(hmac)`, signed with an instance secret kept in
 * the store, like collab tokens. It grants nothing by itself: the password is still checked.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { randomToken } from './secrets'

export const KNOWN_DEVICE_COOKIE = 'briefing_device'
/** How long a browser stays known without signing in again. */
export const KNOWN_DEVICE_TTL_MS = 180 * 24 * 60 * 60_000

interface KnownDeviceClaims {
  /** The account that signed in on this browser. */
  u: string
  /** The device id: the backoff bucket of sign-ins from this browser. */
  d: string
  /** When it was issued, milliseconds since the epoch. */
  iat: number
}

function sign(secret: string, payload: string): Buffer {
  // Domain-separated, so the same secret could never sign something else that verifies here.
  return createHmac('sha256', secret).update(`known-device:${payload}`).digest()
}

/**
 * A cookie value naming `userId` on this browser. Keeps `deviceId` (the browser's id so far)
 * when given, so the device stays the same bucket across sign-ins.
 */
export function issueKnownDevice(
  secret: string,
  userId: string,
  nowMs: number,
  deviceId: string = randomToken('', 16),
): string {
  const claims: KnownDeviceClaims = { u: userId, d: deviceId, iat: nowMs }
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `${payload}.${sign(secret, payload).toString('base64url')}`
}

/**
 * The device id in `value` when it is a genuine, unexpired cookie for `userId`; null for
 * anything else (missing, forged, another account's, expired).
 */
export function knownDeviceOf(
  secret: string,
  value: string | undefined,
  userId: string | undefined,
  nowMs: number,
): string | null {
  if (!value || !userId) return null
  const [payload, signature, extra] = value.split('.')
  if (!payload || !signature || extra !== undefined) return null
  const expected = sign(secret, payload)
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  let claims: Partial<KnownDeviceClaims>
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  if (claims.u !== userId || typeof claims.d !== 'string' || typeof claims.iat !== 'number') {
    return null
  }
  return claims.iat + KNOWN_DEVICE_TTL_MS > nowMs ? claims.d : null
}
