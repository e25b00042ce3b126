/**
 * The 429 of the per-account sign-in backoff (server/auth/loginThrottle.ts), for every route
 * that checks a password (signing in, changing the password): one wait, one Retry-After, one
 * error shape.
 */
import type { Response } from 'express'
import type { LoginThrottle } from '../../auth/loginThrottle'
import { HttpError } from '../errors'

/** Throws 429 `rate_limited` while `email` must wait; `attempts` names them in the message. */
export async function refuseWhileBackingOff(
  throttle: LoginThrottle,
  email: string,
  res: Response,
  attempts: string,
): Promise<void> {
  const wait = await throttle.retryAfterMs(email)
  if (wait <= 0) return
  const seconds = Math.ceil(wait / 1000)
  res.setHeader('Retry-After', seconds)
  throw new HttpError(429, 'rate_limited', `too many ${attempts}; try again in ${seconds} s`)
}
