/**
 * The sign-in backoff (server/auth/loginThrottle.ts) at the HTTP edge, for every route that
 * checks a password (signing in, changing the password): who is attempting from where and on
 * which known device, one 429 with one Retry-After, and the known-device cookie a successful
 * sign-in leaves in the browser.
 */
import type { Request, Response } from 'express'
import { parseCookies } from '../../auth/authenticate'
import {
  issueKnownDevice,
  KNOWN_DEVICE_COOKIE,
  KNOWN_DEVICE_TTL_MS,
  knownDeviceOf,
} from '../../auth/knownDevice'
import type { LoginThrottle, SignInAttempt } from '../../auth/loginThrottle'
import { HttpError } from '../errors'

/** Where the known-device cookie is sent: only to the routes that check passwords. */
const KNOWN_DEVICE_PATH = '/api/auth'

export class SignInGate {
  constructor(
    private readonly throttle: LoginThrottle,
    /** Signs known-device cookies; shared by every instance through the store. */
    private readonly deviceSecret: string,
    private readonly now: () => number,
  ) {}

  /**
   * Counts a password check for `email` (the account `userId`, when it exists) before it is
   * made, or throws 429 `rate_limited` while it must wait; `attempts` names them in the
   * message. Returns the attempt, to report a success with.
   */
  async admit(
    req: Request,
    res: Response,
    email: string,
    userId: string | undefined,
    attempts: string,
  ): Promise<SignInAttempt> {
    const attempt: SignInAttempt = {
      email,
      ip: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      knownDevice: knownDeviceOf(this.deviceSecret, this.deviceCookie(req), userId, this.now()),
    }
    const wait = await this.throttle.admit(attempt)
    if (wait <= 0) return attempt
    const seconds = Math.ceil(wait / 1000)
    res.setHeader('Retry-After', seconds)
    throw new HttpError(429, 'rate_limited', `too many ${attempts}; try again in ${seconds} s`)
  }

  /** The password was right: the attempt's backoff starts again. */
  succeeded(attempt: SignInAttempt): Promise<void> {
    return this.throttle.succeeded(attempt)
  }

  /** Marks this browser as a known device of `userId` (after a successful sign-in). */
  rememberDevice(req: Request, res: Response, userId: string): void {
    const now = this.now()
    const current = knownDeviceOf(this.deviceSecret, this.deviceCookie(req), userId, now)
    res.cookie(
      KNOWN_DEVICE_COOKIE,
      issueKnownDevice(this.deviceSecret, userId, now, current ?? undefined),
      {
        httpOnly: true,
        // Only our own pages ever send it: a cross-site form cannot use someone's device.
        sameSite: 'strict',
        secure: req.secure,
        path: KNOWN_DEVICE_PATH,
        maxAge: KNOWN_DEVICE_TTL_MS,
      },
    )
  }

  private deviceCookie(req: Request): string | undefined {
    return parseCookies(req.headers.cookie).get(KNOWN_DEVICE_COOKIE)
  }
}
